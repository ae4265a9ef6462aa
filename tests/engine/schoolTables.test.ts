// Small school tables with no period in their headings (tests/fixtures/school-tables.xlsx, built by `npm run fixtures`
// from scripts/fixtures/build-school-tables.ts, the schools' own published figures).
import { allKpis, scanFixture } from "../helpers/scan";
import type { ScanResult } from "../../src/core/types";

describe("small school tables a reader reads without a period in the headings", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("school-tables.xlsx", { asOf: "2017-07-10" });
  });

  it("classes named 'Year 1' … 'Year 6' are the rows' names, not reference codes: every class is a KPI", () => {
    expect(allKpis(r, "Attendance").map((k) => [k.measure, k.ref ?? null])).toEqual([
      ["Year Reception", null],
      ["Year 1", null],
      ["Year 2", null],
      ["Year 3", null],
      ["Year 4", null],
      ["Year 5", null],
      ["Year 6", null],
      ["TOTAL", null],
    ]);
  });

  it("figures headed only by what they hold ('% Attendance | Authorised Absence % | …'): the first is the row's own", () => {
    expect(allKpis(r, "Attendance").map((k) => k.latest?.value)).toEqual([0.9703, 0.9706, 0.966, 0.9736, 0.9645, 0.9433, 0.9634, 0.9643]);
  });

  it("'School % | National % | School Exceeding % | National Exceeding %': the school's first figure, not its exceeding one", () => {
    expect(allKpis(r, "KS1").map((k) => [k.measure, k.latest?.value])).toEqual([
      ["Reading", 0.727],
      ["Writing", 0.673],
      ["Maths", 0.782],
    ]);
  });

  it("' | School | Local Authority | National' and ' | School | National': the school's figure, the others its comparators", () => {
    const ks = allKpis(r, "KS2");
    expect(ks.map((k) => [k.group, k.measure, k.latest?.value])).toEqual([
      ["Pupils achieving the expected standard", "Reading", 0.98],
      ["Pupils achieving the expected standard", "Writing", 0.94],
      ["Pupils achieving the expected standard", "Maths", 0.96],
      ["Average Scaled Scores", "Reading", 110.1],
      ["Average Scaled Scores", "Maths", 108.3],
      ["Average Scaled Scores", "Grammar, Punctuation and Spelling", 109.8],
    ]);
    expect(ks[0].benchmarks?.map((b) => [b.label, b.value?.value])).toEqual([
      ["Local Authority", 0.73],
      ["National", 0.73],
    ]);
  });

  it("'% Meeting Expected Standard | Average Scaled Score | National …': the share meeting the standard is the figure, not a target", () => {
    const ks = allKpis(r, "Results 2024");
    expect(ks.map((k) => [k.measure, k.latest?.value, k.target?.value ?? null])).toEqual([
      ["Reading", 0.95, null],
      ["GPS", 0.97, null],
      ["Writing", 0.98, null],
      ["Reading", 0.62, null],
      ["GPS", 0.66, null],
      ["Writing", 0.18, null],
    ]);
  });

  it("a line naming the measure over subjects ('Average Scaled Scores' over 'Reading'): it files them and says their unit", () => {
    expect(allKpis(r, "KS2").map((k) => k.unit)).toEqual(["percent", "percent", "percent", "score", "score", "score"]);
  });

  it("the corner naming the measure the subjects break down ('Percentage of pupils meeting the expected standard in'): their group and unit", () => {
    const ks = allKpis(r, "KS2 2018");
    expect(ks.map((k) => [k.group, k.measure, k.latest?.value, k.unit])).toEqual([
      ["Percentage of pupils meeting the expected standard in", "Reading", 0.62, "percent"],
      ["Percentage of pupils meeting the expected standard in", "Writing", 0.58, "percent"],
      ["Percentage of pupils meeting the expected standard in", "Maths", 0.42, "percent"],
    ]);
  });

});

describe("a school's results kept for two summers", () => {
  let r: ScanResult;
  beforeAll(async () => {
    r = await scanFixture("school-tables.xlsx", { asOf: "2024-07-31" });
  });

  it("each summer's 'expected' and 'higher' tables ('Subject | 2024 LDSM results | …'): one KPI per subject and caption, 2024 latest, 2023 previous", () => {
    const higher = "% of children reaching the ‘higher’ standard (tests) of ‘greater depth’ (writing teacher assessment only)";
    expect(allKpis(r, "KS2 Results").map((k) => [k.group, k.measure, k.latest?.value, k.previous?.value])).toEqual([
      ["% of children reaching the ‘expected’ standard", "Reading", 0.965, 0.89],
      ["% of children reaching the ‘expected’ standard", "Maths", 0.965, 0.9],
      [higher, "Reading", 0.625, 0.45],
      [higher, "Maths", 0.464, 0.42],
    ]);
  });

  it("years down the rows under subjects merged over '% EXS | % GDS': each column a measure, 2019 latest, 2018 previous", () => {
    expect(allKpis(r, "KS2 years").map((k) => [k.measure, k.sourceCell, k.latest?.value, k.previous?.value])).toEqual([
      ["% EXS", "B3", 0.64, 0.83],
      ["% GDS", "C3", 0.18, 0.42],
      ["% EXS", "D3", 0.75, 0.72],
      ["% GDS", "E3", 0.07, 0.14],
    ]);
  });

  it("'Nat % | 2019 % | 2022 % | 2023 %': years written with their sign are periods; the newest filled year is the latest", () => {
    expect(allKpis(r, "KS4").map((k) => [k.measure, k.latest?.value, k.previous?.value])).toEqual([
      ["All – grade 4+ in English and Mathematics", 0.72, 0.71],
      ["All – grade 5+ in English and Mathematics", 0.37, 0.43],
      ["APS of students achieving the English Baccalaureate", 4.54, 4.53],
    ]);
    // "APS" is an average point score: a score, not a share.
    expect(allKpis(r, "KS4").map((k) => k.unit)).toEqual(["percent", "percent", "score"]);
  });

  it("the corner naming the measure over one column headed by the school's name ('Average Progress Scores | Thomas Gray')", () => {
    expect(allKpis(r, "Progress").map((k) => [k.group, k.measure, k.latest?.value, k.unit])).toEqual([
      ["Average Progress Scores", "Reading", 2.2, "score"],
      ["Average Progress Scores", "Writing", 3.3, "score"],
      ["Average Progress Scores", "Maths", 4.2, "score"],
      ["Average Scaled Scores", "Reading", 100.8, "score"],
      ["Average Scaled Scores", "Maths", 99.1, "score"],
    ]);
  });

  it("attendance by year group under a heading row naming every column in words: the Attendance column, read as a share", () => {
    expect(allKpis(r, "Spring 1").map((k) => [k.measure, k.latest?.value, k.unit])).toEqual([
      ["Reception", 0.913, "percent"],
      ["Year 1", 0.973, "percent"],
      ["Year 2", 0.962, "percent"],
      ["Totals", 0.962, "percent"],
    ]);
  });

  it("headings over one row of figures with no label: the school's own figures are KPIs, with their target and comparators", () => {
    const ks = allKpis(r, "One row");
    expect(ks.map((k) => [k.measure, k.sourceCell, k.latest?.value, k.target?.value ?? null])).toEqual([
      ["Percentage of pupils achieving the expected standard in reading, writing and mathematics:", "A3", 0.74, null],
      ["Average score in the reading test:", "A7", 105, null],
      ["School attendance 2016/17", "A12", 0.938, 0.95],
      ["School authorised absence", "D12", 0.055, null],
      ["School unauthorised absence", "E12", 0.017, null],
      ["School Persistent Absentees", "F12", 0.188, null],
    ]);
    expect(ks[0].benchmarks?.map((b) => [b.label, b.value?.value])).toEqual([
      ["Local Authority Average", 0.59],
      ["England Average", 0.53],
    ]);
    expect(ks[5].benchmarks?.map((b) => [b.label, b.value?.value])).toEqual([["National average Persistent Absentees 2016", 0.087]]);
  });

  it("tables run on one under another, each under its own caption ('KS1 results 2018', 'KS2 results 2018'): filed under it", () => {
    expect(allKpis(r, "Assessment").slice(1).map((k) => [k.group, k.measure, k.latest?.value])).toEqual([
      ["KS1 results 2018", "Reading", 0.727],
      ["KS1 results 2018", "Writing", 0.673],
      ["KS1 results 2018", "Maths", 0.782],
      ["KS2 results 2018", "Reading", 0.852],
      ["KS2 results 2018", "Writing", 0.754],
      ["KS2 results 2018", "Maths", 0.869],
    ]);
  });

  it("'Achieving Expected' is the figure; 'Average Progress' beside its 'Confidence Range' is a score, filed under its own caption", () => {
    expect(allKpis(r, "KS2 2017-18").map((k) => [k.group, k.measure, k.latest?.value, k.unit])).toEqual([
      ["Year 6 KS2 Attainment", "Reading", 0.35, "percent"],
      ["Year 6 KS2 Attainment", "Writing", 0.62, "percent"],
      ["Year 6 KS1 to KS2 Progress", "Reading", -4.74, "score"],
      ["Year 6 KS1 to KS2 Progress", "Mathematics", -3.93, "score"],
    ]);
  });
});
