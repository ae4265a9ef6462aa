// Checks a saved scorecard prints as it stands, read back from the .xlsx with ExcelJS and the package's
// own parts (not from the spec that wrote it): print area and page setup, the printed size of the
// register's text, charts against page breaks and the print area, row heights against wrapped text,
// and pages with nothing on them.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { readChartsFromXlsx } from "../../src/host/xlsx/chartXml";
import { parseRangeAddress } from "../../src/core/address";
import type { ChartSummary } from "../../src/host/xlsx/chartModel";
import { textWidth } from "../../src/core/scorecard/textFit";

export const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");
export const CORPUS = join(__dirname, "..", "corpus", "xlsx");

/** A4 landscape in points, as Excel prints it. */
const PAPER = { width: 841.9, height: 595.3 };

export interface Printed {
  bytes: Uint8Array;
  sheetName: string;
  /** The register's own sheet, printed after the scorecard (absent: a scorecard with none). */
  registerSheetName?: string;
  kpis: number;
  measures: string[];
}

/** The workbook with its scorecard inserted, as the command line writes it. */
export async function scorecardOf(file: string, asOf = "2024-02-29"): Promise<Printed> {
  const wb = await openWorkbook(new Uint8Array(readFileSync(file)));
  const out = await wb.run((ctx) => insertScorecard(ctx, { workbookName: file.split("/").pop()!, overrides: { asOf }, today: asOf, generatedAt: "2026-11-22T01:00:00Z" }));
  const kpis = out.scan.tables.flatMap((t) => t.kpis);
  return { bytes: await wb.save(), sheetName: out.applied.sheetName, registerSheetName: out.applied.registerSheetName, kpis: kpis.length, measures: kpis.map((k) => k.measure) };
}

export interface PrintReport {
  problems: string[];
  /** The printed size of the register's smallest text, points. */
  registerPrintedFont: number;
  scale: number;
  pages: number;
  charts: number;
}

function pointsOfWidth(chars: number | undefined): number {
  // Excel's stored width includes its padding; 7 px a character for Calibri 11, 0.75 pt a pixel.
  return Math.trunc((chars ?? 8.43) * 7 + 0.5) * 0.75;
}

/**
 * Everything wrong with the printout of the scorecard and of its register's sheet in the saved workbook, in words
 * (empty when they print well); the register's smallest printed text; pages and charts of both.
 */
export async function checkPrintable(p: Printed): Promise<PrintReport> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(p.bytes as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(p.bytes);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const scorecard = await checkSheet(p.bytes, book, zip, wbXml, p.sheetName, false);
  const register = p.registerSheetName ? await checkSheet(p.bytes, book, zip, wbXml, p.registerSheetName, true) : null;
  const problems = [...scorecard.problems, ...(register?.problems.map((x) => `${p.registerSheetName}: ${x}`) ?? [])];
  const all = [...scorecard.texts, ...(register?.texts ?? [])].join("\u0000");
  for (const m of p.measures) if (!all.includes(m)) problems.push(`the measure "${m.slice(0, 50)}" is not on the sheets whole`);
  const printedFont = register ? register.registerPrintedFont : scorecard.registerPrintedFont;
  if (printedFont < 9.5 - 1e-9) problems.push(`register text prints at ${printedFont.toFixed(1)} pt`);
  return { problems, registerPrintedFont: printedFont, scale: Math.min(scorecard.scale, register?.scale ?? 1), pages: scorecard.pages + (register?.pages ?? 0), charts: scorecard.charts };
}

async function checkSheet(bytes: Uint8Array, book: ExcelJS.Workbook, zip: JSZip, wbXml: string, sheetName: string, isRegister: boolean): Promise<PrintReport & { texts: Set<string> }> {
  const problems: string[] = [];
  const ws = book.getWorksheet(sheetName)!;
  const localId = book.worksheets.findIndex((w) => w.name === sheetName);

  // --- Page setup ---
  const ps = ws.pageSetup;
  if (ps.orientation !== "landscape") problems.push(`orientation is ${ps.orientation}`);
  if (ps.paperSize !== 9) problems.push(`paper is ${ps.paperSize}, not A4`);
  if (!(ps.fitToPage && ps.fitToWidth === 1 && ps.fitToHeight === 0)) problems.push("not one page wide, as many tall as needed");
  const area = new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${localId}">([^<]+)</definedName>`).exec(wbXml);
  if (!area) {
    problems.push("no print area");
    return { problems, registerPrintedFont: 0, scale: 0, pages: 0, charts: 0, texts: new Set() };
  }
  const printArea = parseRangeAddress(area[1].replace(/^.*!/, "").replace(/\$/g, ""))!;
  const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${localId}">[^<]*?\\$(\\d+):\\$\\d+</definedName>`).exec(wbXml);
  if (isRegister && !titles) problems.push("no print titles");
  const footer = ws.headerFooter.oddFooter ?? "";
  if (!footer.includes("Page &P of &N")) problems.push(`footer "${footer}" has no Page X of Y`);
  if (!ws.headerFooter.oddHeader) problems.push("no header");

  // --- Widths and scale: one page wide comes to this scale; the register's text must print at 8 pt or more ---
  const colWidth = (c: number) => pointsOfWidth(ws.getColumn(c + 1).width);
  let printedWidth = 0;
  for (let c = printArea.col; c < printArea.col + printArea.colCount; c++) {
    if (ws.getColumn(c + 1).hidden) problems.push(`hidden column ${c + 1} is in the print area`);
    printedWidth += colWidth(c);
  }
  const margins = ps.margins!;
  const pageWidth = PAPER.width - (margins.left + margins.right) * 72;
  const pageHeight = PAPER.height - (margins.top + margins.bottom) * 72;
  const scale = Math.min(1, pageWidth / printedWidth);
  if (scale < 0.7) problems.push(`prints at ${Math.round(scale * 100)}%, under 70%`);

  const titleRow = Number(titles?.[1] ?? 0);
  let registerFont = Infinity;
  const rowHeight = (r: number) => ws.getRow(r + 1).height ?? 15;
  const merged = new Map<string, { rows: number; cols: number }>();
  for (const m of (ws.model as unknown as { merges: string[] }).merges ?? []) {
    const rect = parseRangeAddress(m)!;
    merged.set(`${rect.row},${rect.col}`, { rows: rect.rowCount, cols: rect.colCount });
  }
  const insideMerge = new Set<string>();
  for (const [k, m] of merged) {
    const [r, c] = k.split(",").map(Number);
    for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) if (i || j) insideMerge.add(`${r + i},${c + j}`);
  }
  const occupied = new Set<number>();
  for (let r = printArea.row; r < printArea.row + printArea.rowCount; r++) {
    const row = ws.getRow(r + 1);
    for (let c = printArea.col; c < printArea.col + printArea.colCount; c++) {
      if (insideMerge.has(`${r},${c}`)) continue;
      const cell = row.getCell(c + 1);
      const v = cell.value;
      if (v === null || v === undefined || v === "") continue;
      occupied.add(r);
      const size = cell.font?.size ?? 11;
      if (titleRow && r >= titleRow - 1) registerFont = Math.min(registerFont, size);
      if (typeof v !== "string" || !cell.alignment?.wrapText) continue;
      // Row heights against wrapped text, a lower bound: mixed text in Calibri averages well over 0.4 em a character.
      const span = merged.get(`${r},${c}`) ?? { rows: 1, cols: 1 };
      let width = 0;
      for (let j = 0; j < span.cols; j++) width += colWidth(c + j);
      // No word is split inside its column ("Performanc / e"), unless it is longer than a column should be (a web address).
      for (const word of v.split(/\s+/)) {
        const w = textWidth(word, { size, bold: !!cell.font?.bold }) + 6;
        if (w > width && w <= 110 * (size / 11) + 7) problems.push(`row ${r + 1}: the word "${word}" is wider than its column (${Math.round(w)} pt in ${Math.round(width)} pt)`);
      }
      let height = 0;
      for (let i = 0; i < span.rows; i++) height += rowHeight(r + i);
      const lines = v.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil((l.length * 0.4 * size) / Math.max(1, width - 7))), 0);
      if (height < lines * size * 1.15) problems.push(`row ${r + 1}: ${height} pt for ${lines} lines of ${size} pt text in ${Math.round(width)} pt ("${v.slice(0, 40)}…")`);
    }
  }
  // Excel's printout; LibreOffice's is about 6% smaller: 9.5 pt here is 9 pt or more in both.
  const registerPrintedFont = (registerFont === Infinity ? 11 : registerFont) * scale;

  // --- Page breaks and charts ---
  const sheetPart = await sheetPartOf(zip, sheetName);
  const sheetXml = await zip.file(sheetPart)!.async("string");
  const breaks = [...sheetXml.matchAll(/<rowBreaks[\s\S]*?<\/rowBreaks>/g)].flatMap((m) => [...m[0].matchAll(/<brk [^>]*id="(\d+)"/g)].map((b) => Number(b[1])));
  const charts = (await readChartsFromXlsx(bytes)).filter((c) => c.sheetName === sheetName);
  const pageRows = pageHeight / scale;
  for (const c of charts) problems.push(...chartProblems(c, printArea, breaks, pageRows, rowHeight));
  // Charts count as content of the rows they cover.
  for (const c of charts) if (c.anchor) for (let r = c.anchor.fromRow; r < c.anchor.toRow; r++) occupied.add(r);

  // --- No page without anything on it: every stretch between manual breaks has content ---
  const edges = [printArea.row, ...breaks.filter((b) => b > printArea.row && b < printArea.row + printArea.rowCount), printArea.row + printArea.rowCount];
  let pages = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    let any = false;
    let height = 0;
    for (let r = edges[i]; r < edges[i + 1]; r++) {
      if (occupied.has(r)) any = true;
      height += rowHeight(r);
    }
    if (!any) problems.push(`rows ${edges[i] + 1}-${edges[i + 1]} between page breaks hold nothing: a blank page`);
    pages += Math.max(1, Math.ceil(height / pageRows));
  }

  // --- Nothing cut in a stored value: every KPI's measure is on the sheet whole ---
  const texts = new Set<string>();
  ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && texts.add(cell.value))));
  return { problems, registerPrintedFont, scale, pages, charts: charts.length, texts };
}

function chartProblems(c: ChartSummary, printArea: NonNullable<ReturnType<typeof parseRangeAddress>>, breaks: readonly number[], pageRows: number, rowHeight: (r: number) => number): string[] {
  const out: string[] = [];
  const a = c.anchor;
  if (!a) return [`chart "${c.title}" has no anchor`];
  if (a.fromCol < printArea.col || a.toCol > printArea.col + printArea.colCount) out.push(`chart "${c.title}" lies outside the printed columns`);
  if (a.fromRow < printArea.row || a.toRow > printArea.row + printArea.rowCount) out.push(`chart "${c.title}" lies outside the printed rows`);
  // A break with id b falls after 1-based row b, i.e. above 0-based row b: it cuts a chart over rows from..to-1 when from < b < to.
  for (const b of breaks) if (b > a.fromRow && b < a.toRow) out.push(`chart "${c.title}" is cut by the page break above row ${b + 1}`);
  let height = 0;
  for (let r = a.fromRow; r < a.toRow; r++) height += rowHeight(r);
  if (height > pageRows) out.push(`chart "${c.title}" (${height} pt) is taller than a page (${Math.round(pageRows)} pt)`);
  if (c.series.every((s) => s.values.every((v) => v === null))) out.push(`chart "${c.title}" plots nothing`);
  return out;
}

async function sheetPartOf(zip: JSZip, name: string): Promise<string> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}
