// Formula text (as stored in OOXML or written through the API, without the "=") to an expression, for the
// subset the headless host calculates: numbers, text, booleans, errors, A1 references and ranges (with a
// sheet, quoted or not), function calls and operators. Anything else (names, structured references,
// R1C1, array constants, "%") gives null: the host then leaves the cell's value as it is.
import { columnIndex } from "../address";
import type { BinaryOp, Expr } from "./ast";

const MAX_ROWS = 1048576;
/** Excel's own limits: a formula's length, and nesting well past its 64 levels of functions (a file may hold anything). */
const MAX_LENGTH = 8192;
const MAX_DEPTH = 200;
/** How deep the expression may be (a long chain A1+A2+… is deep on one side), for the evaluator's recursion. */
const MAX_TREE = 1000;

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "err"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b: string | null }
  | { t: "fn"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "op"; v: string }
  | { t: "(" | ")" | "," };

const ERRORS = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)/i;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const WORD = /^[\p{L}_\\$][\p{L}\p{N}_.$]*/u;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

class Unsupported extends Error {}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const rest = () => text.slice(i);
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported("unterminated text");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      out.push({ t: "str", v: s });
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!A1 — '' inside is one apostrophe.
      let name = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Unsupported("unterminated sheet name");
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += text[i++];
      }
      if (text[i] !== "!") throw new Unsupported("quoted name without !");
      i++;
      out.push(refAfterSheet(name));
      continue;
    }
    const err = ERRORS.exec(rest());
    if (err) {
      out.push({ t: "err", v: err[0].toUpperCase() });
      i += err[0].length;
      continue;
    }
    const n = NUMBER.exec(rest());
    if (n && !/^\d+:/.test(rest())) {
      if (!Number.isFinite(Number(n[0]))) throw new Unsupported("number");
      out.push({ t: "num", v: Number(n[0]) });
      i += n[0].length;
      continue;
    }
    const w = WORD.exec(rest());
    if (w) {
      const word = w[0];
      i += word.length;
      if (text[i] === "!") {
        i++;
        out.push(refAfterSheet(word));
      } else if (text[i] === "(") {
        out.push({ t: "fn", v: word.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "") });
      } else if (/^(true|false)$/i.test(word)) {
        out.push({ t: "bool", v: word.toUpperCase() === "TRUE" });
      } else if (CELL.test(word) || (COLUMN.test(word) && text[i] === ":")) {
        out.push(rangeFrom(null, word));
      } else {
        throw new Unsupported(`name ${word}`);
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ t: ch });
      i++;
      continue;
    }
    throw new Unsupported(`character ${ch}`);
  }
  return out;

  function refAfterSheet(sheet: string): Tok {
    const w = /^\$?[A-Za-z]{1,3}\$?\d{0,7}/.exec(rest());
    if (!w || !w[0]) throw new Unsupported("sheet without a reference");
    i += w[0].length;
    return rangeFrom(sheet, w[0]);
  }

  function rangeFrom(sheet: string | null, a: string): Tok {
    if (text[i] === ":") {
      const m = /^:(\$?[A-Za-z]{1,3}\$?\d{0,7})/.exec(rest());
      if (!m) throw new Unsupported("range");
      i += m[0].length;
      return { t: "ref", sheet, a, b: m[1] };
    }
    return { t: "ref", sheet, a, b: null };
  }
}

function corner(a: string): { row: number | null; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d*)$/.exec(a);
  if (!m) throw new Unsupported("reference");
  const col = columnIndex(m[1]);
  if (col < 0 || col >= 16384) throw new Unsupported("column");
  const row = m[2] ? Number(m[2]) - 1 : null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) throw new Unsupported("row");
  return { row, col };
}

function refExpr(tok: Extract<Tok, { t: "ref" }>): Expr {
  const a = corner(tok.a);
  const b = tok.b === null ? a : corner(tok.b);
  // A1:B2, or whole columns A:B; a lone column letter is not a reference.
  if ((a.row === null) !== (b.row === null) || (tok.b === null && a.row === null)) throw new Unsupported("reference");
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  return {
    kind: "ref",
    sheet: tok.sheet,
    rect: { row: Math.min(r1, r2), col: Math.min(a.col, b.col), rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(b.col - a.col) + 1 },
  };
}

const LEVELS: readonly (readonly string[])[] = [["=", "<>", "<", "<=", ">", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Expr {
    const e = this.level(0);
    if (this.i !== this.toks.length) throw new Unsupported("trailing input");
    return e;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private level(n: number): Expr {
    if (n === LEVELS.length) return this.unary();
    let left = this.level(n + 1);
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op" || !LEVELS[n].includes(t.v)) return left;
      this.i++;
      left = { kind: "bin", op: t.v as BinaryOp, left, right: this.level(n + 1) };
    }
  }

  private unary(): Expr {
    if (++this.depth > MAX_DEPTH) throw new Unsupported("nesting");
    try {
      return this.signed();
    } finally {
      this.depth--;
    }
  }

  private signed(): Expr {
    const t = this.peek();
    if (t && t.t === "op" && (t.v === "-" || t.v === "+")) {
      this.i++;
      const arg = this.unary();
      return t.v === "-" ? { kind: "neg", arg } : arg;
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported("end of formula");
    switch (t.t) {
      case "num":
        return { kind: "num", value: t.v };
      case "str":
        return { kind: "str", value: t.v };
      case "err":
        return { kind: "err", value: t.v };
      case "bool":
        return { kind: "bool", value: t.v };
      case "ref":
        return refExpr(t);
      case "(": {
        const e = this.level(0);
        if (this.toks[this.i++]?.t !== ")") throw new Unsupported("missing )");
        return e;
      }
      case "fn": {
        if (this.toks[this.i++]?.t !== "(") throw new Unsupported("function without (");
        const args: Expr[] = [];
        if (this.peek()?.t === ")") {
          this.i++;
          return { kind: "fn", name: t.v, args };
        }
        for (;;) {
          args.push(this.level(0));
          const sep = this.toks[this.i++];
          if (sep?.t === ")") break;
          if (sep?.t !== ",") throw new Unsupported("argument list");
        }
        return { kind: "fn", name: t.v, args };
      }
      default:
        throw new Unsupported("unexpected token");
    }
  }
}

/** The depth of an expression, without recursion (it is checked before anything recursive walks it). */
function depthOf(e: Expr): number {
  let deepest = 0;
  const stack: [Expr, number][] = [[e, 1]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    if (x.kind === "bin") stack.push([x.left, d + 1], [x.right, d + 1]);
    else if (x.kind === "neg") stack.push([x.arg, d + 1]);
    else if (x.kind === "fn") for (const a of x.args) stack.push([a, d + 1]);
  }
  return deepest;
}

/** The expression a formula's text stands for, or null when it uses what the host does not calculate. */
export function parseFormula(text: string): Expr | null {
  if (text.length > MAX_LENGTH + 1) return null;
  try {
    const e = new Parser(tokenize(text.startsWith("=") ? text.slice(1) : text)).parse();
    return depthOf(e) <= MAX_TREE ? e : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
