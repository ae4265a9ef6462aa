// Issue 16, the workbook's commentary: a comments column beside each KPI (Rotherham's housing table, as
// published) is the KPI's commentary on page 1's exceptions and in the register. Commentary typed on the
// scorecard wins and survives regeneration; the workbook's own, left as written, follows the workbook.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { workbookCommentary } from "../../src/core/scorecard/commentary";

const FILE = join(__dirname, "..", "corpus", "xlsx", "rotherham-housing-performance-2024-q2.xlsx");
const AS_OF = "2024-09-30";
const DECENT = "Percentage of homes not meeting the Decent Homes Standard";

async function values(wb: HeadlessWorkbook, sheet: string): Promise<string[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange();
    r.load("values");
    await ctx.sync();
    return r.values.map((row) => row.map((v) => String(v)));
  });
}

/** The `columnHeader` cells of the rows starting with `rowText`, in the tables whose heading row also has `header`. */
function besides(grid: string[][], header: string, columnHeader: string, rowText: string): string[] {
  const out: string[] = [];
  let col = -1;
  for (const row of grid) {
    if (row.includes(columnHeader)) {
      col = row.includes(header) ? row.indexOf(columnHeader) : -1;
      continue;
    }
    if (col >= 0 && row.some((c) => c.startsWith(rowText))) out.push(row[col]);
  }
  return out;
}

const insert = (wb: HeadlessWorkbook) => wb.run((ctx) => insertScorecard(ctx, { workbookName: "rotherham.xlsx", overrides: { asOf: AS_OF }, today: AS_OF, generatedAt: "2024-10-05T09:00:00Z" }));

describe("a table with a comments column", () => {
  test("the comment stands beside its KPI among page 1's exceptions and in the register", async () => {
    const wb = await openWorkbook(await readFile(FILE));
    const { applied } = await insert(wb);
    const sheet = await values(wb, "Scorecard");
    // Page 1's exceptions table has "Latest against target"; the register has "Findings" or "Latest" headings.
    const exceptionRows = besides(sheet, "Latest against target", "Commentary", DECENT);
    expect(exceptionRows).toEqual(["Not on Target. Better than last quarter"]);
    const all = [...exceptionRows, ...besides(await values(wb, "Scorecard register"), "Measure", "Commentary", DECENT)];
    expect(all.filter((t) => t === "Not on Target. Better than last quarter")).toHaveLength(2); // page 1 and the register
    expect(applied).toBeDefined();
  });

  test("typed commentary wins and survives; the workbook's own follows the workbook when it changes", async () => {
    const wb = await openWorkbook(await readFile(FILE));
    await insert(wb);
    // Someone types over the workbook's comment on the scorecard for the decent-homes KPI …
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Scorecard");
      const used = ws.getUsedRange();
      used.load("values");
      await ctx.sync();
      const grid = used.values.map((r) => r.map(String));
      const header = grid.findIndex((r) => r.includes("Latest against target"));
      const col = grid[header].indexOf("Commentary");
      const row = grid.findIndex((r, i) => i > header && r.some((c) => c.startsWith(DECENT)));
      ws.getCell(row, col).values = [["Decent homes plan agreed at the October board"]];
      // … and the officer updates another KPI's comment in the workbook.
      ctx.workbook.worksheets.getItem("Housing performance").getRange("H9").values = [["On Target. Slightly worse than last quarter"]];
      await ctx.sync();
    });
    await insert(wb);
    // Page 1's exception row and the register's row (on its own sheet).
    const [page1, register] = [await values(wb, "Scorecard"), await values(wb, "Scorecard register")];
    expect([...besides(page1, "Latest against target", "Commentary", DECENT), ...besides(register, "Measure", "Commentary", DECENT)]).toEqual(["Decent homes plan agreed at the October board", "Decent homes plan agreed at the October board"]);
    const emergency = besides(register, "Measure", "Commentary", "Percentage of emergency repairs completed in time");
    expect(emergency).toEqual(["On Target. Slightly worse than last quarter"]);
  });
});

describe("what counts as the workbook's commentary", () => {
  test.each([
    [{ notes: "Not on Target. Better than last quarter", frequency: null }, "Not on Target. Better than last quarter"],
    [{ notes: "Monthly", frequency: "Monthly" }, ""], // the frequency, said in a notes column
    [{ notes: "Monthly, may include completed cases not yet recorded", frequency: "Monthly" }, "May include completed cases not yet recorded"],
    [{ notes: "Stage 1 Complaints", frequency: null }, "Stage 1 Complaints"],
    [{ notes: "Quarterly review due in June", frequency: null }, "Quarterly review due in June"],
    [{ notes: null, frequency: null }, ""],
  ])("%p -> %p", (kpi, expected) => {
    expect(workbookCommentary(kpi)).toBe(expected);
  });
});
