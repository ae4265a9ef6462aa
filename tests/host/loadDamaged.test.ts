// Damaged and extreme workbooks on the host, made by the fuzz suite's generator (tests/fuzz/variants.ts):
// valid files read exactly, damaged ones refused in words naming the part, limits checked before the work.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { openWorkbook, WorkbookOpenError, type HeadlessWorkbook } from "../../src/host";
import { buildVariant, type VariantPlan } from "../fuzz/variants";

function variant(kind: string, fixture = "tests/fixtures/seed000-typed.xlsx", seed = 7): Promise<Uint8Array> {
  const plan: VariantPlan = { index: 0, kind, fixture, seed };
  return buildVariant(plan);
}

async function refusal(bytes: Uint8Array, options = {}): Promise<WorkbookOpenError> {
  try {
    await openWorkbook(bytes, options);
  } catch (e) {
    if (e instanceof WorkbookOpenError) return e;
    throw e;
  }
  throw new Error("the workbook opened");
}

interface Used {
  name: string;
  address: string | null;
  values: unknown[][];
}

async function usedValues(wb: HeadlessWorkbook, range?: string): Promise<Used[]> {
  return wb.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const used = sheets.items.map((s) => {
      const r = (range ? s.getRange(range) : s.getRange()).getUsedRangeOrNullObject(true);
      r.load("address");
      return r;
    });
    await context.sync();
    const withValues = used.map((r) => {
      if (r.isNullObject || r.address.endsWith("XFD1048576")) return null;
      r.load("values");
      return r;
    });
    await context.sync();
    return sheets.items.map((s, i) => ({ name: s.name, address: used[i].isNullObject ? null : used[i].address, values: withValues[i]?.values ?? [] }));
  });
}

describe("damaged workbooks are refused in words that name the damage", () => {
  it("a checksum mismatch names the damaged part and says what to do", async () => {
    const e = await refusal(await variant("checksum-mismatch"));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/^The file is damaged: part xl\/worksheets\/sheet\d+\.xml cannot be read\. Open it in Excel \(which may offer to repair it\) and save it again, then try again\.$/);
  });

  it("a file cut short is incomplete", async () => {
    const e = await refusal(await variant("truncated", "tests/fixtures/seed000-typed.xlsx", 3));
    expect(e.message).toMatch(/is damaged: it is incomplete/);
  });

  it("a part whose size is not what the package says is damaged, not read in part", async () => {
    const e = await refusal(await variant("lying-bomb"));
    expect(e.message).toMatch(/is damaged: part xl\/worksheets\/sheet1\.xml cannot be read/);
  });

  it("a text index past the workbook's shared text names the cell", async () => {
    const e = await refusal(await variant("shared-string-out-of-range"));
    expect(e.message).toMatch(/part xl\/worksheets\/sheet1\.xml cannot be read \(cell [A-Z]+\d+ refers to text the workbook does not have\)/);
  });

  it("a cell past row 1,048,576 lies outside the sheet", async () => {
    const e = await refusal(await variant("huge-row-number", "tests/fixtures/seed000-typed.xlsx", 1));
    expect(e.message).toMatch(/cannot be read \(row \d+ lies outside the sheet\)/);
  });

  it("two sheets of one name are damage to the workbook part", async () => {
    const e = await refusal(await variant("duplicate-sheet", "tests/fixtures/seed002-sefton-typed.xlsx", 2));
    expect(e.message).toMatch(/part xl\/workbook\.xml cannot be read \(two sheets are named "Action \d"\)/);
  });
});

describe("limits are stated in words and checked before the work", () => {
  it("a sheet part that unpacks to a gigabyte is refused from the package's directory, before unpacking", async () => {
    // Refused from the package's directory: the gigabyte is never inflated, so memory hardly moves (not a
    // timing, which a busy machine would make flaky).
    const bytes = await variant("huge-sheet-part");
    const before = process.memoryUsage().rss;
    const e = await refusal(bytes);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(e.reason).toBe("too-large");
    expect(e.message).toMatch(/too large to read: its sheet part xl\/worksheets\/sheet1\.xml unpacks to 1\.0 GB, more than the 256 MB one sheet may take\. Split the sheet/);
  });

  it("too many cells is refused with the limit in words", async () => {
    const e = await refusal(await variant("columns-16384"), { loadLimits: { maxCells: 10_000 } });
    expect(e.message).toMatch(/too large to read: it has more than 10,000 cells in use\. Split the workbook/);
  });
});

describe("valid but extreme workbooks read exactly, at the cost of what they hold", () => {
  it("a part nobody reads is never unpacked, however large it claims to be", async () => {
    const bytes = await variant("unused-huge-part");
    const before = process.memoryUsage().rss;
    const wb = await openWorkbook(bytes);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    const [sheet] = await usedValues(wb);
    expect(sheet.values.flat()).toContain("Proportion of pupils with EHCP who are persistently absent");
  });

  it("sheet parts not named sheetN.xml are found through the workbook's relationships", async () => {
    const renamed = await usedValues(await openWorkbook(await variant("renamed-sheet-parts", "tests/fixtures/seed002-sefton-typed.xlsx")));
    const plain = await usedValues(await openWorkbook(new Uint8Array(readFileSync("tests/fixtures/seed002-sefton-typed.xlsx"))));
    expect(renamed).toEqual(plain);
    expect(plain.every((s) => s.values.length > 5)).toBe(true);
  });

  it("a value in XFD1048576 costs one cell: the table is found within its columns and the sheet reads in seconds", async () => {
    const bytes = await variant("far-cell");
    const started = Date.now();
    const wb = await openWorkbook(bytes);
    const [whole] = await usedValues(wb);
    expect(whole.address).toBe("'KPIs 2024'!C2:XFD1048576");
    const [table] = await usedValues(wb, "A:Z");
    expect(table.address).toBe("'KPIs 2024'!C2:K21");
    expect(table.values.flat()).toContain("No. of active tribunals");
    expect(Date.now() - started).toBeLessThan(15_000); // one cell, not 17 billion: minutes if it were read cell by cell
  });

  it.each(["whole-column-validation", "whole-sheet-merge", "whole-sheet-hyperlink", "wide-columns", "whole-sheet-conditional-format", "merges-10000"])(
    "%s opens at once and keeps the sheet's cells",
    async (kind) => {
      const bytes = await variant(kind);
      const started = Date.now();
      const wb = await openWorkbook(bytes);
      const [sheet] = await usedValues(wb, "A1:Z100");
      expect(Date.now() - started).toBeLessThan(20_000); // a whole-sheet range read cell by cell takes minutes
      if (kind !== "whole-sheet-merge") expect(sheet.values.flat()).toContain("No. of active tribunals");
    },
  );

  it("a 1904-system workbook shows its dates as Excel does and says which system it uses", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Dates");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 3, 1));
    ws.getCell("A1").numFmt = "mmm yyyy";
    ws.getCell("A2").value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell("A2").numFmt = "yyyy-mm-dd";
    const host = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const { text, values, system } = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Dates").getRange("A1:A2");
      r.load("text, values");
      // DATE(1904,1,1) is 0 in the 1904 system (Workbook.use1904DateSystem is a preview API the host leaves out).
      const probe = context.workbook.functions.date(1904, 1, 1);
      probe.load("value");
      await context.sync();
      return { text: r.text, values: r.values, system: probe.value };
    });
    expect(system).toBe(0);
    expect(text).toEqual([["Apr 2024"], ["2023-12-31"]]);
    // The serials are the file's own, counted from 1904 as Excel's range.values gives them.
    expect(values).toEqual([[45383 - 1462], [45291 - 1462]]);
  });
});
