// The scorecard copy is the user's workbook with the scorecard patched in: for a workbook carrying each
// feature a user's workbook may hold, every part the scorecard does not need to touch comes out with the
// same compressed bytes, and the parts it touches still hold everything they held.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openWorkbook, type HeadlessWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { setRequirementChecker } from "../../src/excel/requirements";
import { children, parseXml } from "../../src/host/xlsx/chartXmlText";
import { parseRelationships, relsPathFor, resolveTarget } from "../../src/host/xlsx/chartPackage";
import { FEATURES, featureWorkbook, type Feature } from "../helpers/featureWorkbooks";
import { OWNED_SHEET_NAME } from "../../src/excel/scorecardOwnership";
import { ADDIN_NAME_PREFIX } from "../../src/host/xlsx/patchPlan";
import { SETTINGS_KEY } from "../../src/core/settings";
import { sameBytes, zipEntries } from "../helpers/zipEntries";

const TOUCHED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
const AS_OF = { asOf: "2024-02-29" };

async function open(bytes: Uint8Array): Promise<HeadlessWorkbook> {
  const wb = await openWorkbook(bytes);
  setRequirementChecker((n, v) => wb.isSetSupported(n, v));
  return wb;
}

async function scorecardCopy(bytes: Uint8Array): Promise<{ copy: Uint8Array; full: Uint8Array; sheet: string }> {
  const wb = await open(bytes);
  const { applied } = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "features.xlsx", overrides: AS_OF, today: "2024-02-29", generatedAt: "2024-03-01T09:00:00Z" }));
  return { copy: await wb.saveCopy(), full: await wb.save(), sheet: applied.sheetName };
}

async function kpisOf(bytes: Uint8Array) {
  const wb = await open(bytes);
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x.xlsx", overrides: AS_OF, today: "2024-02-29" }));
  return result.tables.map((t) => ({ sheet: t.sheet, range: t.range, kpis: t.kpis.map((k) => [k.measure, k.rag, k.dot?.direction ?? null]) }));
}

const text = async (zip: JSZip, path: string) => (await zip.file(path)?.async("string")) ?? "";
const elements = (xml: string, local: string) => {
  const out: string[] = [];
  const walk = (el: ReturnType<typeof parseXml>) => {
    for (const c of el.children) {
      if (c.local === local) out.push(xml.slice(c.start, c.end));
      walk(c);
    }
  };
  walk(parseXml(xml));
  return out;
};

/** Every part but the four the scorecard must touch is copied byte for byte (same compressed bytes). */
function expectUntouchedPartsIdentical(input: Uint8Array, output: Uint8Array, alsoTouched: string[] = []): void {
  const before = zipEntries(input);
  const after = zipEntries(output);
  const changed: string[] = [];
  for (const [name, entry] of before) {
    if (TOUCHED.has(name) || alsoTouched.includes(name)) continue;
    const out = after.get(name);
    if (!out || out.method !== entry.method || out.crc !== entry.crc || !sameBytes(out.compressed, entry.compressed)) changed.push(name);
  }
  expect(changed).toEqual([]);
}

/** The touched parts still hold every entry they held. */
async function expectTouchedPartsKeepEverything(input: Uint8Array, output: Uint8Array): Promise<void> {
  const a = await JSZip.loadAsync(input);
  const b = await JSZip.loadAsync(output);
  const types = await text(b, "[Content_Types].xml");
  for (const el of [...elements(await text(a, "[Content_Types].xml"), "Default"), ...elements(await text(a, "[Content_Types].xml"), "Override")]) expect(types).toContain(el);
  const rels = await text(b, "xl/_rels/workbook.xml.rels");
  for (const el of elements(await text(a, "xl/_rels/workbook.xml.rels"), "Relationship")) expect(rels).toContain(el);

  const wbIn = await text(a, "xl/workbook.xml");
  const wbOut = await text(b, "xl/workbook.xml");
  const sheetsIn = elements(wbIn, "sheet");
  const sheetsOut = elements(wbOut, "sheet");
  expect(sheetsOut.filter((s) => sheetsIn.includes(s))).toEqual(sheetsIn); // all there, same order
  // A sheet-scoped name is the same name on the same sheet, though the scorecard placed first renumbers its localSheetId.
  const sheetNameAt = (xml: string) => elements(xml, "sheet").map((el) => /name="([^"]*)"/.exec(el)![1]);
  const scoped = (n: string, names: string[]) => n.replace(/localSheetId="(\d+)"/, (_m, i: string) => `sheet="${names[Number(i)]}"`);
  const namesOut = elements(wbOut, "definedName").map((n) => scoped(n, sheetNameAt(wbOut)));
  for (const n of elements(wbIn, "definedName")) expect(namesOut).toContain(scoped(n, sheetNameAt(wbIn)));
  for (const c of parseXml(wbIn).children) {
    if (["sheets", "definedNames", "bookViews"].includes(c.local)) continue;
    expect(wbOut).toContain(wbIn.slice(c.start, c.end));
  }

  const stylesIn = await text(a, "xl/styles.xml");
  const stylesOut = await text(b, "xl/styles.xml");
  const rootIn = parseXml(stylesIn);
  const rootOut = parseXml(stylesOut);
  for (const section of rootIn.children) {
    const out = children(rootOut, section.local)[0];
    const raw = (xml: string, el: typeof section) => el.children.map((c) => xml.slice(c.start, c.end));
    expect(raw(stylesOut, out).slice(0, section.children.length)).toEqual(raw(stylesIn, section));
  }
}

/** A sheet's part and every part it reaches through relationships (with the relationship parts). */
async function partsOfSheet(bytes: Uint8Array, sheet: string): Promise<{ start: string; parts: Set<string> }> {
  const b = await JSZip.loadAsync(bytes);
  const wb = await text(b, "xl/workbook.xml");
  const relId = new RegExp(`<sheet name="${sheet}"[^>]*r:id="([^"]+)"|<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)!;
  const wbRels = parseRelationships(await text(b, "xl/_rels/workbook.xml.rels"));
  const start = resolveTarget("xl/workbook.xml", wbRels.find((r) => r.id === (relId[1] ?? relId[2]))!.target);
  const parts = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const p = queue.pop()!;
    if (parts.has(p)) continue;
    parts.add(p);
    const rels = b.file(relsPathFor(p));
    if (!rels) continue;
    parts.add(relsPathFor(p));
    for (const r of parseRelationships(await rels.async("string"))) if (!r.external) queue.push(resolveTarget(p, r.target));
  }
  return { start, parts };
}

/** Every part the copy adds belongs to the scorecard: it is reached from the scorecard sheet's part, its register's or its hidden data sheet's. */
async function expectNewPartsBelongToScorecard(input: Uint8Array, output: Uint8Array, sheet: string): Promise<void> {
  const { start, parts } = await partsOfSheet(output, sheet);
  for (const other of ["KPI Scorecard data", `${sheet} register`]) for (const p of (await partsOfSheet(output, other)).parts) parts.add(p);
  const before = zipEntries(input);
  const added = [...zipEntries(output).keys()].filter((n) => !before.has(n));
  expect(added.filter((n) => !parts.has(n))).toEqual([]);
  expect(added).toContain(start);
}

async function exceljsBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A cell merged into another's (ExcelJS's text of it fails when the merged cell is empty, as a blank commentary is). */
function mergedInto(c: ExcelJS.Cell): string | null {
  return c.isMerged && c.master.address !== c.address ? `merged into ${c.master.address}` : null;
}

/** The scorecard sheet reads the same from the copy as from the host's whole-workbook save: values, formats, styles. */
function expectSameScorecard(copy: ExcelJS.Workbook, full: ExcelJS.Workbook, sheet: string): void {
  const read = (wb: ExcelJS.Workbook) => {
    const cells: unknown[] = [];
    wb.getWorksheet(sheet)!.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => cells.push([c.address, mergedInto(c) ?? c.text, c.numFmt ?? null, c.fill ?? null, c.font?.bold ?? null, c.font?.color ?? null, c.alignment ?? null, c.border ?? null])),
    );
    return cells;
  };
  const a = read(copy);
  expect(a.length).toBeGreaterThan(20);
  expect(a).toEqual(read(full));
}

describe("the scorecard copy keeps the user's workbook intact", () => {
  const cases: [string, Feature[]][] = [...FEATURES.map((f): [string, Feature[]] => [f.name, [f]]), ["every feature at once", FEATURES.filter((f) => !f.macros)]];

  it.each(cases)("%s", async (_name, features) => {
    const input = await featureWorkbook(features);
    const { copy, full, sheet } = await scorecardCopy(input);
    expect(sheet).toBe("Scorecard");
    expectUntouchedPartsIdentical(input, copy);
    await expectTouchedPartsKeepEverything(input, copy);
    await expectNewPartsBelongToScorecard(input, copy, sheet);
    // It opens in ExcelJS with every worksheet and the same scorecard as a whole save, and scanning it finds the same KPIs as the original.
    const [exceljs, original, whole] = await Promise.all([exceljsBook(copy), exceljsBook(input), exceljsBook(full)]);
    expectSameScorecard(exceljs, whole, sheet);
    // The scorecard goes first (the default placement), its hidden data sheet last.
    expect(exceljs.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Scorecard register", ...original.worksheets.map((w) => w.name), "KPI Scorecard data"]);
    const found = await kpisOf(copy);
    expect(found).toEqual(await kpisOf(input));
    expect(found[0].kpis).toHaveLength(4);
  });

  it("regenerating replaces the previous scorecard's parts, keeps the rest, and does not grow the styles", async () => {
    const input = await featureWorkbook(FEATURES.filter((f) => !f.macros));
    const first = (await scorecardCopy(input)).copy;
    const second = (await scorecardCopy(first)).copy;
    expectUntouchedPartsIdentical(input, second);
    const a = await JSZip.loadAsync(first);
    const b = await JSZip.loadAsync(second);
    expect(await text(b, "xl/styles.xml")).toBe(await text(a, "xl/styles.xml"));
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
    const wb = await text(b, "xl/workbook.xml");
    expect(wb.match(/<sheet /g)).toHaveLength((await text(a, "xl/workbook.xml")).match(/<sheet /g)!.length);
    expect(wb.match(/name="KPIScorecard.Owned"/g)).toHaveLength(1);
    expect(wb.match(/name="_xlnm.Print_Area"/g)).toHaveLength(3); // the user's, the scorecard's and its register's
    expect(await kpisOf(second)).toEqual(await kpisOf(input));
  });

  it("what is typed into the scorecard is in the copy, and a scorecard moved first renumbers the sheet-scoped names", async () => {
    const input = await featureWorkbook(FEATURES.filter((f) => !f.macros));
    const first = (await scorecardCopy(input)).copy;
    const wb = await open(first);
    await wb.run(async (ctx) => {
      const sc = ctx.workbook.worksheets.getItem("Scorecard");
      sc.getRange("A2").values = [["Noted at the March board"]];
      sc.position = 0;
      await ctx.sync();
    });
    const moved = await wb.saveCopy();
    expectUntouchedPartsIdentical(first, moved, [...(await partsOfSheet(first, "Scorecard")).parts, ...(await partsOfSheet(first, "Scorecard register")).parts, ...(await partsOfSheet(first, "KPI Scorecard data")).parts]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(moved as unknown as ArrayBuffer);
    expect(book.worksheets[0].name).toBe("Scorecard");
    expect(book.getWorksheet("Scorecard")!.getCell("A2").text).toBe("Noted at the March board");
    // The user's print area and sheet-scoped name stay on KPIs, now the third sheet (after the scorecard and its register).
    expect(book.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["Scorecard", "Scorecard register", "KPIs"]);
    const names = elements(await text(await JSZip.loadAsync(moved), "xl/workbook.xml"), "definedName");
    expect(names).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;KPIs&apos;!$A1:$D5</definedName>`);
    expect(names).toContain(`<definedName name="Threshold" localSheetId="2" comment="amber below">0.05</definedName>`);
    expect(names.filter((n) => n.includes('localSheetId="0"')).every((n) => n.includes("Scorecard!"))).toBe(true);
    expect(await kpisOf(moved)).toEqual(await kpisOf(input));
  });
});

describe("the sheets the add-in owns", () => {
  it("are known to the patcher by the tag the add-in writes", () => {
    expect(OWNED_SHEET_NAME.toLowerCase().startsWith(ADDIN_NAME_PREFIX)).toBe(true);
  });

  it("a scorecard named with an apostrophe and an ampersand (from the settings) is listed, tagged and printed under its name", async () => {
    const input = await featureWorkbook(FEATURES.filter((f) => f.name.startsWith("defined names")));
    const wb = await open(input);
    await wb.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, { scorecardSheetName: "R&D's board" });
      await ctx.sync();
    });
    await wb.run((ctx) => insertScorecard(ctx, { workbookName: "x.xlsx", overrides: AS_OF }));
    const copy = await wb.saveCopy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(copy as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["R&D's board", "R&D's board register", "KPIs", "KPI Scorecard data"]);
    const wbXml = await text(await JSZip.loadAsync(copy), "xl/workbook.xml");
    expect(wbXml).toContain(`<sheet name="R&amp;D&apos;s board"`);
    expect(wbXml).toContain(`<definedName name="KPIScorecard.Owned" comment="Marks the sheet the KPI Scorecard add-in owns and replaces on regeneration. Do not edit.">&apos;R&amp;D&apos;&apos;s board&apos;!$A$1</definedName>`);
    const again = await open(copy);
    const owned = await again.run(async (ctx) => {
      const n = ctx.workbook.names.getItem(OWNED_SHEET_NAME);
      const range = n.getRange();
      range.load("worksheet/name");
      await ctx.sync();
      return range.worksheet.name;
    });
    expect(owned).toBe("R&D's board");
  });
});

describe("macro-enabled workbooks keep their macros", () => {
  it("the VBA project and the macro-enabled content type are carried unchanged", async () => {
    const macros = FEATURES.find((f) => f.macros)!;
    const input = await featureWorkbook([macros]);
    const { copy } = await scorecardCopy(input);
    expectUntouchedPartsIdentical(input, copy);
    const types = await text(await JSZip.loadAsync(copy), "[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(zipEntries(copy).has("xl/vbaProject.bin")).toBe(true);
  });
});
