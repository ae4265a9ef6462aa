// Which rows are KPIs, in layouts published reports use (tests/fixtures/rows-layouts.xlsx, built by `npm run fixtures`
// from scripts/fixtures/build-rows.ts): the same measures in two tables split by year on one sheet; small tables under
// a line naming the measure whose rows are the area reported on and its comparators.
import { allKpis, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

describe("rows a reader takes for one KPI", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("rows-layouts.xlsx", { asOf: "2024-07-31" });
  });

  it("two tables of the same measures split by year ('2024:' / '2023:'): one KPI per measure, its latest from 2024 and its previous from 2023", () => {
    const ks = allKpis(r, "KS2");
    expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value ?? null, k.dot.direction])).toEqual([
      ["Achieving the expected standard in reading, writing and mathematics", 0.82, 0.64, "up"],
      ["Achieving the expected standard in reading", 0.9, 0.79, "up"],
      ["Working at greater depth in writing", 0.3, 0.22, "up"],
      ["Average scaled score in mathematics", 107, 104, "up"],
      // Figures only in 2023: one KPI each, read from the 2023 table.
      ["Reading progress score*", 0.4, null, null],
      ["Mathematics progress score*", -1.2, null, null],
    ]);
    // Each kept with its 2024 row and assembled from both tables.
    expect(ks[0].sources?.map((s) => s.cell)).toEqual(["A5", "A14"]);
  });

  it("the sheet's own name written out above ('Key Stage 2' on 'KS2') and a measure with no figures are not sections", () => {
    expect(allKpis(r, "KS2").map((k) => k.group)).toEqual(Array(6).fill(null));
  });

  it("a table under a line naming the measure, its rows the area and its comparators: one KPI, the line's measure, the area's figures", () => {
    const ks = allKpis(r, "Economy");
    expect(ks.map((k) => [k.measure, k.latest?.value, k.previous?.value, k.dot.direction, k.sourceCell])).toEqual([
      ["Private sector employment – past performance:", 171800, 176400, "down", "A4"],
      ["Number of new business start-ups per year – past performance:", 2040, 1980, "up", "A10"],
      ["Three year business survival rate – past performance:", 0.644, 0.671, "down", "A15"],
    ]);
    // The section line above them all files them; the comparators are kept beside the KPI's latest figure.
    expect(ks.map((k) => k.group)).toEqual(Array(3).fill("Outcome – Borsetshire's economy grows"));
    expect(ks[0].benchmarks?.map((b) => ({ label: b.label, value: b.value?.value }))).toEqual([
      { label: "West Midlands", value: 1898000 },
      { label: "Great Britain", value: 21896900 },
    ]);
  });
});

describe("tables a reader finds by their words", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("rows-layouts.xlsx", { asOf: "2013-09-30" });
  });

  it("'Period' in the corner over years across: the rows under it are the measures, each table filed under its own caption", () => {
    const ks = allKpis(r, "Planning");
    expect(ks.map((k) => [k.group, k.measure, k.latest?.value, k.previous?.value, k.target?.value ?? null])).toEqual([
      ["Planning application performance", "Major Applications", 0.63, 0.45, 0.6],
      ["Planning application performance", "Minor Applications", 0.7, 0.58, 0.65],
      ["Planning appeal performance", "Appeal decisions", 58, 52, null],
      ["Planning appeal performance", "Upheld appeals", 22, 17, null],
    ]);
  });

  it("'Objective' and 'Measure:' lines are a form's labels, not KPIs: the rows of the small tables under them are", async () => {
    const ks = allKpis(await scanFixture("rows-layouts.xlsx", { asOf: "2017-06-30" }), "Goals");
    expect(ks.map((k) => [k.measure, k.latest?.value])).toEqual([
      ["Responses", 1104],
      ["# of Hours", 6010],
      ["Inspections", 212],
    ]);
  });
});

it("quarters down the rows and years across: one KPI, the line above's measure, its quarters in date order", async () => {
  const ks = allKpis(await scanFixture("rows-layouts.xlsx", { asOf: "2019-10-31" }), "Quarters");
  expect(ks.map((k) => [k.group, k.measure, k.latest?.value, k.previous?.value, k.dot.direction, k.sourceCell])).toEqual([
    ["Bins emptied on time", "Percentage of bins emptied on their scheduled day", 0.9969, 0.9978, "down", "A3"],
  ]);
  expect(ks[0].milestones.map((m) => (m.due ?? "").slice(0, 7))).toEqual(["2018-06", "2018-09", "2018-12", "2019-03", "2019-06", "2019-09", "2019-12", "2020-03"]);
});

it("the sheet's first line over its one table is the page's title, filing nothing; one of two sections over their own tables files its rows", async () => {
  const r = await scanFixture("rows-layouts.xlsx", { asOf: "2023-09-30" });
  expect(allKpis(r, "Service levels").map((k) => k.group)).toEqual([null, null]);
  expect(allKpis(r, "Results").map((k) => k.group)).toEqual(["Key Stage 4", "Key Stage 4", "Key Stage 5"]);
});

it("a KPI row whose figures are written in words ('Every 12th vehicle') is a row of the table, not the heading of another", async () => {
  const r = await scanFixture("rows-layouts.xlsx", { asOf: "2019-12-31" });
  expect(allKpis(r, "Words for figures").map((k) => [k.group, k.measure])).toEqual([
    [null, "Total Calls for Service"],
    [null, "Traffic Safety and Crash Reduction"],
    [null, "Response Time for Priority 1 Calls"],
  ]);
  expect(r.tables.filter((t) => t.sheet === "Words for figures").map((t) => t.range)).toEqual(["A2:E6"]);
});

it("a 'Comments: …' row under a KPI's row is that KPI's note, however long, not a KPI", async () => {
  const ks = allKpis(await scanFixture("rows-layouts.xlsx", { asOf: "2012-09-30" }), "Exceptions");
  expect(ks.map((k) => [k.measure, (k.notes ?? "").slice(0, 30)])).toEqual([
    ["FOI requests – number of new requests", "32% increase on the same perio"],
    ["Number of young people taking part in sport and recreation activities", "The programme did well this qu"],
  ]);
});

it("beside a headed table under 'Key Performance Indicators', a block of figures with no heading row under another line is context, not KPIs", async () => {
  const ks = allKpis(await scanFixture("rows-layouts.xlsx", { asOf: "2016-03-31" }), "Annual report");
  expect(ks.map((k) => k.measure)).toEqual(["Percentage of PCNs cancelled due to officer or processing error", "Complaints by recipients of PCNs successfully refuted"]);
});

it("a short measure ('All Crime') on two month sheets headed alike is one KPI, though one sheet's last column has no figures yet", async () => {
  const r = await scanFixture("rows-layouts.xlsx", { asOf: "2019-02-28" });
  const ks = [...allKpis(r, "Crime Nov 2018"), ...allKpis(r, "Crime Feb 2019")];
  expect(ks.map((k) => [k.sheet, k.measure, k.latest?.value, k.previous?.value])).toEqual([
    ["Crime Feb 2019", "All Crime", 0.149, 0.121],
    ["Crime Feb 2019", "Burglary Other Offences", -0.022, -0.031],
  ]);
});

it("'Inputs:' and 'Outputs:' label the sections of the rows under them; 'Satisfaction:' over lettered parts of one measure does not", async () => {
  const r = await scanFixture("rows-layouts.xlsx", { asOf: "2021-03-31" });
  expect(allKpis(r, "Colon sections").map((k) => [k.group, k.measure])).toEqual([
    ["Inputs", "Number of full time employees"],
    ["Inputs", "Number of branch staff"],
    ["Outputs", "Number of items borrowed"],
    ["Outputs", "Number of website visits"],
  ]);
  expect(allKpis(r, "Lettered").map((k) => k.group)).toEqual([null, null, null]);
});

it("a lead-in line files only the indented rows under it; a line saying which way is better files nothing", async () => {
  const r = await scanFixture("rows-layouts.xlsx", { asOf: "2020-09-30" });
  expect(allKpis(r, "Lead-in").map((k) => [k.group, k.measure])).toEqual([
    [null, "Number of complaints we received"],
    ["Subject of complaints", "Colleague conduct"],
    ["Subject of complaints", "Service delivery"],
    [null, "Average number of days to close a complaint"],
  ]);
});

it("a reference and its words in one cell, under 'KPI ref and description', name the KPI", async () => {
  const ks = allKpis(await scanFixture("rows-layouts.xlsx", { asOf: "2025-09-30" }), "Ref and description");
  expect(ks.map((k) => [k.measure, k.latest?.value, k.target?.value])).toEqual([["HM-01: Current rent collected as a % of rent owed (excluding void rent loss)", 0.9874, 1]]);
});
