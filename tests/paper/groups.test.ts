// Issue 16, groups a reader would see: a section row is a group when it reads as a heading — words, not a line of
// references or figures, not a lead-in to lettered sub-items ("Satisfaction:" over "a) …", "b) …") — so the KPIs
// are grouped at the level the publisher's table is organised by.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { asGroup } from "../../src/core/recognise/titles";
import type { ScanResult } from "../../src/core/types";

async function scan(file: string, asOf: string): Promise<ScanResult> {
  const wb = await openWorkbook(await readFile(file));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "w.xlsx", overrides: { asOf }, today: asOf }));
  return result;
}

const groupsOf = (r: ScanResult, sheet: string) => [...new Set(r.tables.filter((t) => t.sheet === sheet).flatMap((t) => t.kpis.map((k) => k.group)))];

describe("section rows that are groups", () => {
  test.each([
    ["Baseline 1/ 2 to 1/ 6/", null], // a line of references above a table
    ["2019 2020 2021", null],
    ["Satisfaction:", null], // a lead-in to the lettered rows under it
    ["Council tax and business rates collected:", null],
    ["Joint Commissioning, Sufficiency and Evaluation", "Joint Commissioning, Sufficiency and Evaluation"],
    ["Key Stage 4", "Key Stage 4"],
    ["Housing Repairs", "Housing Repairs"],
    ["Priority 2 – Inclusion", "Priority 2 – Inclusion"],
  ])("%p -> %p", (line, group) => {
    expect(asGroup(line)).toBe(group);
  });

  test("Sefton's action 1: no group named by the line of references over its second table; seed 000's priorities are groups", async () => {
    const fixtures = join(__dirname, "..", "fixtures");
    const sefton = await scan(join(fixtures, "seed002-sefton-typed.xlsx"), "2020-12-08");
    // "Writing" and "Maths" are the KS2 table's areas; the table under "Baseline 1/ 2 to 1/ 6/" has no group.
    expect(groupsOf(sefton, "Action 1")).toEqual(["Writing", "Maths", null]);
    const board = await scan(join(fixtures, "seed000-typed.xlsx"), "2024-02-29");
    expect(groupsOf(board, "KPIs 2024")).toEqual(["Early Identification & Support", "Inclusion in Education and Community", "Joint Commissioning, Sufficiency and Evaluation", "Systems and Practice"]);
  });

  test("the sample's action plan: each table under the title naming its action", async () => {
    const r = await scan(join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx"), "2020-12-08");
    expect(groupsOf(r, "Action plan")).toEqual(["Action 1 – EHC plans: timeliness, reviews and quality", "Action 2 – Designated Clinical Officer oversight", "Action 3 – Health professionals' contributions to EHC plans"]);
  });

  test("Rotherham's council plan measures: grouped by the plan's themes, not by the lead-ins to lettered items", async () => {
    const r = await scan(join(__dirname, "..", "corpus", "xlsx", "rotherham-mbc-council-plan-measures-2022-23.xlsx"), "2023-03-31");
    expect(groupsOf(r, "Performance measures")).toEqual(["Council Plan - One Council", "Council Plan theme - A cleaner, greener local environment"]);
  });
});
