// A user's corrections to how the workbook is read — "this range is a KPI table", "this column is the target",
// "this row is not a KPI" — stored in the workbook's settings so that everyone who opens it, and the command
// line, reads it the same way. A table correction is anchored on its heading cells' text as well as its
// position, so it still applies after rows are inserted above the table or the sheet is renamed; when its
// headings can no longer be found, it is dropped and a finding says so.
import { columnIndex, parseRangeAddress, rectAddress } from "./address";
import type { CellRect, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { ColumnRoleName, Finding } from "./types";
import { SheetGrid } from "./recognise/grid";

export const COLUMN_ROLES: readonly ColumnRoleName[] = [
  "measure", "ref", "group", "latest", "previous", "target", "baseline", "milestone", "status", "trend", "polarity", "benchmark", "notes", "owner", "unit", "frequency", "ignore",
];

/** A column's role as the user set it, by its place in the table and its heading. */
export interface RoleCorrection {
  /** 0 for the table's first column. */
  offset: number;
  /** The column's heading when the correction was made ("" for none): found again by it if columns move. */
  heading: string;
  role: ColumnRoleName;
  /** A period the user typed for the column ("Q2 2024/25"). */
  period?: string | null;
}

export interface TableCorrection {
  /** The sheet and range (heading rows included) when the correction was made. */
  sheet: string;
  range: string;
  /** The table's heading rows as written, each a row of cell texts; for a table with no heading row, its first data row. */
  anchor: string[][];
  /** The user declared this range a KPI table (rather than correcting a table the scan found). */
  userDefined: boolean;
  /** Heading rows as the user set them (0: the table has none). */
  headerRows?: number;
  roles?: RoleCorrection[];
}

/** Corrections to one KPI, by its key (Kpi.key). */
export interface KpiCorrection {
  /** A target the user set, as a number in the KPI's units (percentages as fractions). */
  target?: number;
  /** The row is not a KPI (a total, a note, a heading the scan took for one). */
  notKpi?: boolean;
}

/** A table correction found again in the workbook: where it applies now. */
export interface LocatedCorrection {
  correction: TableCorrection;
  sheet: string;
  rect: CellRect;
  /** Role corrections by absolute column. */
  roles: Map<number, RoleCorrection>;
}

/** Untrusted JSON from a workbook to table corrections: anything of the wrong shape is left out. */
export function readTableCorrections(value: unknown): TableCorrection[] {
  if (!Array.isArray(value)) return [];
  const out: TableCorrection[] = [];
  for (const v of value) {
    if (!v || typeof v !== "object") continue;
    const t = v as Record<string, unknown>;
    if (typeof t.sheet !== "string" || typeof t.range !== "string" || !parseRangeAddress(t.range)) continue;
    const anchor = Array.isArray(t.anchor) ? t.anchor.filter(Array.isArray).map((row) => (row as unknown[]).map((c) => (typeof c === "string" ? c : ""))) : [];
    const roles = Array.isArray(t.roles)
      ? (t.roles as unknown[]).flatMap((r) => {
          if (!r || typeof r !== "object") return [];
          const x = r as Record<string, unknown>;
          if (typeof x.offset !== "number" || !Number.isInteger(x.offset) || x.offset < 0 || !COLUMN_ROLES.includes(x.role as ColumnRoleName)) return [];
          return [{ offset: x.offset, heading: typeof x.heading === "string" ? x.heading : "", role: x.role as ColumnRoleName, period: typeof x.period === "string" ? x.period : null }];
        })
      : [];
    const headerRows = typeof t.headerRows === "number" && Number.isInteger(t.headerRows) && t.headerRows >= 0 && t.headerRows <= 3 ? t.headerRows : undefined;
    out.push({ sheet: t.sheet, range: t.range, anchor, userDefined: t.userDefined === true, ...(headerRows !== undefined ? { headerRows } : {}), ...(roles.length ? { roles } : {}) });
  }
  return out;
}

export function readKpiCorrections(value: unknown): Record<string, KpiCorrection> {
  const out: Record<string, KpiCorrection> = {};
  if (!value || typeof value !== "object") return out;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!v || typeof v !== "object") continue;
    const c = v as Record<string, unknown>;
    const one: KpiCorrection = {};
    if (typeof c.target === "number" && Number.isFinite(c.target)) one.target = c.target;
    if (c.notKpi === true) one.notKpi = true;
    if (one.target !== undefined || one.notKpi) out[key] = one;
  }
  return out;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

/** The texts of the anchor rows at a rect: the heading rows, or the first data row when there are none. */
function anchorAt(grid: SheetGrid, rect: CellRect, headerRows: number): string[][] {
  const rows = headerRows > 0 ? headerRows : 1;
  const out: string[][] = [];
  for (let r = rect.row; r < rect.row + rows; r++) {
    const line: string[] = [];
    for (let c = rect.col; c < rect.col + rect.colCount; c++) line.push(grid.rawText(r, c));
    out.push(line);
  }
  return out;
}

/**
 * A table correction for a range of a sheet, anchored on its cells as they are now. `headerRows` defaults to 1;
 * roles are given by column letter on the sheet.
 */
export function makeTableCorrection(
  snapshot: WorkbookSnapshot,
  sheet: string,
  range: string,
  options: { headerRows?: number; roles?: { column: string; role: ColumnRoleName; period?: string | null }[]; userDefined?: boolean },
): TableCorrection | string {
  const s = sheetOf(snapshot, sheet);
  if (!s) return `there is no sheet "${sheet}" in the workbook`;
  const rect = parseRangeAddress(range);
  if (!rect) return `"${range}" is not a range such as B4:E7`;
  const headerRows = options.headerRows ?? 1;
  if (headerRows >= rect.rowCount) return `${range} has ${rect.rowCount} row${rect.rowCount === 1 ? "" : "s"}; with ${headerRows} heading row${headerRows === 1 ? "" : "s"} no row is left for KPIs`;
  const grid = new SheetGrid(s);
  const anchor = anchorAt(grid, rect, headerRows);
  const roles: RoleCorrection[] = [];
  for (const r of options.roles ?? []) {
    const col = columnIndex(r.column);
    if (col < rect.col || col >= rect.col + rect.colCount) return `column ${r.column} is outside ${range}`;
    const heading = headerRows > 0 ? grid.rawText(rect.row + headerRows - 1, col) : "";
    roles.push({ offset: col - rect.col, heading, role: r.role, period: r.period ?? null });
  }
  return { sheet, range: rectAddress(rect), anchor, userDefined: options.userDefined ?? true, headerRows, ...(roles.length ? { roles } : {}) };
}

function matchesAt(grid: SheetGrid, row: number, col: number, anchor: string[][]): boolean {
  return anchor.every((line, i) => line.every((text, j) => grid.rawText(row + i, col + j) === text));
}

/** Where the anchor stands on a sheet now: at its old place, else wherever its first non-empty heading is followed by the rest. */
function findAnchor(grid: SheetGrid, rect: CellRect, anchor: string[][]): { row: number; col: number } | null {
  if (!anchor.length || anchor.every((l) => l.every((t) => t === ""))) return matchesAt(grid, rect.row, rect.col, anchor) ? { row: rect.row, col: rect.col } : null;
  if (matchesAt(grid, rect.row, rect.col, anchor)) return { row: rect.row, col: rect.col };
  const first = anchor[0].findIndex((t) => t !== "");
  if (first < 0) return null;
  for (const region of grid.regions()) {
    for (let r = region.firstRow; r <= region.lastRow; r++) {
      for (const c of grid.filledCols(r, region.firstCol, region.lastCol)) {
        if (grid.rawText(r, c) !== anchor[0][first]) continue;
        if (matchesAt(grid, r, c - first, anchor)) return { row: r, col: c - first };
      }
    }
  }
  return null;
}

/**
 * Each stored table correction found again in the workbook (on its sheet, or on a renamed one), with a finding
 * for every correction that no longer fits and was dropped.
 */
export function locateCorrections(snapshot: WorkbookSnapshot, corrections: readonly TableCorrection[]): { located: LocatedCorrection[]; findings: Finding[] } {
  const located: LocatedCorrection[] = [];
  const findings: Finding[] = [];
  for (const correction of corrections) {
    const rect = parseRangeAddress(correction.range)!;
    const own = sheetOf(snapshot, correction.sheet);
    const candidates = own ? [own, ...snapshot.sheets.filter((s) => s !== own)] : snapshot.sheets;
    let hit: LocatedCorrection | null = null;
    for (const s of candidates) {
      if (s.ownedByAddin) continue;
      const grid = new SheetGrid(s);
      const at = findAnchor(grid, rect, correction.anchor);
      if (!at) continue;
      const moved: CellRect = { row: at.row, col: at.col, rowCount: rect.rowCount, colCount: rect.colCount };
      const roles = new Map<number, RoleCorrection>();
      for (const r of correction.roles ?? []) roles.set(moved.col + r.offset, r);
      hit = { correction, sheet: s.name, rect: moved, roles };
      break;
    }
    if (hit) located.push(hit);
    else {
      const headings = (correction.anchor[0] ?? []).filter(Boolean).slice(0, 4).join(" | ");
      findings.push({
        code: "correction-dropped",
        severity: "warning",
        message: `A correction stored for ${correction.sheet}!${correction.range}${headings ? ` (headings "${headings}")` : ""} no longer fits the workbook: those cells were not found, so it was left out. Set it again in the Tables tab if the table is still there.`,
        sheet: correction.sheet,
      });
    }
  }
  return { located, findings };
}

/** A table declared on the command line (`--table "Board!B4:E7" --header-rows 0 --role C=latest`), before anchoring. */
export interface TableDeclaration {
  sheet: string;
  range: string;
  headerRows?: number;
  roles?: { column: string; role: ColumnRoleName; period?: string | null }[];
}

/** A declaration that cannot apply to this workbook (no such sheet, a range with no rows left for KPIs). */
export class DeclarationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeclarationError";
  }
}

/**
 * The stored table corrections with the declared ones added, each anchored on the workbook's cells now; a stored
 * correction on the same sheet over an overlapping range is replaced.
 */
export function withDeclarations(snapshot: WorkbookSnapshot, stored: readonly TableCorrection[], declarations: readonly TableDeclaration[]): TableCorrection[] {
  let out = [...stored];
  for (const d of declarations) {
    const made = makeTableCorrection(snapshot, d.sheet, d.range, { headerRows: d.headerRows, roles: d.roles, userDefined: true });
    if (typeof made === "string") throw new DeclarationError(`--table ${d.sheet}!${d.range}: ${made}.`);
    const rect = parseRangeAddress(made.range)!;
    out = out.filter((c) => {
      if (c.sheet !== made.sheet) return true;
      const o = parseRangeAddress(c.range)!;
      return o.row + o.rowCount <= rect.row || rect.row + rect.rowCount <= o.row || o.col + o.colCount <= rect.col || rect.col + rect.colCount <= o.col;
    });
    out.push(made);
  }
  return out;
}
