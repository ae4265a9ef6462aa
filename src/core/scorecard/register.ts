// The register: every KPI, grouped by section under a heading row per group (worst RAG first within a
// group, or workbook order), with only the columns some KPI fills, widths from content, and row
// heights that show wrapped text whole. Its heading row repeats on every printed register page.
import { cellAddress } from "../address";
import type { Rag } from "../types";
import { REGISTER_FONT, REGISTER_HEADER_FONT } from "./columns";
import { BlockBuilder, span } from "./grid";
import type { SheetLayout } from "./layout";
import { literal } from "./literal";
import { BORDER_COLOUR, COMMENTARY_FILL, HEADER_COLOURS, RAG_COLOURS, RAG_WORDS, SECTION_COLOURS } from "./palette";
import { sourceReference, type CellOut, type PlacedKpi } from "./rows";
import type { FontSpec } from "./textFit";
import { heightAtScale, LIBREOFFICE_SMALLER, PAGE_FILL } from "./page";
import type { ColumnId, ColumnSpec, HyperlinkSpec, ScorecardRow } from "./types";
import { maxOf } from "../arrays";
import { liveFigureFormat, type LiveColumn, type LiveOutcome } from "./live";

const GROUP_FONT: FontSpec = { size: 11, bold: true };

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** The register's own sheet, named after the scorecard's: "Scorecard" -> "Scorecard register" (within Excel's 31 characters). */
export function registerSheetName(scorecard: string): string {
  const suffix = " register";
  return `${scorecard.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
}

export interface RegisterGroup {
  name: string;
  kpis: PlacedKpi[];
}

/** KPIs by group, groups in the order the workbook first shows them; within a group worst first or as in the workbook. */
export function groupKpis(placed: readonly PlacedKpi[], order: "worst-first" | "workbook", compare: (a: PlacedKpi, b: PlacedKpi) => number): RegisterGroup[] {
  const groups = new Map<string, PlacedKpi[]>();
  for (const p of placed) {
    const g = groups.get(p.group) ?? [];
    g.push(p);
    groups.set(p.group, g);
  }
  return [...groups].map(([name, kpis]) => ({ name, kpis: order === "worst-first" ? [...kpis].sort(compare) : kpis }));
}

export interface RegisterInput {
  layout: SheetLayout;
  startRow: number;
  groups: readonly RegisterGroup[];
  cells: ReadonlyMap<string, Record<ColumnId, CellOut>>;
  columns: readonly ColumnSpec[];
  rags: readonly Rag[];
  /** The print scale (per cent) the page is laid out for. */
  scale: number;
  /** The live cells (live.ts): formulas for some of a KPI's cells, and the cells that hold the add-in's value. */
  live?: Pick<LiveOutcome, "formulas" | "marked" | "heading"> | null;
}

export interface RegisterOutput {
  headerRow: number;
  rows: ScorecardRow[];
  /** Row of each group's heading. */
  groupRows: Map<string, number>;
  endRow: number;
}

/** "Systems and Practice (Board summary) — 8 KPIs: 3 Red, …": the sheet named when the group is on one other than it. */
function groupHeading(g: RegisterGroup, rags: readonly Rag[]): string {
  return `${headingPrefix(g)}${headingCounts(g, rags)}`;
}

/** A heading's fixed words: the group, its sheet, its number of KPIs. */
function headingPrefix(g: RegisterGroup): string {
  const n = g.kpis.length;
  const sheets = [...new Set(g.kpis.map((p) => p.sheet))];
  const where = sheets.length === 1 && sheets[0] !== g.name ? ` (${sheets[0]})` : "";
  return `${g.name}${where} — ${n} KPI${n === 1 ? "" : "s"}: `;
}

/** A heading's counts, which the live scorecard counts afresh (liveHeadings.ts). */
function headingCounts(g: RegisterGroup, rags: readonly Rag[]): string {
  const counts = rags
    .map((r) => [r, g.kpis.filter((p) => p.rag === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${RAG_WORDS[r]}`);
  const stale = g.kpis.filter((p) => p.stale).length;
  return `${counts.join(", ")}${stale ? `; ${stale} out of date` : ""}`;
}

const sumWidths = (cols: readonly ColumnSpec[]) => cols.reduce((w, c) => w + c.width, 0);

/**
 * The register's pages as Excel and LibreOffice print them (LibreOffice a little smaller, so with more rows a
 * page), each page starting with the repeated heading row: where a group's heading would be left at a page's foot.
 */
class RegisterPager {
  private readonly pages: number[];
  private y: number[];

  constructor(
    scale: number,
    private readonly header: number,
  ) {
    const excel = heightAtScale(scale) * PAGE_FILL;
    this.pages = [excel, excel * LIBREOFFICE_SMALLER];
    this.y = this.pages.map(() => header);
  }

  /** A heading of this height, then a first row of that, would not both fit on the current page of either. */
  wouldStrand(heading: number, first: number): boolean {
    return this.pages.some((page, i) => this.y[i] > this.header && this.y[i] + heading + first > page);
  }

  newPage(): void {
    this.y = this.pages.map(() => this.header);
  }

  add(h: number): void {
    this.y = this.y.map((y, i) => (y + h > this.pages[i] ? this.header + h : y + h));
  }
}

/** Cells as ranges, each a run of consecutive rows of one column (one format request per run, not per cell). */
function runs(cells: readonly [number, number][]): string[] {
  const byCol = new Map<number, number[]>();
  for (const [r, c] of cells) {
    if (c < 0) continue;
    const rows = byCol.get(c);
    if (rows) rows.push(r);
    else byCol.set(c, [r]);
  }
  const out: string[] = [];
  for (const [c, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      out.push(span(start, c, rows[i - 1], c));
      start = rows[i];
    }
  }
  return out;
}

export function layoutRegister(input: RegisterInput): RegisterOutput {
  const { layout, columns } = input;
  const printed = columns.filter((c) => !c.hidden && !c.offPage);
  const lastPrinted = printed.length - 1;
  const lastShown = columns.filter((c) => !c.hidden).length - 1;
  const col = (id: ColumnId) => columns.findIndex((c) => c.id === id);
  const b = new BlockBuilder("register", input.startRow, 0, columns.length);
  const headerRow = input.startRow;
  layout.pageBreaksBefore.push(headerRow);
  layout.section("register", "Register", headerRow);

  columns.forEach((c, i) => b.set(headerRow, i, c.header));
  layout.format({ address: span(headerRow, 0, headerRow, lastShown), fill: HEADER_COLOURS.fill, fontColour: HEADER_COLOURS.text, bold: true, wrap: true, verticalAlignment: "Center" });
  layout.height(headerRow, maxOf(printed.map((c) => layout.fit.heightFor(c.header, c.width, REGISTER_HEADER_FONT))));

  const rows: ScorecardRow[] = [];
  const groupRows = new Map<string, number>();
  const hyperlinks: HyperlinkSpec[] = [];
  const notLive: [number, number][] = [];
  let row = headerRow + 1;
  const sourceCol = col("source");
  const heightOf = (p: PlacedKpi): number => {
    const cells = input.cells.get(p.key)!;
    let h = layout.fit.lineHeight(REGISTER_FONT);
    for (const c of printed) {
      const cell = cells[c.id];
      if (cell.shown && typeof cell.value === "string") h = Math.max(h, layout.fit.heightFor(cell.shown, c.width, c.id === "rag" ? REGISTER_HEADER_FONT : REGISTER_FONT));
    }
    return h;
  };
  const pager = new RegisterPager(input.scale, layout.rowHeight(headerRow, 15));
  for (const g of input.groups) {
    const text = groupHeading(g, input.rags);
    const headingHeight = layout.fit.heightFor(text, sumWidths(printed), GROUP_FONT);
    // A group's heading never stands alone at the foot of a page: it starts the next page with its first KPI.
    if (g.kpis.length > 0 && pager.wouldStrand(headingHeight, heightOf(g.kpis[0]))) {
      layout.pageBreaksBefore.push(row);
      pager.newPage();
    }
    pager.add(headingHeight);
    b.setLive(row, 0, input.live?.heading?.(g.name, headingPrefix(g), input.rags, text), literal(text));
    groupRows.set(g.name, row);
    layout.section("group", g.name, row);
    layout.mergeAcross(row, row, [0, lastPrinted]);
    layout.format({
      address: span(row, 0, row, lastPrinted),
      fill: SECTION_COLOURS.fill,
      fontColour: SECTION_COLOURS.text,
      bold: true,
      fontSize: GROUP_FONT.size,
      wrap: true,
      verticalAlignment: "Center",
    });
    layout.fitText(row, [0, lastPrinted], text, GROUP_FONT);
    row++;
    for (const p of g.kpis) {
      const cells = input.cells.get(p.key)!;
      const live = input.live?.formulas.get(p.key);
      columns.forEach((c, i) => {
        const formula = live?.[c.id as LiveColumn];
        b.setLive(row, i, formula, cells[c.id].value, formula ? liveFigureFormat(p, cells[c.id], c.id) : cells[c.id].format);
      });
      for (const id of input.live?.marked.get(p.key) ?? []) notLive.push([row, col(id)]);
      const h = heightOf(p);
      layout.height(row, h);
      pager.add(h);
      hyperlinks.push({
        cell: cellAddress(row, sourceCol),
        documentReference: sourceReference(p.sheet, p.sourceCell),
        textToDisplay: cells.source.shown,
        screenTip: `Go to the source of this KPI on ${p.sheet}`,
      });
      rows.push({
        key: p.key,
        sheet: p.sheet,
        ref: p.kpi.ref,
        measure: p.kpi.measure,
        group: p.group,
        rag: p.rag,
        ragWord: RAG_WORDS[p.rag],
        dot: cells.dot.shown || "n/a",
        stale: p.stale,
        commentary: cells.commentary.shown,
        row,
      });
      row++;
    }
  }
  if (input.groups.length === 0) {
    b.set(row, 0, "No KPI tables were recognised in this workbook.");
    layout.mergeAcross(row, row, [0, lastPrinted]);
    row++;
  }
  const first = headerRow + 1;
  const last = row - 1;
  layout.format({ address: span(headerRow, 0, last, lastShown), border: { colour: BORDER_COLOUR, inside: true } });
  if (rows.length > 0) {
    layout.format({ address: span(first, 0, last, lastShown), verticalAlignment: "Top", wrap: true });
    const ragCol = col("rag");
    const ragRange = span(first, ragCol, last, ragCol);
    layout.format({ address: ragRange, bold: true, horizontalAlignment: "Center" });
    // One rule per status word, including Blue, so a hand edit to any word recolours.
    for (const rag of ["blue", "green", "amber", "red", "grey"] as const) {
      layout.textRules.push({ address: ragRange, text: RAG_WORDS[rag], fill: RAG_COLOURS[rag].fill, fontColour: RAG_COLOURS[rag].text });
    }
    const commentary = col("commentary");
    layout.format({ address: span(first, commentary, last, commentary), fill: COMMENTARY_FILL });
    for (const address of runs(notLive)) layout.format({ address, italic: true });
  }
  // One at a time: spreading a register of 100,000 rows into push overflows the call stack.
  for (const h of hyperlinks) layout.hyperlinks.push(h);
  layout.add(b);
  return { headerRow, rows, groupRows, endRow: row };
}
