// The command line's one-pass file reader gives the snapshot that readWorkbook gives through the
// headless host for the same file: every cell's value, text, number format, type, fill and font,
// and each sheet's merges, tables, visibility, protection and ownership, and the add-in's settings.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellBlock, FontFace, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshotFromFile } from "../../src/cli/fileSnapshot";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { openWorkbook } from "../../src/host";
import { buildVariant } from "../fuzz/variants";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures");
const CORPUS = join(ROOT, "tests", "corpus", "xlsx");

const files = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx") && !["not-a-workbook.xlsx", "password-protected.xlsx"].includes(f)).map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, "producers")).filter((f) => f.endsWith(".xlsx")).map((f) => join(FIXTURES, "producers", f)),
  join(ROOT, "assets", "samples", "send-board-kpis.xlsx"),
  ...readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).map((f) => join(CORPUS, f)),
];

/** Every cell a reader can tell apart from an empty one, with everything the snapshot says of it. */
function cellsOf(sheet: SheetSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const faceAt = (b: CellBlock, r: number, c: number, font: FontFace) => {
    const s = b.styles?.find((x) => x.r === r && x.c === c);
    return { fill: s?.fill ?? null, fontName: s?.fontName ?? font.name, fontColor: s?.fontColor ?? font.color };
  };
  for (const b of sheet.blocks) {
    for (let r = 0; r < b.rowCount; r++) {
      for (let c = 0; c < b.colCount; c++) {
        const face = faceAt(b, r, c, sheet.font);
        if (b.values[r][c] === "" && b.text[r][c] === "" && face.fill === null) continue;
        out.set(`${b.row + r},${b.col + c}`, { value: b.values[r][c], text: b.text[r][c], numberFormat: b.numberFormats[r][c], valueType: b.valueTypes[r][c], ...face });
      }
    }
  }
  return out;
}

function comparable(snapshot: WorkbookSnapshot) {
  return {
    settings: snapshot.settings,
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      ownedByAddin: !!s.ownedByAddin,
      merges: [...s.merges].sort((a, b) => a.row - b.row || a.col - b.col),
      tables: s.tables,
      readProblem: s.readProblem,
      readNotes: s.readNotes,
      cells: Object.fromEntries(cellsOf(s)),
    })),
  };
}

async function both(bytes: Uint8Array) {
  const wb = await openWorkbook(bytes);
  const viaHost = await wb.run((ctx) => readWorkbook(ctx));
  const viaFile = await readSnapshotFromFile(bytes);
  return { viaHost, viaFile };
}

describe("the file reader's snapshot is readWorkbook's on the host", () => {
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))("%s", async (_name, file) => {
    const { viaHost, viaFile } = await both(new Uint8Array(readFileSync(file)));
    expect(comparable(viaFile)).toEqual(comparable(viaHost));
    expect(viaFile.sheets.map((s) => s.font)).toEqual(viaHost.sheets.map((s) => s.font));
  });

  it.each(["far-cell", "whole-sheet-merge", "date-1904", "every-error-value", "dates-before-1900", "rich-text-everywhere", "formulas-without-values", "renamed-sheet-parts", "merges-10000"])("the %s variant", async (kind) => {
    const bytes = await buildVariant({ index: 0, kind, fixture: "tests/fixtures/seed002-sefton-typed.xlsx", seed: 5 });
    const { viaHost, viaFile } = await both(bytes);
    expect(comparable(viaFile)).toEqual(comparable(viaHost));
  });

  it("fills, fonts and colours as the host reports them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Styled");
    ws.getCell("A1").value = "Status";
    ws.getCell("A2").value = "G";
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
    ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 5, tint: 0.4 } } as ExcelJS.Fill;
    ws.getCell("A4").value = "é";
    ws.getCell("A4").font = { name: "Wingdings 3", color: { argb: "FFFF0000" } };
    ws.getCell("B4").value = 0.5;
    ws.getCell("B4").numFmt = "0.0%";
    const { viaHost, viaFile } = await both(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(comparable(viaFile)).toEqual(comparable(viaHost));
    expect(Object.keys(comparable(viaFile).sheets[0].cells)).toEqual(["0,0", "1,0", "2,0", "3,0", "3,1"]);
  });
});

describe("refusals are the host's", () => {
  it("a checksum mismatch names the part", async () => {
    const bytes = await buildVariant({ index: 0, kind: "checksum-mismatch", fixture: "tests/fixtures/seed000-typed.xlsx", seed: 7 });
    await expect(readSnapshotFromFile(bytes, '"x.xlsx"')).rejects.toThrow(/^"x\.xlsx" is damaged: part xl\/worksheets\/sheet1\.xml cannot be read\./);
  });
});
