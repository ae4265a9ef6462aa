// Issue 19.2, the register on screen: on a sheet of its own, its heading row the first, frozen (Excel freezes panes
// only from the top of a sheet), with filter buttons over every column shown, and the link back to each KPI's
// source cell inside the print area, its text the cell's address.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { SAMPLE } from "../helpers/printCheck";
import { parseRangeAddress } from "../../src/core/address";

async function sheetXmlOf(zip: JSZip, name: string): Promise<string> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

describe("the sample's register on screen", () => {
  let bytes: Uint8Array;
  let register: { header: number; last: number; sourceCol: number; columns: number };
  beforeAll(async () => {
    const wb = await openWorkbook(await readFile(SAMPLE));
    const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "sample.xlsx", overrides: { asOf: "2024-02-29" }, today: "2024-02-29", generatedAt: "2024-03-01T09:00:00Z" }));
    bytes = await wb.save();
    const spec = out.applied;
    expect(spec.kpiRows).toBe(31); // the sample: Sefton's report as at 08.12.20
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Scorecard register")!;
    let header = -1;
    ws.eachRow((row, n) => {
      // The register's heading row, not page 1's exceptions' (which has no Source column).
      if (header < 0 && row.getCell(1).value === "Ref" && row.getCell(2).value === "Measure" && (row.values as unknown[]).includes("Source")) header = n;
    });
    const headings = (ws.getRow(header).values as unknown[]).map((v) => String(v ?? ""));
    register = { header, last: ws.rowCount, sourceCol: headings.indexOf("Source"), columns: headings.filter((h) => h && h !== "Key (do not edit)" && h !== "Source sheet").length };
  });

  test("the heading row is the register sheet's first, stays in view as its KPIs scroll, and carries filter buttons over every column shown", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await sheetXmlOf(zip, "Scorecard register");
    expect(register.header).toBe(1);
    expect(sheetXml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // The scorecard (page 1, charts) keeps only its title frozen, and has no filter.
    expect(await sheetXmlOf(zip, "Scorecard")).not.toMatch(/<autoFilter /);
    const ref = /<autoFilter ref="([^"]+)"/.exec(sheetXml)?.[1];
    expect(ref).toBeDefined();
    const rect = parseRangeAddress(ref!)!;
    expect(rect.row + 1).toBe(register.header);
    expect(rect.col).toBe(0);
    expect(rect.colCount).toBe(register.columns);
    expect(rect.row + rect.rowCount).toBeGreaterThanOrEqual(register.last - 1);
  });

  test("each KPI's link back to its source is printed, its text the cell's address", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet("Scorecard register")!;
    const zip = await JSZip.loadAsync(bytes);
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const area = parseRangeAddress(/<definedName name="_xlnm.Print_Area" localSheetId="\d+">&apos;Scorecard register&apos;!([^<]+)<\/definedName>/.exec(wbXml)![1].replace(/\$/g, ""))!;
    expect(register.sourceCol).toBeGreaterThan(0);
    expect(register.sourceCol - 1).toBeLessThan(area.col + area.colCount);
    // Links to a place in the workbook: <hyperlink ref="K300" location="'Board summary'!D7"/>.
    const sheetXml = await sheetXmlOf(zip, "Scorecard register");
    const links = [...sheetXml.matchAll(/<hyperlink [^>]*ref="([A-Z]+)(\d+)"[^>]*location="([^"]+)"/g)].filter((m) => Number(m[2]) > register.header);
    expect(links).toHaveLength(31);
    for (const [, col, row, location] of links) {
      expect(parseRangeAddress(`${col}1`)!.col + 1).toBe(register.sourceCol);
      const shown = String(ws.getRow(Number(row)).getCell(register.sourceCol).value);
      // The text is the cell's address (with its sheet where the group's heading does not name it).
      expect(location.replace(/&apos;/g, "'").endsWith(`!${shown.replace(/^.*!/, "")}`)).toBe(true);
      expect(shown).toMatch(/^([^!]+!)?[A-Z]+\d+$/);
    }
  });
});

describe("the headless host's AutoFilter (the part the add-in uses)", () => {
  test("apply and read back; criteria are refused rather than pretended, what ran before them in the batch staying done", async () => {
    const { newWorkbook } = await import("../../src/host");
    const wb = newWorkbook();
    const enabled = () =>
      wb.run(async (ctx) => {
        const f = ctx.workbook.worksheets.getItem("Sheet1").autoFilter;
        f.load("enabled");
        await ctx.sync();
        return f.enabled;
      });
    expect(await enabled()).toBe(false);
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [["Ref", "Measure", "RAG"], ["1", "a", "Red"], ["2", "b", "Green"]];
      ws.autoFilter.apply(ws.getRange("A1:C3"));
      await ctx.sync();
    });
    expect(await enabled()).toBe(true);
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.autoFilter.remove();
        ws.autoFilter.apply(ws.getRange("A1:C3"), 2, { filterOn: "Values", values: ["Red"] } as unknown as Excel.FilterCriteria);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    // As in Excel, what the failed batch ran before the refused call stays done: the filter was removed.
    expect(await enabled()).toBe(false);
  });
});
