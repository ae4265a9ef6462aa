// The built fixtures hold what the catalog and the seeds say: the sheets, the published text of
// known KPIs, typed numbers with their formats, merged areas, the Excel table, protection, errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FIXTURES } from "../scripts/fixtures/catalog";

const ROOT = join(__dirname, "..");
const FIX = (name: string): string => join(ROOT, "tests/fixtures", name);

const books = new Map<string, Promise<ExcelJS.Workbook>>();
/** Opens a fixture once per test file. */
function open(path: string): Promise<ExcelJS.Workbook> {
  const full = path.startsWith("/") ? path : join(ROOT, path);
  if (!books.has(full)) {
    const wb = new ExcelJS.Workbook();
    books.set(full, wb.xlsx.readFile(full).then(() => wb));
  }
  return books.get(full)!;
}

async function sheet(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const ws = (await open(FIX(file))).getWorksheet(name);
  if (!ws) throw new Error(`${file} has no sheet "${name}"`);
  return ws;
}

/** A cell's text as a reader sees the stored value (strings verbatim, numbers as numbers). */
const val = (ws: ExcelJS.Worksheet, a1: string): unknown => ws.getCell(a1).value;

/** Splits "B3:H9" into 1-based corners. */
function corners(range: string): { r1: number; c1: number; r2: number; c2: number } {
  const [tl, br] = range.split(":").map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  });
  return { r1: tl.row, c1: tl.col, r2: br.row, c2: br.col };
}

describe("catalog", () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))("%s has the sheets the catalog lists, in order", async (_file, f) => {
    const wb = await open(f.file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(f.sheets);
  });

  it.each(FIXTURES.flatMap((f) => f.tables.map((t) => [`${f.file} ${t.sheet} ${t.range}`, f.file, t] as const)))(
    "%s: the header starts the range and every KPI's reference and measure are in it",
    async (_label, file, t) => {
      const ws = (await open(file)).getWorksheet(t.sheet)!;
      const { r1, c1, r2, c2 } = corners(t.range);
      expect(ws.getCell(r1, c1).value).not.toBeNull(); // the header's first cell
      expect(ws.getCell(r2 + 1, c1).value ?? null).toBeNull(); // nothing runs on below the table
      const inRange: string[] = [];
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) inRange.push(String(ws.getCell(r, c).value ?? ""));
      for (const ref of t.refs) if (ref !== null) expect(inRange).toContain(ref);
      for (const m of t.measures) if (m !== "") expect(inRange).toContain(m);
    },
  );

  it("lists every KPI table of the seeds", () => {
    const count = (file: string) => FIXTURES.find((f) => f.file.endsWith(file))!.tables.length;
    expect(count("seed000-impact-summary.xlsx")).toBe(1);
    expect(count("seed002-sefton.xlsx")).toBe(11);
    expect(count("seed004-lancashire.xlsx")).toBe(6);
    expect(count("noise-001-003.xlsx")).toBe(0);
  });
});

describe("seed000 as published", () => {
  const file = "seed000-impact-summary.xlsx";
  it("holds the title lines, the header at A7 and the footer two rows under the table", async () => {
    const ws = await sheet(file, "Impact summary");
    expect(val(ws, "A1")).toBe("HOW DO WE MEASURE THE IMPACT OF OUR PARTNERSHIP?");
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(7, c).value)).toEqual(["Priority", "Measure", "Target", "Previous", "Latest", "DoT", "Notes"]);
    expect(val(ws, "A25")).toBe("This page is intentionally left blank");
  });
  it("keeps the published text of Number of Children missing education, stated ↑ while falling", async () => {
    const ws = await sheet(file, "Impact summary");
    expect(val(ws, "A10")).toBe("Inclusion in Education and Community");
    expect(val(ws, "B10")).toBe("Number of Children missing education");
    expect([val(ws, "C10"), val(ws, "D10"), val(ws, "E10"), val(ws, "F10")]).toEqual(["n/a", "116 (Dec 23)", "106 (Jan 24)", "↑"]);
  });
  it("puts the priority on the first row of its group only, and the last row's measure under Measure", async () => {
    const ws = await sheet(file, "Impact summary");
    expect(val(ws, "A9")).toBeNull();
    expect(val(ws, "A23")).toBeNull();
    expect(val(ws, "B23")).toBe("SEND tribunal rate as a % of appealable decisions");
    expect(val(ws, "C23")).toBe("3%");
    expect(val(ws, "C22")).toBeNull(); // No. of active tribunals: no target published
    expect(val(ws, "C13")).toBe("0"); // Waiting time – SLT: target 0, as text
  });
});

describe("seed000 typed", () => {
  const file = "seed000-typed.xlsx";
  it("is an Excel table ImpactSummary over C5:K21 with the title in C2", async () => {
    const ws = await sheet(file, "KPIs 2024");
    const table = ws.getTable("ImpactSummary") as unknown as { table: { tableRef?: string; ref?: string } };
    expect(table).toBeDefined();
    expect(table.table.tableRef ?? table.table.ref).toBe("C5:K21");
    expect(val(ws, "C2")).toEqual(expect.any(String));
    expect(val(ws, "K5")).toBe("Notes");
  });
  it("holds percentages as fractions with % formats and counts as numbers", async () => {
    const ws = await sheet(file, "KPIs 2024");
    expect(val(ws, "F7")).toBeCloseTo(0.713, 10);
    expect(ws.getCell("F7").numFmt).toBe("0.0%");
    expect(val(ws, "G7")).toBe("Q1");
    expect(val(ws, "E7")).toBe(0.69);
    expect(ws.getCell("E7").numFmt).toBe("0%");
    expect([val(ws, "F8"), val(ws, "G8"), val(ws, "H8"), val(ws, "I8"), val(ws, "J8")]).toEqual([116, "Dec 23", 106, "Jan 24", "↑"]);
    expect(val(ws, "G9")).toBe("HT1-2 22/23");
  });
  it("leaves words as text and fills the priority on every row", async () => {
    const ws = await sheet(file, "KPIs 2024");
    expect(val(ws, "E14")).toBe("60% interim target");
    expect(val(ws, "E6")).toBe("n/a");
    expect(val(ws, "E13")).toBe("tbc");
    expect(val(ws, "E17")).toBe("-");
    for (let r = 6; r <= 21; r++) expect(ws.getCell(r, 3).value).toEqual(expect.any(String));
    expect(val(ws, "C21")).toBe("Systems and Practice");
  });
});

describe("seed002 Sefton", () => {
  it("as published keeps the text of the staged tables and their ACTUAL rows", async () => {
    const ws = await sheet("seed002-sefton.xlsx", "Action 1");
    expect(val(ws, "A22")).toBe("Key Performance Indicator");
    const rowOf = (ref: string) => ws.getColumn(1).values.findIndex((v) => v === ref);
    const actual13 = rowOf("KPI 1/3 ACTUAL");
    expect(val(ws, `G${actual13}`)).toBe("YR 6 93% YR11 – 71%");
    expect(val(ws, `E${rowOf("KPI 1/3a")}`)).toBe("16%.");
  });
  it("as published has the survey's two-level header and the KPI 4/2 continuation row", async () => {
    const ws = await sheet("seed002-sefton.xlsx", "Action 4");
    expect([val(ws, "E12"), val(ws, "F12"), val(ws, "G12")]).toEqual(["Current Performance Baseline December 2019", null, "Short Survey Results October 2020"]);
    expect([val(ws, "E13"), val(ws, "F13"), val(ws, "G13"), val(ws, "H13"), val(ws, "I13")]).toEqual(["Positive", "Negative", "Positive", "Negative", "2019 Comparison"]);
    expect(val(ws, "A16")).toBeNull();
    expect(val(ws, "D16")).toBe("Monitoring and assessment");
    expect(val(ws, "I15")).toBe("↓");
  });
  it("typed holds weeks as numbers formatted as weeks, 30.9 included", async () => {
    const ws = await sheet("seed002-sefton-typed.xlsx", "Action 5");
    expect(val(ws, "C7")).toBe("KPI 5/1");
    expect(val(ws, "F7")).toBe(9);
    expect(ws.getCell("F7").numFmt).toBe('0.0 "weeks"');
    expect(val(ws, "F20")).toBe(30.9);
    expect(ws.getCell("F20").numFmt).toBe('0.0 "weeks"');
    expect(val(ws, "F14")).toBe("N/A");
  });
  it("typed has month headings as first-of-month dates shown mmm yyyy", async () => {
    const ws = await sheet("seed002-sefton-typed.xlsx", "Action 5");
    const aug = ws.getCell("H26");
    expect(aug.value).toBeInstanceOf(Date);
    expect((aug.value as Date).toISOString().slice(0, 10)).toBe("2020-08-01");
    expect(aug.numFmt).toBe("mmm yyyy");
    expect(val(ws, "E26")).toBe("Staged target (Dec 2019)");
    expect(val(ws, "E27")).toBe(0.5);
    expect(ws.getCell("E27").numFmt).toBe("0%");
  });
  it("typed merges the survey's period headings and each title across its table", async () => {
    const survey = await sheet("seed002-sefton-typed.xlsx", "Action 4");
    expect(survey.getCell("F12").master.address).toBe("E12");
    expect(survey.getCell("H12").master.address).toBe("G12");
    expect(survey.getCell("F13").master.address).toBe("F13");
    const a5 = await sheet("seed002-sefton-typed.xlsx", "Action 5");
    expect(a5.getCell("K5").master.address).toBe("C5");
    expect(val(a5, "A7")).toBeNull(); // Action 5 tables start at column C
  });
});

describe("seed004 Lancashire", () => {
  it("merges each headline description across B:G and keeps RAG cells blank", async () => {
    const ws = await sheet("seed004-lancashire.xlsx", "Impact measures");
    expect(val(ws, "A26")).toBe("KPI reference");
    expect(val(ws, "A27")).toBe("1");
    expect(ws.getCell("G27").master.address).toBe("B27");
    expect(val(ws, "A28")).toBe("1.1");
    expect(val(ws, "C28")).toBeNull();
  });
  it("keeps the Score card's baselines and targets as published text", async () => {
    const ws = await sheet("seed004-lancashire.xlsx", "Score card");
    expect([val(ws, "A2"), val(ws, "C2"), val(ws, "D2"), val(ws, "E2")]).toEqual(["KPI Reference", "Baseline", "3 months", null]);
    expect([val(ws, "A3"), val(ws, "C3"), val(ws, "D3"), val(ws, "E3"), val(ws, "H3")]).toEqual(["1a", "0%", "35%", null, "100%"]);
  });
  it("with RAG fills the RAG columns with board words and one Blue", async () => {
    const ws = await sheet("seed004-with-rag.xlsx", "Score card");
    const words: unknown[] = [];
    for (let r = 3; r <= 10; r++) for (const c of [5, 7, 9]) words.push(ws.getCell(r, c).value);
    expect(words.every((w) => ["Green", "Amber", "Red", "G", "A", "R", "Blue"].includes(String(w)))).toBe(true);
    const impact = await sheet("seed004-with-rag.xlsx", "Impact measures");
    const all: unknown[] = [...words];
    impact.eachRow((row) => row.eachCell((cell) => all.push(cell.value)));
    expect(all.filter((w) => w === "Blue")).toHaveLength(1);
    expect(val(impact, "C28")).toEqual(expect.stringMatching(/^(Green|Amber|Red|G|A|R|Blue)$/));
  });
});

describe("noise", () => {
  it("has the two sheets and not one number in them", async () => {
    const wb = await open(FIX("noise-001-003.xlsx"));
    let numbers = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => (numbers += typeof c.value === "number" ? 1 : 0)));
    expect(numbers).toBe(0);
    const ws = await sheet("noise-001-003.xlsx", "Data sources");
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Organisation");
    expect(texts.some((t) => t.includes("<"))).toBe(false); // HTML stripped
  });
});

describe("layout variants", () => {
  it("reorders seed 000 under synonyms from F12 and reverses the CAMHS months", async () => {
    const re = await sheet("layout-variants.xlsx", "Reordered");
    expect([val(re, "F12"), val(re, "G12"), val(re, "H12"), val(re, "L12")]).toEqual(["Trend", "Current", "Indicator", "Theme"]);
    expect([val(re, "F15"), val(re, "G15"), val(re, "H15")]).toEqual(["↑", "106 (Jan 24)", "Number of Children missing education"]);
    const rtl = await sheet("layout-variants.xlsx", "Right to left");
    expect(val(rtl, "C2")).toBe("Nov 2020");
    expect(val(rtl, "I2")).toBe("Staged target (Dec 2019)");
    expect(val(rtl, "C4")).toBe("87.3%");
  });
  it("states polarity, unit and status in columns", async () => {
    const ws = await sheet("layout-variants.xlsx", "Polarity column");
    expect([val(ws, "C2"), val(ws, "D2"), val(ws, "I2")]).toEqual(["Polarity", "Unit", "Status"]);
    expect([val(ws, "C3"), val(ws, "D3"), val(ws, "H3"), val(ws, "I3")]).toEqual(["Low", "weeks", 4.7, "Green"]);
    expect(val(ws, "B12")).toBe("Good is");
  });
});

describe("bad input", () => {
  const file = "bad-input.xlsx";
  it("carries #N/A and #DIV/0! as cached formula errors", async () => {
    const ws = await sheet(file, "Errors");
    expect(ws.getCell("D4").value).toEqual({ formula: "NA()", result: { error: "#N/A" } });
    expect((ws.getCell("E5").value as ExcelJS.CellFormulaValue).result).toEqual({ error: "#DIV/0!" });
  });
  it("stores the measure that begins with = as a string, not a formula", async () => {
    const ws = await sheet(file, "Errors");
    const cell = ws.getCell("B12");
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","x")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(readFileSync(FIX(file)));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("<f>HYPERLINK");
  });
  it("has the other problems: text, 150%, a duplicate reference, a merged target, tbc, -5 days", async () => {
    const ws = await sheet(file, "Errors");
    expect(val(ws, "D6")).toBe("about half");
    expect(val(ws, "D7")).toBe(1.5);
    expect([val(ws, "A7"), val(ws, "A8")]).toEqual(["B4", "B4"]);
    expect(ws.getCell("C10").master.address).toBe("C9");
    expect(val(ws, "C11")).toBe("tbc");
    expect(val(ws, "B13")).toBe("-5 days");
  });
  it("has a hidden sheet and a password-protected sheet, each with a KPI table", async () => {
    expect((await sheet(file, "Hidden data")).state).toBe("hidden");
    const zip = await JSZip.loadAsync(readFileSync(FIX(file)));
    const locked = await zip.file("xl/worksheets/sheet5.xml")!.async("string");
    expect(locked).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(locked).toMatch(/algorithmName="SHA-512"/);
    expect(val(await sheet(file, "Locked KPIs"), "B4")).toBe("Early Years Development checks");
    expect(val(await sheet(file, "指標 KPIs"), "A4")).toBe("ZB1");
    expect(val(await sheet(file, "Bürgermeister's KPIs"), "A4")).toBe("BM1");
  });
});

describe("files that are not ordinary workbooks", () => {
  it("empty.xlsx has one sheet and no cells", async () => {
    const wb = await open(FIX("empty.xlsx"));
    expect(wb.worksheets).toHaveLength(1);
    expect(wb.worksheets[0].actualRowCount).toBe(0);
  });
  it("not-a-workbook.xlsx is plain text that ExcelJS refuses", async () => {
    expect(readFileSync(FIX("not-a-workbook.xlsx"), "utf8")).toMatch(/plain text/);
    await expect(new ExcelJS.Workbook().xlsx.readFile(FIX("not-a-workbook.xlsx"))).rejects.toThrow();
  });
  it("password-protected.xlsx is a CFB file naming EncryptionInfo and EncryptedPackage", () => {
    const bytes = readFileSync(FIX("password-protected.xlsx"));
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(bytes.includes(Buffer.from("EncryptionInfo", "utf16le"))).toBe(true);
    expect(bytes.includes(Buffer.from("EncryptedPackage", "utf16le"))).toBe(true);
  });
});

describe("sample workbook", () => {
  it("is one board's report at one date: the read-me and Sefton's KPI sheets, with the reporting date it names stored in it", async () => {
    const wb = await open("assets/samples/send-board-kpis.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Read me", "Therapy waits", "CAMHS ASD ADHD", "Action plan"]);
    const readMe = wb.getWorksheet("Read me")!.getColumn(1).values.join(" ");
    expect(readMe).toContain("as at 08.12.20");
    expect(readMe).toContain("reporting date 8 December 2020");
    expect(readMe).toContain("plan start 1 July 2019");
    const { openWorkbook } = await import("../src/host");
    const { scanWorkbook } = await import("../src/excel/scanWorkbook");
    const host = await openWorkbook(new Uint8Array(readFileSync(join(ROOT, "assets/samples/send-board-kpis.xlsx"))));
    const { result, settings } = await host.run((ctx) => scanWorkbook(ctx, { workbookName: "sample", today: "2026-12-05" }));
    expect(result).toMatchObject({ asOf: "2020-12-08", asOfSource: "setting" });
    expect(settings).toMatchObject({ planStart: "2019-07-01", organisation: "Sefton local area SEND partnership", meetingName: "SEND Improvement Board" });
    // Every figure it rates is from the report's own period: none is after the reporting date.
    const dates = result.tables.flatMap((t) => t.kpis).flatMap((k) => (k.latest?.periodStart ? [k.latest.periodStart] : []));
    expect(dates.length).toBeGreaterThan(10);
    expect(dates.every((d) => d <= "2020-12-08")).toBe(true);
  });
});

describe("committed fixtures are current", () => {
  it("rebuilding from the data gives the same bytes as the committed files", async () => {
    const { BUILDERS, RAW_FILES } = await import("../scripts/build-fixtures");
    const { workbookBytes } = await import("../scripts/fixtures/workbook");
    for (const build of BUILDERS) {
      const { wb, info, settings } = build();
      const fresh = Buffer.from(await workbookBytes(wb, settings));
      expect({ file: info.file, same: fresh.equals(readFileSync(join(ROOT, info.file))) }).toEqual({ file: info.file, same: true });
    }
    for (const [file, bytes] of RAW_FILES) expect(readFileSync(join(ROOT, file)).equals(Buffer.from(bytes))).toBe(true);
  });
});
