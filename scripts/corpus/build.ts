// Builds tests/corpus/xlsx/<id>.xlsx from each tests/corpus/tables/<id>.json (`npm run corpus`).
// Deterministic: the same entry gives the same bytes. Text is written as text, never as a formula.
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newWorkbook, workbookBytes } from "../fixtures/workbook";
import { cellText, formatEntry, loadEntries, tableBounds, TABLES_DIR, XLSX_DIR, type CorpusCell, type CorpusEntry, type CorpusSheet, type CorpusTable } from "./entry";

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}

function writeCell(cell: ExcelJS.Cell, spec: CorpusCell): void {
  if (spec === null || spec === undefined) return;
  if (typeof spec !== "object") {
    cell.value = spec;
    return;
  }
  if (spec.date) {
    const [y, m, d] = spec.date.split("-").map(Number);
    cell.value = new Date(Date.UTC(y, m - 1, d));
    cell.numFmt = spec.fmt ?? "dd/mm/yyyy";
  } else if (spec.error) {
    cell.value = { error: spec.error as ExcelJS.CellErrorValue["error"] };
  } else if (spec.v !== undefined && spec.v !== null) {
    cell.value = spec.v;
  }
  if (spec.fmt && !spec.date) cell.numFmt = spec.fmt;
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  const font: Partial<ExcelJS.Font> = {};
  if (spec.font) font.name = spec.font;
  if (spec.color) font.color = { argb: argb(spec.color) };
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (Object.keys(font).length) cell.font = font;
  if (spec.wrap) cell.alignment = { wrapText: true, vertical: "top" };
}

export function buildEntry(entry: CorpusEntry): ExcelJS.Workbook {
  return buildSheets(entry.sheets);
}

/** A workbook of sheets written in the corpus's cell format (also used for the evidence fixture). */
export function buildSheets(sheets: CorpusSheet[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((spec, c) => writeCell(ws.getCell(r + 1, c + 1), spec)));
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (const [col, width] of Object.entries(sheet.widths ?? {})) ws.getColumn(col).width = width;
    for (const t of sheet.tables ?? []) addTable(ws, sheet, t);
  }
  return wb;
}

/** The value a cell holds, as ExcelJS takes it for a table row. */
function cellValue(spec: CorpusCell | undefined): ExcelJS.CellValue {
  if (spec === null || spec === undefined) return null;
  if (typeof spec !== "object") return spec;
  if (spec.date) {
    const [y, m, d] = spec.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return spec.v ?? null;
}

/** Makes a range of the sheet an Excel table (ListObject), keeping its cells' formats. */
function addTable(ws: ExcelJS.Worksheet, sheet: CorpusSheet, t: CorpusTable): void {
  const b = tableBounds(t.ref);
  if (!b) return;
  const cols = Array.from({ length: b.right - b.left + 1 }, (_, i) => b.left - 1 + i);
  const spec = (r: number, c: number) => sheet.rows[r - 1]?.[c];
  ws.addTable({
    name: t.name,
    ref: ws.getCell(b.top, b.left).address,
    headerRow: true,
    totalsRow: false,
    style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: cols.map((c) => ({ name: cellText(spec(b.top, c)).trim(), filterButton: true })),
    rows: Array.from({ length: b.bottom - b.top }, (_, i) => cols.map((c) => cellValue(spec(b.top + 1 + i, c)))),
  });
  // ExcelJS writes the table's values into the cells; write them again so their formats and fills stay.
  for (let r = b.top; r <= b.bottom; r++) for (const c of cols) writeCell(ws.getCell(r, c + 1), spec(r, c) ?? null);
}

export function xlsxPath(entry: CorpusEntry): string {
  return join(XLSX_DIR, `${entry.id}.xlsx`);
}

async function main(): Promise<void> {
  const entries = loadEntries();
  mkdirSync(XLSX_DIR, { recursive: true });
  for (const e of entries) {
    // Entries are kept in one layout (a row or an expected KPI per line), whoever edited them.
    writeFileSync(join(TABLES_DIR, `${e.id}.json`), formatEntry(e));
    writeFileSync(xlsxPath(e), await workbookBytes(buildEntry(e)));
  }
  const publishers = new Set(entries.map((e) => e.source.publisher));
  console.log(`built ${entries.length} corpus workbooks from ${publishers.size} publishers into tests/corpus/xlsx/`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
