// The headless host calculates as Excel does in automatic mode: after a change, every formula that depends on
// a changed cell (directly or through other formulas), and every formula written, gets its value again —
// so what the API reads back, and the cached values a saved copy holds, are calculated ones. A formula the
// host cannot calculate (a function or a form of reference outside src/core/formula) keeps the value it had:
// a file's own cached value, or none for one written here.
import { evaluateFormula, parseFormula, referencesOf, FUNCTIONS, type CellSource, type Expr, type Scalar } from "../../core/formula";
import type { CellRect } from "../../core/snapshot";
import type { Journal } from "../model/journal";
import { findSheet, forEachCell, getCell } from "../model/sheet";
import type { CellModel, SheetModel, WorkbookModel } from "../model/types";
import { cellKey, hasWritten, takeWritten } from "./dirty";

interface FormulaCell {
  sheet: SheetModel;
  row: number;
  col: number;
  expr: Expr;
  /** What it reads: sheet (null when it does not exist) and rectangle. */
  refs: { sheet: SheetModel | null; rect: CellRect }[];
}

const parsed = new Map<string, Expr | null>();
const PARSED_LIMIT = 100_000;

function parseCached(text: string): Expr | null {
  let e = parsed.get(text);
  if (e === undefined) {
    if (parsed.size > PARSED_LIMIT) parsed.clear();
    e = parseFormula(text);
    // Only what the host can calculate: anything else keeps its value rather than become #NAME?.
    if (e && !calculable(e)) e = null;
    parsed.set(text, e);
  }
  return e;
}

function calculable(e: Expr): boolean {
  switch (e.kind) {
    case "fn":
      return e.name in FUNCTIONS && e.args.every(calculable);
    case "neg":
      return calculable(e.arg);
    case "bin":
      return calculable(e.left) && calculable(e.right);
    default:
      return true;
  }
}

function formulaCells(model: WorkbookModel): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of model.sheets) {
    forEachCell(sheet, (cell, row, col) => {
      if (cell.formula === undefined) return;
      const expr = parseCached(cell.formula);
      if (!expr) return;
      const refs = referencesOf(expr).map((r) => ({ sheet: r.sheet === null ? sheet : (findSheet(model, r.sheet) ?? null), rect: r.rect }));
      out.push({ sheet, row, col, expr, refs });
    });
  }
  return out;
}

function touches(f: FormulaCell, changed: Map<SheetModel, Set<number>>): boolean {
  for (const { sheet, rect } of f.refs) {
    const keys = sheet && changed.get(sheet);
    if (!keys) continue;
    const size = rect.rowCount * rect.colCount;
    if (size <= keys.size) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.col; c < rect.col + rect.colCount; c++) if (keys.has(cellKey(r, c))) return true;
    } else {
      for (const k of keys) {
        const r = Math.floor(k / 16384);
        const c = k % 16384;
        if (r >= rect.row && r < rect.row + rect.rowCount && c >= rect.col && c < rect.col + rect.colCount) return true;
      }
    }
  }
  return false;
}

function add(map: Map<SheetModel, Set<number>>, sheet: SheetModel, key: number): boolean {
  let s = map.get(sheet);
  if (!s) map.set(sheet, (s = new Set()));
  if (s.has(key)) return false;
  s.add(key);
  return true;
}

/** The scalar a cell holds for a formula reading it. */
function scalarOf(cell: CellModel | undefined): Scalar {
  if (!cell || cell.value === null || cell.value === undefined) return null;
  return cell.value;
}

/** Calculate what the writes since the last calculation call for. Cheap when nothing was written. */
export function recalculate(model: WorkbookModel, journal: Journal): void {
  if (!hasWritten(model.sheets)) return;
  const changed = takeWritten(model.sheets);
  const all = formulaCells(model);
  // The formulas to calculate: those written, then (until none is added) those reading a changed cell.
  const pending = new Map<SheetModel, Map<number, FormulaCell>>();
  const put = (f: FormulaCell) => {
    let m = pending.get(f.sheet);
    if (!m) pending.set(f.sheet, (m = new Map()));
    m.set(cellKey(f.row, f.col), f);
  };
  const queued = (f: FormulaCell) => pending.get(f.sheet)?.has(cellKey(f.row, f.col)) ?? false;
  for (const f of all) if (changed.get(f.sheet)?.has(cellKey(f.row, f.col))) put(f);
  let frontier = changed;
  while (frontier.size) {
    const next = new Map<SheetModel, Set<number>>();
    for (const f of all) {
      if (queued(f) || !touches(f, frontier)) continue;
      put(f);
      add(next, f.sheet, cellKey(f.row, f.col));
    }
    frontier = next;
  }
  new Calculation(model, journal, pending).run();
}

/** One calculation: pending formulas worked out on demand, each once, in the order their values are needed. */
class Calculation implements CellSource {
  private readonly busy = new Set<string>();

  constructor(
    private readonly model: WorkbookModel,
    private readonly journal: Journal,
    private readonly pending: Map<SheetModel, Map<number, FormulaCell>>,
  ) {}

  run(): void {
    for (const [sheet, cells] of this.pending) for (const f of [...cells.values()]) this.compute(sheet, f);
  }

  hasSheet(name: string): boolean {
    return !!findSheet(this.model, name);
  }

  cell(name: string, row: number, col: number): Scalar {
    const sheet = findSheet(this.model, name);
    if (!sheet) return { error: "#REF!" };
    const f = this.pending.get(sheet)?.get(cellKey(row, col));
    if (f) this.compute(sheet, f);
    return scalarOf(getCell(sheet, row, col));
  }

  each(name: string, rect: CellRect, visit: (v: Scalar, row: number, col: number) => void): void {
    const sheet = findSheet(this.model, name);
    if (!sheet) return;
    const cells = this.pending.get(sheet);
    if (cells) for (const f of [...cells.values()]) if (f.row >= rect.row && f.row < rect.row + rect.rowCount && f.col >= rect.col && f.col < rect.col + rect.colCount) this.compute(sheet, f);
    forEachCell(sheet, (cell, r, c) => {
      const v = scalarOf(cell);
      if (v !== null) visit(v, r, c);
    }, rect);
  }

  private compute(sheet: SheetModel, f: FormulaCell): void {
    const k = cellKey(f.row, f.col);
    const id = `${sheet.id}:${k}`;
    const cells = this.pending.get(sheet);
    if (!cells?.has(k)) return;
    // A circular reference: Excel warns and leaves 0.
    if (this.busy.has(id)) return;
    this.busy.add(id);
    const value = evaluateFormula(f.expr, this, sheet.name);
    this.busy.delete(id);
    cells.delete(k);
    const old = getCell(sheet, f.row, f.col);
    if (!old || old.formula === undefined) return;
    const same = old.value === value || (typeof old.value === "object" && old.value !== null && typeof value === "object" && old.value.error === value.error);
    if (same) return;
    const cell: CellModel = { ...old, value };
    const line = sheet.rows[f.row];
    line[f.col] = cell;
    this.journal.record(() => void (line[f.col] = old));
  }
}
