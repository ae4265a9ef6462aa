// The whole path on every fixture: scan through src/excel on the headless host, build the spec,
// apply it, save. The scorecard has one row per KPI, and no other sheet changes by a single cell.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook, WorkbookOpenError } from "../../src/host";
import type { HeadlessWorkbook } from "../../src/host";
import { scanAndApply } from "../helpers/scorecard";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";

const FIXTURES = join(__dirname, "..", "fixtures");

interface SheetCells {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** Every cell of every sheet except those in `skip`: value, formula and number format. */
async function cellsOf(wb: HeadlessWorkbook, skip: readonly string[]): Promise<Record<string, SheetCells | null>> {
  return wb.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const ranges = sheets.items
      .filter((s) => !skip.includes(s.name))
      .map((s) => {
        const r = s.getUsedRangeOrNullObject();
        r.load("address,values,formulas,numberFormat");
        return { name: s.name, r };
      });
    await ctx.sync();
    return Object.fromEntries(
      ranges.map(({ name, r }) => [name, r.isNullObject ? null : { address: r.address, values: r.values, formulas: r.formulas, numberFormat: r.numberFormat }]),
    );
  });
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx"));

describe.each(files)("%s", (file) => {
  test("scorecard rows = KPI count; every other sheet identical before and after", async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
    let wb: HeadlessWorkbook;
    try {
      wb = await openWorkbook(bytes);
    } catch (e) {
      // not-a-workbook, password-protected: the scan reports them; there is nothing to insert into.
      expect(e).toBeInstanceOf(WorkbookOpenError);
      expect(["not-a-workbook", "password-protected"]).toContain((e as WorkbookOpenError).reason);
      return;
    }
    const before = await cellsOf(wb, []);
    const { result, spec, applied, writeStats } = await scanAndApply(wb, file);
    const kpiCount = result.tables.reduce((n, t) => n + t.kpis.length, 0);
    expect(applied.kpiRows).toBe(kpiCount);
    expect(spec.rows).toHaveLength(kpiCount);
    expect(writeStats.syncs).toBeLessThanOrEqual(3);

    const owned = [applied.sheetName, applied.registerSheetName, applied.dataSheetName];
    const after = await cellsOf(wb, owned);
    expect(after).toEqual(before);

    // What a user opens: the saved file, re-read.
    const saved = await wb.save();
    const reopened = await openWorkbook(saved);
    expect(await cellsOf(reopened, owned)).toEqual(before);
    const rag = await reopened.run(async (ctx) => {
      const cells = spec.rows.map((r) => {
        const c = ctx.workbook.worksheets.getItem(applied.registerSheetName).getCell(r.row, spec.table.ragCol);
        c.load("values");
        return c;
      });
      await ctx.sync();
      return cells.map((c) => String(c.values[0][0]).split("\n")[0]);
    });
    expect(rag).toEqual(spec.rows.map((r) => r.ragWord));
    const charts = (await readChartsFromXlsx(saved)).filter((c) => c.sheetName === applied.sheetName);
    expect(charts).toHaveLength(spec.charts.length);

    // Every Source link, read back from the saved file, lands on a non-empty cell of an existing sheet.
    const targets = await reopened.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(applied.registerSheetName);
      const cells = spec.rows.map((r) => {
        const c = sheet.getCell(r.row, spec.table.columns.findIndex((col) => col.id === "source"));
        c.load("hyperlink");
        return c;
      });
      await ctx.sync();
      const refs = cells.map((c) => c.hyperlink?.documentReference ?? "");
      const ranges = refs.map((ref) => {
        const bang = ref.lastIndexOf("!");
        const name = ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
        const r = ctx.workbook.worksheets.getItemOrNullObject(name).getRange(ref.slice(bang + 1));
        r.load("values");
        return r;
      });
      await ctx.sync();
      return ranges.map((r, i) => ({ ref: refs[i], value: r.isNullObject ? null : r.values[0][0] }));
    });
    for (const t of targets) {
      expect(t.ref).not.toBe("");
      expect(t.value).not.toBeNull();
      expect(t.value).not.toBe("");
    }
  });
});

describe("bad-input.xlsx on the scorecard", () => {
  test("formula-like measures appear literally, and links reach sheets with apostrophes and non-Latin names", async () => {
    const wb = await openWorkbook(new Uint8Array(readFileSync(join(FIXTURES, "bad-input.xlsx"))));
    const { spec, applied } = await scanAndApply(wb, "bad-input.xlsx");
    const reopened = await openWorkbook(await wb.save());
    const measureCol = spec.table.columns.findIndex((c) => c.id === "measure");
    const sourceCol = spec.table.columns.findIndex((c) => c.id === "source");
    const got = await reopened.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(applied.registerSheetName);
      const measures = spec.rows.map((r) => {
        const c = sheet.getCell(r.row, measureCol);
        c.load("values,formulas,valueTypes");
        return c;
      });
      const links = spec.rows.map((r) => {
        const c = sheet.getCell(r.row, sourceCol);
        c.load("hyperlink");
        return c;
      });
      await ctx.sync();
      return { measures, links: links.map((l) => l.hyperlink?.documentReference) };
    });
    const values = got.measures.map((m) => m.values[0][0]);
    expect(values).toContain('=HYPERLINK("http://example.invalid","x")');
    expect(values).toContain("-5 days");
    got.measures.forEach((m) => expect(m.valueTypes[0][0]).toBe("String"));
    expect(got.links).toContain("'Bürgermeister''s KPIs'!B4");
    expect(got.links).toContain("'指標 KPIs'!B4");
  });
});
