// Section rows inside a table's body: a lone line under the heading row heads the KPI rows below it, even where its
// words would make a line above a table a caption ("… in target time", "Cancer Targets"); a line marked as a
// footnote under a KPI is a note on that KPI. An assembled KPI is filed where its newest row sits.
import { join } from "node:path";
import { scanFixture } from "../helpers/scan";
import { asGroup, asGroupInBody } from "../../src/core/recognise/titles";
import type { ScanResult } from "../../src/core/types";

const CORPUS = join("..", "corpus", "xlsx");
const groups = (r: ScanResult, sheet: string) => r.tables.filter((t) => t.sheet === sheet).flatMap((t) => t.kpis.map((k) => [k.measure.slice(0, 24), k.group]));

describe("a lone line inside a table's body", () => {
  test.each([
    ["Repairs completed in target time", "Repairs completed in target time"],
    ["**Cancer Targets", "**Cancer Targets"],
    ["18 Weeks", "18 Weeks"],
    ["Housing Repairs", "Housing Repairs"],
    // Still not a section: a report's title, a sentence, a lead-in, a line of references, a note.
    ["Key Performance Indicators 2023/24", null],
    ["These figures are provisional and will be revised next quarter.", null],
    ["This section covers statutory timescales for assessments and plans.", null],
    ["Broken down by:", null],
    ["2019 2020 2021", null],
    ["COMMENTS: strong performance", null],
    ["* Figures are provisional until the annual return is published", null],
  ])("%p -> %p", (line, group) => {
    expect(asGroupInBody(line)).toBe(group);
  });

  it("above a table, caption words still make a line the table's caption", () => {
    expect(asGroup("Repairs completed in target time")).toBeNull();
    expect(asGroup("**Cancer Targets")).toBeNull();
  });

  it("files the rows below it (Christie's quarter sheet: '**Cancer Targets', then '18 Weeks', '6 Weeks')", async () => {
    const r = await scanFixture(join(CORPUS, "christie-key-indicators-2021-22-quarter-sheets.xlsx"), { asOf: "2022-03-31" });
    const q4 = groups(r, "Q4 2021-22");
    expect(q4.slice(0, 8).map(([, g]) => g)).toEqual([...Array(7).fill("**Cancer Targets"), "18 Weeks"]);
  });

  it("an assembled KPI takes the section of its newest row, not an older sheet's (Horton: grouped on Q3 2023-24 only)", async () => {
    const r = await scanFixture(join(CORPUS, "horton-housing-kpis-quarter-sheets-2023-25.xlsx"), { asOf: "2024-09-30" });
    expect(groups(r, "Q3 2023-24").filter(([m]) => ["Emergency", "Urgent", "Routine"].includes(m as string))).toEqual([
      ["Emergency", "Repairs completed in target time"],
      ["Urgent", "Repairs completed in target time"],
      ["Routine", "Repairs completed in target time"],
    ]);
    expect(groups(r, "Q2 2024-25")).toContainEqual(["Satisfaction of repair r", null]);
  });
});
