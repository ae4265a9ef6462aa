// A workbook an earlier version wrote, with the register at the foot of the "Scorecard" sheet: regenerating moves the
// register to a sheet of its own (heading row frozen) and leaves none of the old register's rows on the scorecard, and
// changes no cell of the workbook's own sheets.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";

const OLD = join(__dirname, "..", "fixtures", "upgrade", "sample-with-register-on-scorecard.xlsx");
const OWN_SHEETS = ["Read me", "Therapy waits", "CAMHS ASD ADHD", "Action plan"];

async function sheetNames(wb: HeadlessWorkbook): Promise<string[]> {
  return wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/name");
    await ctx.sync();
    return s.items.map((x) => x.name);
  });
}

async function usedValues(wb: HeadlessWorkbook, sheet: string): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true);
    r.load("values");
    await ctx.sync();
    return r.values;
  });
}

/** The 1-based rows whose cells read "Ref", "Measure" … "Source": the register's heading (page 1's exceptions have no Source). */
function registerHeadings(values: unknown[][]): number[] {
  return values.flatMap((row, i) => (row[0] === "Ref" && row[1] === "Measure" && row.includes("Source") ? [i + 1] : []));
}

describe("upgrading a workbook whose register was on the scorecard sheet", () => {
  let before: HeadlessWorkbook;
  let after: HeadlessWorkbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    before = await openWorkbook(await readFile(OLD));
    after = await openWorkbook(await readFile(OLD));
    await after.run((ctx) => insertScorecard(ctx, { workbookName: "sample.xlsx", today: "2026-12-06", generatedAt: "2026-12-06T13:00:00Z" }));
    bytes = await after.save();
  });

  test("the old workbook holds its register on the scorecard (what is being upgraded)", async () => {
    expect(await sheetNames(before)).not.toContain("Scorecard register");
    expect(registerHeadings(await usedValues(before, "Scorecard"))).toHaveLength(1);
  });

  test("after regenerating, the register is on its own sheet, its heading row first and frozen, and none of it is left on the scorecard", async () => {
    const names = await sheetNames(after);
    expect(names.filter((n) => n === "Scorecard" || n === "Scorecard register")).toEqual(["Scorecard", "Scorecard register"]);
    expect(names.indexOf("Scorecard register")).toBe(names.indexOf("Scorecard") + 1);
    const scorecard = await usedValues(after, "Scorecard");
    expect(registerHeadings(scorecard)).toEqual([]);
    const oldRegisterRow = registerHeadings(await usedValues(before, "Scorecard"))[0];
    expect(scorecard.length).toBeLessThan(oldRegisterRow);
    const register = await usedValues(after, "Scorecard register");
    expect(registerHeadings(register)).toEqual([1]);
    const zip = await JSZip.loadAsync(bytes);
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const rid = /<sheet [^>]*name="Scorecard register"[^>]*r:id="(rId\d+)"/.exec(wbXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    const sheetXml = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });

  test("the workbook's own sheets are unchanged", async () => {
    for (const sheet of OWN_SHEETS) expect({ sheet, values: await usedValues(after, sheet) }).toEqual({ sheet, values: await usedValues(before, sheet) });
  });
});
