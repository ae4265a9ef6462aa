// The worksheet functions the headless host calculates: those the live scorecard writes and a few
// neighbours, each as Excel documents it (and LibreOffice agrees). All are in Excel 2007 and later,
// Excel on the web and LibreOffice; none is volatile.
import type { Expr } from "./ast";
import type { Evaluator } from "./evaluate";
import { compare, err, isError, isRef, toBoolean, toNumber, toText, type FormulaError, type Scalar, type Value } from "./values";

export type FormulaFunction = (args: Expr[], ev: Evaluator) => Value;

function arity(args: Expr[], min: number, max: number): FormulaError | null {
  return args.length < min || args.length > max ? err("#VALUE!") : null;
}

/**
 * Arguments as an aggregate takes them: a referenced cell counts only when `fromCell` accepts it (others are
 * skipped, errors stop), a typed value is coerced by `fromValue`.
 */
function argumentsOf<T>(args: Expr[], ev: Evaluator, fromCell: (x: Scalar) => T | undefined, fromValue: (v: Scalar) => T | FormulaError): T[] | FormulaError {
  const out: T[] = [];
  for (const a of args) {
    const v = ev.value(a);
    if (isRef(v)) {
      let bad: FormulaError | null = null;
      ev.cells(v, (x) => {
        if (bad) return;
        if (isError(x)) bad = x;
        else {
          const t = fromCell(x);
          if (t !== undefined) out.push(t);
        }
      });
      if (bad) return bad;
    } else {
      const t = fromValue(v);
      if (isError(t)) return t;
      out.push(t as T);
    }
  }
  return out;
}

/** Numbers as MAX, MIN and SUM take them: from references only numbers; typed values coerced. */
function numbersOf(args: Expr[], ev: Evaluator): number[] | FormulaError {
  return argumentsOf(args, ev, (x) => (typeof x === "number" ? x : undefined), toNumber);
}

/** Truth values as AND and OR take them: from references booleans and numbers only; none at all is #VALUE!. */
function truthsOf(args: Expr[], ev: Evaluator): boolean[] | FormulaError {
  const out = argumentsOf<boolean>(args, ev, (x) => (typeof x === "boolean" ? x : typeof x === "number" ? x !== 0 : undefined), toBoolean);
  return isError(out) || out.length ? out : err("#VALUE!");
}

/** A COUNTIFS criterion as a test of one cell: a number or text equal to it, or "<5", "<>0", "Gr*". */
function criterion(c: Scalar): (x: Scalar) => boolean {
  if (typeof c === "number" || typeof c === "boolean") return (x) => x !== null && !isError(x) && typeof x === typeof c && compare(x, c) === 0;
  if (c === null || isError(c)) return (x) => x === null || x === "";
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(c)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const asNumber = toNumber(operand);
  if (!isError(asNumber) && operand.trim() !== "") {
    return (x) => {
      if (typeof x !== "number") return op === "<>";
      const d = compare(x, asNumber);
      return op === "=" ? d === 0 : op === "<>" ? d !== 0 : op === "<" ? d < 0 : op === "<=" ? d <= 0 : op === ">" ? d > 0 : d >= 0;
    };
  }
  if (op === "=" || op === "<>") {
    const pattern = new RegExp(`^${wildcard(operand)}$`, "is");
    const equal = (x: Scalar) => (operand === "" ? x === null || x === "" : typeof x === "string" && pattern.test(x));
    return op === "=" ? equal : (x) => !equal(x);
  }
  return (x) => {
    if (typeof x !== "string") return false;
    const d = compare(x, operand);
    return op === "<" ? d < 0 : op === "<=" ? d <= 0 : op === ">" ? d > 0 : d >= 0;
  };
}

/** A COUNTIFS text criterion as a pattern: * any text, ? one character, ~* and ~? themselves. */
function wildcard(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && (text[i + 1] === "*" || text[i + 1] === "?")) out += `\\${text[++i]}`;
    else if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else out += ch.replace(/[.+^${}()|[\]\\*?]/g, "\\$&");
  }
  return out;
}

function countifs(args: Expr[], ev: Evaluator): Value {
  if (args.length < 2 || args.length % 2 !== 0) return err("#VALUE!");
  const pairs: { v: Value; test: (x: Scalar) => boolean }[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const v = ev.value(args[i]);
    if (isError(v)) return v;
    const c = ev.scalar(args[i + 1]);
    pairs.push({ v, test: criterion(c) });
  }
  const size = (v: Value) => (isRef(v) ? [v.rect.rowCount, v.rect.colCount] : [1, 1]);
  const [rows, cols] = size(pairs[0].v);
  if (pairs.some((p) => size(p.v)[0] !== rows || size(p.v)[1] !== cols)) return err("#VALUE!");
  const at = (v: Value, r: number, c: number): Scalar => (isRef(v) ? ev.source.cell(v.sheet, v.rect.row + r, v.rect.col + c) : (v as Scalar));
  let n = 0;
  if (pairs.some((p) => p.test(null))) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (pairs.every((p) => p.test(at(p.v, r, c)))) n++;
    return n;
  }
  ev.cells(pairs[0].v, (x, r, c) => {
    if (pairs[0].test(x) && pairs.every((p, i) => i === 0 || p.test(at(p.v, r, c)))) n++;
  });
  return n;
}

export const FUNCTIONS: Readonly<Record<string, FormulaFunction>> = Object.freeze({
  IF(args, ev) {
    const bad = arity(args, 2, 3);
    if (bad) return bad;
    const c = ev.boolean(args[0]);
    if (isError(c)) return c;
    if (c) return ev.value(args[1]);
    return args.length === 3 ? ev.value(args[2]) : false;
  },
  IFERROR(args, ev) {
    const bad = arity(args, 2, 2);
    if (bad) return bad;
    const v = ev.value(args[0]);
    return isError(ev.deref(v)) ? ev.value(args[1]) : v;
  },
  CHOOSE(args, ev) {
    if (args.length < 2) return err("#VALUE!");
    const i = ev.number(args[0]);
    if (isError(i)) return i;
    const k = Math.trunc(i);
    return k >= 1 && k < args.length ? ev.value(args[k]) : err("#VALUE!");
  },
  INDEX(args, ev) {
    const bad = arity(args, 2, 3);
    if (bad) return bad;
    const ref = ev.value(args[0]);
    if (isError(ref)) return ref;
    const a = ev.number(args[1]);
    if (isError(a)) return a;
    const b = args.length === 3 ? ev.number(args[2]) : 1;
    if (isError(b)) return b;
    if (!isRef(ref)) return Math.trunc(a) === 1 && Math.trunc(b) === 1 ? ref : err("#REF!");
    const { rect } = ref;
    // One row or one column: the single index counts along it.
    let r = Math.trunc(a) - 1;
    let c = Math.trunc(b) - 1;
    if (args.length === 2 && rect.rowCount === 1) [r, c] = [0, Math.trunc(a) - 1];
    if (r < 0 || c < 0 || r >= rect.rowCount || c >= rect.colCount) return err("#REF!");
    return { ref: true, sheet: ref.sheet, rect: { row: rect.row + r, col: rect.col + c, rowCount: 1, colCount: 1 } };
  },
  ISNUMBER: (args, ev) => arity(args, 1, 1) ?? typeof ev.scalar(args[0]) === "number",
  ISTEXT: (args, ev) => arity(args, 1, 1) ?? typeof ev.scalar(args[0]) === "string",
  ISBLANK: (args, ev) => arity(args, 1, 1) ?? ev.scalar(args[0]) === null,
  ISERROR: (args, ev) => arity(args, 1, 1) ?? isError(ev.scalar(args[0])),
  AND(args, ev) {
    const t = truthsOf(args, ev);
    return isError(t) ? t : t.every(Boolean);
  },
  OR(args, ev) {
    const t = truthsOf(args, ev);
    return isError(t) ? t : t.some(Boolean);
  },
  NOT(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const b = ev.boolean(args[0]);
    return isError(b) ? b : !b;
  },
  ABS(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const n = ev.number(args[0]);
    return isError(n) ? n : Math.abs(n);
  },
  MAX(args, ev) {
    const ns = numbersOf(args, ev);
    return isError(ns) ? ns : ns.reduce((m, x) => (x > m ? x : m), ns.length ? -Infinity : 0);
  },
  MIN(args, ev) {
    const ns = numbersOf(args, ev);
    return isError(ns) ? ns : ns.reduce((m, x) => (x < m ? x : m), ns.length ? Infinity : 0);
  },
  SUM(args, ev) {
    const ns = numbersOf(args, ev);
    return isError(ns) ? ns : ns.reduce((s, x) => s + x, 0);
  },
  COUNTIFS: countifs,
  COUNTA(args, ev) {
    let n = 0;
    for (const a of args) {
      const v = ev.value(a);
      if (isRef(v)) ev.cells(v, (x) => void (x !== null && n++));
      else n++;
    }
    return n;
  },
  T(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const v = ev.scalar(args[0]);
    return isError(v) ? v : typeof v === "string" ? v : "";
  },
  CHAR(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const n = ev.number(args[0]);
    if (isError(n)) return n;
    const k = Math.trunc(n);
    return k >= 1 && k <= 255 ? String.fromCharCode(k) : err("#VALUE!");
  },
  LEN(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const t = toText(ev.scalar(args[0]));
    return isError(t) ? t : t.length;
  },
  ROWS(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const v = ev.value(args[0]);
    return isRef(v) ? v.rect.rowCount : isError(v) ? v : 1;
  },
  COLUMNS(args, ev) {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const v = ev.value(args[0]);
    return isRef(v) ? v.rect.colCount : isError(v) ? v : 1;
  },
  NA: (args) => arity(args, 0, 0) ?? err("#N/A"),
});
