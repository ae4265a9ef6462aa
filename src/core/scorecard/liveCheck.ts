// The live scorecard's formulas worked out on the workbook as it was read, before they are written: each one
// must give what the add-in worked out, or the cell keeps the add-in's value. So the live scorecard never
// shows other figures than the static one on the same figures.
import { cellAddress } from "../address";
import { Evaluator, type CellSource, type Expr, type Scalar } from "../formula";
import type { CellRect } from "../snapshot";
import type { SourceCells } from "./liveSource";

type Entry = { f: Expr } | { v: Scalar };

const cellKey = (row: number, col: number) => row * 16384 + col;

/** The source workbook's cells, with the cells the scorecard will write laid over them (formulas worked out on demand). */
export class VirtualCells implements CellSource {
  private readonly sheets = new Map<string, Map<number, Entry>>();
  private readonly done = new Map<string, Map<number, Scalar>>();
  private readonly busy = new Set<string>();

  constructor(private readonly source: SourceCells) {}

  set(sheet: string, row: number, col: number, entry: Expr | Scalar): void {
    let m = this.sheets.get(sheet);
    if (!m) this.sheets.set(sheet, (m = new Map()));
    const isExpr = typeof entry === "object" && entry !== null && "kind" in entry;
    m.set(cellKey(row, col), isExpr ? { f: entry as Expr } : { v: entry as Scalar });
    this.done.get(sheet)?.delete(cellKey(row, col));
  }

  /** Forget what was worked out (after cells were changed). */
  reset(): void {
    this.done.clear();
  }

  hasSheet(sheet: string): boolean {
    return this.sheets.has(sheet) || this.source.hasSheet(sheet);
  }

  cell(sheet: string, row: number, col: number): Scalar {
    const own = this.sheets.get(sheet);
    if (own) {
      const k = cellKey(row, col);
      const e = own.get(k);
      if (!e) return null;
      if ("v" in e) return e.v;
      const memo = this.done.get(sheet)?.get(k);
      if (memo !== undefined) return memo;
      const id = `${sheet}\u0000${k}`;
      // A circular reference: Excel warns and shows 0.
      if (this.busy.has(id)) return 0;
      this.busy.add(id);
      const ev = new Evaluator(this, sheet);
      let v = ev.deref(ev.value(e.f));
      if (v === null) v = 0;
      this.busy.delete(id);
      let d = this.done.get(sheet);
      if (!d) this.done.set(sheet, (d = new Map()));
      d.set(k, v);
      return v;
    }
    const raw = this.source.cell(sheet, cellAddress(row, col));
    if (!raw) return null;
    if (raw.valueType === "Error") return { error: String(raw.value) };
    return raw.value;
  }

  each(sheet: string, rect: CellRect, visit: (v: Scalar, row: number, col: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        const v = this.cell(sheet, r, c);
        if (v !== null) visit(v, r, c);
      }
    }
  }
}

/** Two cell values the same as a reader sees them: numbers equal, text equal ("" and an empty cell alike). */
export function sameValue(a: Scalar, b: Scalar): boolean {
  const norm = (v: Scalar) => (v === null ? "" : v);
  const x = norm(a);
  const y = norm(b);
  if (typeof x === "number" && typeof y === "number") return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x));
  return x === y;
}
