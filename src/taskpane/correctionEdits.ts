// The pane's corrections as changes to the settings stored in the workbook: "this range is a KPI table",
// "it has 0 heading rows", "column D is the target", "reset to as recognised", and per KPI a target, "not a
// KPI" and its polarity. Each takes the settings and the cells as they are now (src/excel/correctWorkbook reads
// both just before storing) and gives the new settings, or why the change cannot be made, in words.
import { locateCorrections, makeTableCorrection, type LocatedCorrection } from "../core/corrections";
import { columnLetters, parseRangeAddress, rectAddress } from "../core/address";
import { SheetGrid } from "../core/recognise/grid";
import type { CellRect, WorkbookSnapshot } from "../core/snapshot";
import type { Settings } from "../core/settings";
import type { ColumnRoleName, KpiTable, Polarity } from "../core/types";

/** The roles that hold a figure for a period, where a period typed for the column means something. */
export const ROLES_WITH_PERIOD: ReadonlySet<ColumnRoleName> = new Set(["latest", "target", "baseline", "milestone"]);

function overlap(a: CellRect, b: CellRect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
}

/** Where each stored table correction stands in the workbook now (null when it no longer fits), by index. */
export function locateEach(settings: Settings, snapshot: WorkbookSnapshot): (LocatedCorrection | null)[] {
  return settings.tables.map((c) => locateCorrections(snapshot, [c]).located[0] ?? null);
}

/**
 * Which of the located corrections made a table as the scan shows it: the one found again at the table's
 * top-left cell (where a corrected table starts), else one over the same cells on its sheet; -1 for none.
 */
export function correctionIndex(located: readonly (LocatedCorrection | null)[], table: Pick<KpiTable, "sheet" | "range">): number {
  const rect = parseRangeAddress(table.range);
  if (!rect) return -1;
  const at = located.findIndex((l) => l && l.sheet === table.sheet && l.rect.row === rect.row && l.rect.col === rect.col);
  return at >= 0 ? at : located.findIndex((l) => l && l.sheet === table.sheet && overlap(l.rect, rect));
}

/** The stored correction that made a table, found again in the workbook, or null. */
export function correctionOf(settings: Settings, snapshot: WorkbookSnapshot, table: Pick<KpiTable, "sheet" | "range">): { index: number; located: LocatedCorrection } | null {
  const located = locateEach(settings, snapshot);
  const index = correctionIndex(located, table);
  return index >= 0 ? { index, located: located[index]! } : null;
}

/** Whether a row of a range reads as headings: words only, no figures (a year may head a column). */
function headingLike(grid: SheetGrid, row: number, rect: CellRect): boolean {
  let words = 0;
  for (let c = rect.col; c < rect.col + rect.colCount; c++) {
    const cell = grid.cell(row, c);
    if (cell.text === "") continue;
    const year = typeof cell.value === "number" && Number.isInteger(cell.value) && cell.value >= 1900 && cell.value <= 2100 && !/[%.,]/.test(cell.text);
    if (!year && (typeof cell.value === "number" || /^[£$€]?\s*[-+]?[\d,]*\.?\d+\s*%?$/.test(cell.text))) return false;
    words++;
  }
  return words > 0;
}

/**
 * The heading rows a selected range most likely has, as the "Use selection" dialog first offers: 0 when its
 * first row already holds figures (a table with no heading row), else 1, or 2 when the second row is words
 * too (a heading over sub-headings) and figures follow.
 */
export function guessHeadingRows(snapshot: WorkbookSnapshot, sheet: string, range: string): number {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  const rect = parseRangeAddress(range);
  if (!s || !rect || rect.rowCount < 2) return 0;
  const grid = new SheetGrid(s);
  if (!headingLike(grid, rect.row, rect)) return 0;
  return rect.rowCount > 2 && headingLike(grid, rect.row + 1, rect) ? 2 : 1;
}

/** The first row's cell texts, to show in the "Use selection" dialog what would be read as headings. */
export function firstRowTexts(snapshot: WorkbookSnapshot, sheet: string, range: string, rows = 2): string[][] {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  const rect = parseRangeAddress(range);
  if (!s || !rect) return [];
  const grid = new SheetGrid(s);
  const out: string[][] = [];
  for (let r = rect.row; r < rect.row + Math.min(rows, rect.rowCount); r++) {
    const line: string[] = [];
    for (let c = rect.col; c < rect.col + rect.colCount; c++) line.push(grid.text(r, c));
    out.push(line);
  }
  return out;
}

/** "Use selection as KPI table": the range is a table, with the heading rows the user confirmed. */
export function declareTable(stored: Settings, snapshot: WorkbookSnapshot, sheet: string, range: string, headerRows: number): Settings | string {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (s?.ownedByAddin) return `${sheet} is the scorecard the add-in writes. Select a KPI table on one of your own sheets.`;
  const made = makeTableCorrection(snapshot, sheet, range, { headerRows, userDefined: true });
  if (typeof made === "string") return capital(made) + ".";
  const rect = parseRangeAddress(made.range)!;
  // Corrections over the same cells give way to the new one, and so do tables left out there.
  const located = locateEach(stored, snapshot);
  const tables = stored.tables.filter((_, i) => !(located[i] && located[i]!.sheet === sheet && overlap(located[i]!.rect, rect)));
  const excludedTables = stored.excludedTables.filter((id) => {
    const bang = id.lastIndexOf("!");
    const r = parseRangeAddress(id.slice(bang + 1));
    return !(id.slice(0, bang) === sheet && r && overlap(r, rect));
  });
  return { ...stored, tables: [...tables, made], excludedTables };
}

/** What a table correction says, by column letter, while it is being changed. */
interface Draft {
  headerRows: number;
  userDefined: boolean;
  roles: Map<string, { role: ColumnRoleName; period: string | null }>;
}

/**
 * Change a table's correction (made from the table as the scan read it when it has none yet), anchored afresh
 * on the cells as they are. `dropWhenEmpty`: a correction to a found table with no roles left goes, so the
 * table is read as recognised again.
 */
function editTable(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable, edit: (d: Draft) => void, dropWhenEmpty = false): Settings | string {
  const found = correctionOf(stored, snapshot, table);
  const roles = new Map<string, { role: ColumnRoleName; period: string | null }>();
  if (found) {
    for (const [col, r] of found.located.roles) roles.set(columnLetters(col), { role: r.role, period: r.period ?? null });
  }
  const draft: Draft = { headerRows: found?.located.correction.headerRows ?? table.headerRows, userDefined: found?.located.correction.userDefined ?? false, roles };
  edit(draft);
  const tables = [...stored.tables];
  if (dropWhenEmpty && !draft.userDefined && draft.roles.size === 0) {
    if (found) tables.splice(found.index, 1);
    return { ...stored, tables };
  }
  const rect = parseRangeAddress(table.range);
  if (!rect) return `"${table.range}" is not a range.`;
  // A declared table keeps the range the user gave; a found one is taken as far as the scan reads it now.
  const range = found && draft.userDefined ? found.located.rect : rect;
  const sheet = found ? found.located.sheet : table.sheet;
  const made = makeTableCorrection(snapshot, sheet, rectAddress(range), {
    headerRows: draft.headerRows,
    roles: [...draft.roles].map(([column, r]) => ({ column, role: r.role, period: r.period })),
    userDefined: draft.userDefined,
  });
  if (typeof made === "string") return capital(made) + ".";
  if (found) tables[found.index] = made;
  else tables.push(made);
  return { ...stored, tables };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function setHeadingRows(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable, headerRows: number): Settings | string {
  return editTable(stored, snapshot, table, (d) => {
    d.headerRows = headerRows;
  });
}

/** A column's role set by the user; a period typed earlier for the column is kept where the new role takes one. */
export function setColumnRole(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable, column: string, role: ColumnRoleName): Settings | string {
  return editTable(stored, snapshot, table, (d) => {
    const period = d.roles.get(column)?.period ?? null;
    d.roles.set(column, { role, period: ROLES_WITH_PERIOD.has(role) ? period : null });
  });
}

/** A period typed for a column: its role as read now is kept (and so becomes the user's), with that period. */
export function setColumnPeriod(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable, column: string, period: string): Settings | string {
  const shown = table.columns?.find((c) => c.column === column);
  return editTable(stored, snapshot, table, (d) => {
    const role = d.roles.get(column)?.role ?? shown?.role ?? "latest";
    d.roles.set(column, { role, period: period.trim() || null });
  });
}

/** The column read as recognised again. */
export function resetColumn(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable, column: string): Settings | string {
  return editTable(stored, snapshot, table, (d) => void d.roles.delete(column), true);
}

/** Every correction to the table dropped: a declared table stops being one; a found one is read as recognised. */
export function resetTable(stored: Settings, snapshot: WorkbookSnapshot, table: KpiTable): Settings {
  const found = correctionOf(stored, snapshot, table);
  return found ? { ...stored, tables: stored.tables.filter((_, i) => i !== found.index) } : stored;
}

/** A target the user set for a KPI (null: the workbook's own target again). */
export function setKpiTarget(stored: Settings, key: string, target: number | null): Settings {
  const own = { ...stored.kpiCorrections[key] };
  if (target === null) delete own.target;
  else own.target = target;
  return withKpi(stored, key, own);
}

/** "Not a KPI" (true), or counted as a KPI again (false). */
export function setNotKpi(stored: Settings, key: string, notKpi: boolean): Settings {
  const own = { ...stored.kpiCorrections[key] };
  if (notKpi) own.notKpi = true;
  else delete own.notKpi;
  return withKpi(stored, key, own);
}

function withKpi(stored: Settings, key: string, own: Settings["kpiCorrections"][string]): Settings {
  const kpiCorrections = { ...stored.kpiCorrections };
  if (own.target === undefined && !own.notKpi) delete kpiCorrections[key];
  else kpiCorrections[key] = own;
  return { ...stored, kpiCorrections };
}

/** Polarity set for a KPI, as the Settings tab's "Polarity per KPI" stores it (null: as the workbook says). */
export function setKpiPolarity(stored: Settings, key: string, polarity: Polarity | null): Settings {
  const polarityOverrides = { ...stored.polarityOverrides };
  if (polarity) polarityOverrides[key] = polarity;
  else delete polarityOverrides[key];
  return { ...stored, polarityOverrides };
}
