// src/core/formula: what the live scorecard writes is read back as written (sheet names of any spelling),
// and calculated as Excel calculates it for the functions the scorecard uses.
import fc from "fast-check";
import { bin, cellRef, evaluateFormula, fn, num, parseFormula, printFormula, rangeRef, type CellSource, type Expr, type Scalar } from "../../src/core/formula";
import { validSheetName } from "../../src/core/settings";
import { isLiveFormulaText } from "../../src/core/scorecard";

function cells(values: Record<string, Record<string, Scalar>>): CellSource {
  return {
    hasSheet: (s) => s in values,
    cell: (s, r, c) => values[s]?.[`${String.fromCharCode(65 + c)}${r + 1}`] ?? null,
  };
}

const calc = (text: string, src: CellSource = cells({ S: {} })) => evaluateFormula(parseFormula(text)!, src, "S");

describe("formula text", () => {
  test("sheet names are quoted, an apostrophe doubled, and read back as they were", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31, unit: fc.constantFrom("a", "B", "1", " ", "'", "-", "&", "!", "ü", "指", ".", "(", "=", "\"") }).filter(validSheetName),
        fc.nat(1000),
        fc.nat(200),
        (name, row, col) => {
          const text = printFormula(cellRef(name, row, col));
          const back = parseFormula(text);
          expect(back).toEqual({ kind: "ref", sheet: name, rect: { row, col, rowCount: 1, colCount: 1 } });
          expect(isLiveFormulaText(text)).toBe(true);
        },
      ),
    );
  });

  test("a formula printed and parsed prints the same, and gives the same value", () => {
    const leaf: fc.Arbitrary<Expr> = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(num),
      fc.constantFrom(cellRef("S", 0, 0), cellRef("S", 1, 1), cellRef("It's", 2, 0)),
    );
    const expr = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.tuple(fc.constantFrom("+", "-", "*", "/", "<", "<=", "=", ">", ">=", "<>") as fc.Arbitrary<"+">, tie("e"), tie("e")).map(([op, l, r]) => bin(op, l, r)),
        fc.tuple(tie("e"), tie("e"), tie("e")).map(([a, b, c]) => fn("IF", a, b, c)),
        fc.tuple(tie("e"), tie("e")).map(([a, b]) => fn("MAX", a, b)),
        tie("e").map((a) => fn("ABS", a)),
        tie("e").map((a) => ({ kind: "neg", arg: a }) as Expr),
      ),
    })).e;
    const src = cells({ S: { A1: 0.39, B2: -3 }, "It's": { A3: 12 } });
    fc.assert(
      fc.property(expr, (e) => {
        const text = printFormula(e);
        const back = parseFormula(text)!;
        expect(printFormula(back)).toBe(text);
        expect(evaluateFormula(back, src, "S")).toEqual(evaluateFormula(e, src, "S"));
      }),
    );
  });

  test("text, booleans and error constants are never written; volatile and unknown functions are not live", () => {
    expect(() => printFormula({ kind: "str", value: "x" })).toThrow(/no text/);
    expect(isLiveFormulaText('IF(A1>0,"Green","Red")')).toBe(false);
    expect(isLiveFormulaText("'S'!$A$1+TODAY()")).toBe(false);
    expect(isLiveFormulaText("OFFSET('S'!$A$1,1,1)")).toBe(false);
    expect(isLiveFormulaText("INDIRECT('S'!$A$1)")).toBe(false);
    expect(isLiveFormulaText("'S'!$A$1=TRUE")).toBe(false);
    expect(isLiveFormulaText("HYPERLINK('S'!$A$1)")).toBe(false);
    expect(isLiveFormulaText("$A$1+B2")).toBe(true);
    expect(isLiveFormulaText("'S'!$A$1&\"x\"")).toBe(false);
    expect(isLiveFormulaText("IF(ISNUMBER('S'!$A$1),'S'!$A$1,T('S'!$A$1))")).toBe(true);
  });
});

describe("formula text from any file (the host parses what a workbook holds)", () => {
  // Tokens of formula text, valid or not: the parser sees whatever a file or a user wrote.
  const piece = fc.oneof(
    fc.constantFrom("A1", "$B$2", "C3:D4", "A:A", "S!A1", "'It''s'!B2", "'S'!A1:A3", "Z9", "XFD1", "A0", "AAAA1", "A1048577"),
    fc.constantFrom("IF(", "MAX(", "COUNTIFS(", "INDEX(", "SUM(", "TODAY(", "_xlfn.X(", "(", ")", ",", ":", "!", "'"),
    fc.constantFrom("+", "-", "*", "/", "^", "&", "=", "<>", "<=", ">=", "<", ">", "%", " "),
    fc.constantFrom('"x"', '""', '"a""b"', '"', "TRUE", "false", "#N/A", "#DIV/0!", "#REF!", "{1,2}", "T[[a]]", "Name", "1e999", ".5", "1E+3"),
    fc.double({ min: 0, max: 1e9, noNaN: true }).map(String),
    fc.string({ maxLength: 3 }),
  );
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
  // Well-formed formula text, spaced and cased as people write it: the host must read every one.
  const operand = fc.oneof(
    fc.constantFrom("A1", "$B$2", "c3:D4", "A:A", "S!A1", "'It''s'!B2", "'S'!$A$1:A3", "Z9", "XFD1048576"),
    fc.constantFrom('"x"', '""', '"a""b"', "TRUE", "false", "#N/A", "#DIV/0!"),
    fc.double({ min: 0, max: 1e9, noNaN: true }).map(String),
  );
  const sp = fc.constantFrom("", "", " ", "  ");
  const wellFormed = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small" },
      operand,
      fc.tuple(tie("e"), sp, fc.constantFrom("+", "-", "*", "/", "^", "&", "=", "<>", "<=", ">=", "<", ">"), sp, tie("e")).map((x) => x.join("")),
      tie("e").map((x) => `(${x})`),
      tie("e").map((x) => `-${x}`),
      fc.tuple(fc.constantFrom("IF", "max", "COUNTIFS", "INDEX", "SUM", "_xlfn.IFS", "AND"), fc.array(tie("e"), { maxLength: 4 })).map(([f, a]) => `${f}(${a.join(",")})`),
    ),
  })).e;
  const source = cells({ S: { A1: 0.39, A2: "n/a", B2: -3, C3: true, D4: { error: "#N/A" } }, "It's": { B2: 12 } });

  function writable(e: Expr): boolean {
    switch (e.kind) {
      case "str":
      case "bool":
      case "err":
        return false;
      case "fn":
        return e.args.every(writable);
      case "neg":
        return writable(e.arg);
      case "bin":
        return writable(e.left) && writable(e.right);
      default:
        return true;
    }
  }

  test("parsing never throws: a formula is read, or null (the host keeps the cell's value); what is read calculates and prints back the same", () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 60 }), fc.string({ maxLength: 30, unit: "grapheme" })), (t) => {
        const e = parseFormula(t);
        if (e === null) return;
        read++;
        expect(() => evaluateFormula(e, source, "S")).not.toThrow();
        if (!writable(e)) return;
        const printed = printFormula(e);
        expect(parseFormula(printed)).toEqual(e);
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: some of the texts are formulas the host reads.
    expect(read).toBeGreaterThan(20);
  });

  test("every well-formed formula is read; it calculates without throwing, and what may be written prints back the same", () => {
    fc.assert(
      fc.property(wellFormed, (t) => {
        const e = parseFormula(`=${t}`);
        expect([t, e === null]).toEqual([t, false]);
        expect(() => evaluateFormula(e!, source, "S")).not.toThrow();
        if (writable(e!)) expect(parseFormula(printFormula(e!))).toEqual(e);
      }),
      { numRuns: 500 },
    );
  });

  test("nesting and length past Excel's limits: null, never a stack overflow", () => {
    for (const n of [300, 5_000, 100_000]) {
      expect(parseFormula("(".repeat(n) + "1" + ")".repeat(n))).toBeNull();
      expect(parseFormula("ABS(".repeat(n) + "1" + ")".repeat(n))).toBeNull();
      expect(parseFormula("-".repeat(n) + "1")).toBeNull();
    }
    // A long chain is deep on one side: within Excel's 8,192 characters it is read only as deep as is safe to walk.
    expect(parseFormula("1+".repeat(4000) + "1")).toBeNull();
    expect(calc("1+".repeat(500) + "1")).toBe(501);
    expect(parseFormula("(".repeat(60) + "S!A1" + ")".repeat(60))).not.toBeNull();
    expect(parseFormula("1e999")).toBeNull();
  });
});

describe("calculation, as Excel does it", () => {
  const src = cells({ S: { A1: 0.39, A2: "n/a", A3: 7, B1: 0.4, C1: true, D1: { error: "#N/A" } } });

  test("an empty cell is 0 in arithmetic and in a formula that only points at it; ISNUMBER is false for it", () => {
    expect(calc("S!Z9", src)).toBe(0);
    expect(calc("S!Z9+1", src)).toBe(1);
    expect(calc("ISNUMBER(S!Z9)", src)).toBe(false);
    expect(calc("T(S!Z9)", src)).toBe("");
    expect(calc("LEN(S!Z9)", src)).toBe(0);
  });

  test("IF and CHOOSE take only their branch; T keeps text; INDEX counts along a row", () => {
    expect(calc("IF(ISNUMBER(S!A2),S!A2,T(S!A2))", src)).toBe("n/a");
    expect(calc("IF(1,7,1/0)", src)).toBe(7);
    expect(calc("CHOOSE(2,1/0,S!A3)", src)).toBe(7);
    expect(calc("CHOOSE(3,1,2)", src)).toEqual({ error: "#VALUE!" });
    expect(calc("INDEX(S!A1:B1,2)", src)).toBe(0.4);
    expect(calc("INDEX(S!A1:A3,3)", src)).toBe(7);
  });

  test("AND and MAX skip text in references; a condition times an index is the index", () => {
    expect(calc("AND(S!A1:A3)", src)).toBe(true);
    expect(calc("MAX(S!A1:A3)", src)).toBe(7);
    expect(calc("MAX(ISNUMBER(S!A1)*1,ISNUMBER(S!A2)*2,AND(ISNUMBER(S!A3),1<=2)*3)", src)).toBe(3);
    expect(calc("MAX()", src)).toBe(0);
  });

  test("COUNTIFS counts rows where every criterion holds; errors pass through arithmetic", () => {
    const grid = cells({ S: { A1: 1, A2: 2, A3: 1, B1: 3, B2: 3, B3: 4 } });
    expect(calc("COUNTIFS(S!A1:A3,1)", grid)).toBe(2);
    expect(calc("COUNTIFS(S!A1:A3,1,S!B1:B3,3)", grid)).toBe(1);
    expect(calc("COUNTIFS(S!A1:A3,1,S!B1:B2,3)", grid)).toEqual({ error: "#VALUE!" });
    const words = cells({ S: { A1: "Green", A2: "grey", A3: "Red*", A4: 5 } });
    expect(calc('COUNTIFS(S!A1:A4,"Gr*")', words)).toBe(2);
    expect(calc('COUNTIFS(S!A1:A4,"Red~*")', words)).toBe(1);
    expect(calc('COUNTIFS(S!A1:A4,">4")', words)).toBe(1);
    expect(calc('COUNTIFS(S!A1:A5,"")', words)).toBe(1);
    expect(calc("S!D1+1", src)).toEqual({ error: "#N/A" });
    expect(calc("IFERROR(S!D1,5)", src)).toBe(5);
    expect(calc("X!A1", src)).toEqual({ error: "#REF!" });
  });

  test("comparisons order numbers before text before booleans, text case-blind; & joins text", () => {
    expect(calc("S!A2>1000", src)).toBe(true);
    expect(calc("S!C1>S!A2", src)).toBe(true);
    expect(calc("S!A2=S!A2", src)).toBe(true);
    expect(calc("S!A1<=S!B1", src)).toBe(true);
    expect(calc("S!A2&CHAR(10)&S!A3", src)).toBe("n/a\n7");
  });

  test("names, structured references and array constants are not calculated (the host leaves such cells as they are)", () => {
    expect(parseFormula("SUM(Sales)")).toBeNull();
    expect(parseFormula("SUM(Table1[Amount])")).toBeNull();
    expect(parseFormula("SUM({1,2})")).toBeNull();
    expect(parseFormula("SUM(A:A)")).not.toBeNull();
    expect(evaluateFormula(fn("SUM", rangeRef("S", { row: 0, col: 0, rowCount: 3, colCount: 1 })), src, "S")).toBeCloseTo(7.39);
  });
});
