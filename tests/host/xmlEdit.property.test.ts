// The patcher's edits of package parts, made through the tokenizer (xmlEdit.ts and the functions built on it),
// against a model of the part: whatever namespace prefix the writer used, either quote, attributes in any order,
// entities in values, and comments or CDATA that hold text looking like the very tags being edited, each edit
// changes exactly what it should and the part reads as the model says.
import fc from "fast-check";
import { Token, XmlReader, setAttribute, startTagsNamed } from "../../src/host/xlsx/xmlReader";
import { applySplices, openForm, qualify, removeAttribute, topLevel } from "../../src/host/xlsx/xmlEdit";
import { remapSheetStyles, usedStyles } from "../../src/host/xlsx/patchStyles";
import { inlineStrings } from "../../src/host/xlsx/patchPackage";
import { filterCalcChain } from "../../src/host/xlsx/patchWorkbook";

interface Style {
  prefix: string;
  quote: '"' | "'";
  /** Sort key per attribute name: attributes written in this order. */
  order: Record<string, number>;
  decoys: boolean;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom("", "x:", "main:"),
  quote: fc.constantFrom('"' as const, "'" as const),
  order: fc.record({ r: fc.nat(9), s: fc.nat(9), t: fc.nat(9), i: fc.nat(9), dxfId: fc.nat(9), type: fc.nat(9), style: fc.nat(9), min: fc.nat(9), max: fc.nat(9), tabSelected: fc.nat(9), workbookViewId: fc.nat(9), spans: fc.nat(9) }),
  decoys: fc.boolean(),
});

function attrEscape(v: string, quote: string): string {
  return v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(quote === '"' ? /"/g : /'/g, quote === '"' ? "&quot;" : "&apos;");
}

function tag(st: Style, local: string, attrs: Record<string, string | undefined>, selfClosing: boolean): string {
  const names = Object.keys(attrs).filter((k) => attrs[k] !== undefined).sort((a, b) => (st.order[a] ?? 5) - (st.order[b] ?? 5) || a.localeCompare(b));
  const written = names.map((k) => ` ${k}=${st.quote}${attrEscape(attrs[k]!, st.quote)}${st.quote}`).join("");
  return `<${st.prefix}${local}${written}${selfClosing ? "/>" : ">"}`;
}

/** Text that looks like the tags being edited, where XML says it is not markup. */
function decoy(st: Style): string {
  return st.decoys ? `<!-- <c r="Z9" s="77" t="s"><v>0</v></c> --><![CDATA[<${st.prefix}c s='88'/><sheetView tabSelected="1">]]>` : "";
}

interface Cell { r: string; s?: number; t?: "s" | "n"; v: number }
interface Row { s?: number; cells: Cell[] }
interface Sheet { cols: number[]; rows: Row[]; dxf: number[]; views: number }

const cellArb = (row: number) => fc.record({ col: fc.integer({ min: 0, max: 25 }), s: fc.option(fc.nat(40), { nil: undefined }), t: fc.option(fc.constantFrom("s" as const, "n" as const), { nil: undefined }), v: fc.nat(30) }).map(
  (c): Cell => ({ r: `${String.fromCharCode(65 + c.col)}${row}`, s: c.s, t: c.t, v: c.v }),
);
const sheetArb: fc.Arbitrary<Sheet> = fc.record({
  cols: fc.array(fc.nat(40), { maxLength: 3 }),
  rows: fc.array(fc.record({ s: fc.option(fc.nat(40), { nil: undefined }), cells: fc.array(cellArb(1), { maxLength: 4 }) }), { maxLength: 5 }),
  dxf: fc.array(fc.nat(9), { maxLength: 3 }),
  views: fc.integer({ min: 1, max: 2 }),
});

function sheetXml(sh: Sheet, st: Style): string {
  const p = st.prefix;
  const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const views = Array.from({ length: sh.views }, (_, i) => tag(st, "sheetView", { workbookViewId: String(i), tabSelected: i === 0 ? "0" : undefined }, true)).join("");
  const cols = sh.cols.map((s, i) => tag(st, "col", { min: String(i + 1), max: String(i + 1), style: String(s) }, true)).join("");
  const rows = sh.rows
    .map((row, i) => {
      const cells = row.cells.map((c) => `${tag(st, "c", { r: c.r, s: c.s === undefined ? undefined : String(c.s), t: c.t }, false)}<${p}v>${c.v}</${p}v></${p}c>`).join("");
      return `${tag(st, "row", { r: String(i + 1), s: row.s === undefined ? undefined : String(row.s), spans: "1:26" }, false)}${cells}</${p}row>`;
    })
    .join("");
  const rules = sh.dxf.map((d, i) => `<${p}conditionalFormatting sqref="A1">${tag(st, "cfRule", { type: "expression", dxfId: String(d), priority: String(i + 1) }, false)}<${p}formula>A1&gt;1</${p}formula></${p}cfRule></${p}conditionalFormatting>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet${ns}><${p}sheetViews>${views}</${p}sheetViews>${decoy(st)}` +
    (cols ? `<${p}cols>${cols}</${p}cols>` : "") + `<${p}sheetData>${rows}</${p}sheetData>${rules}</${p}worksheet>`;
}

/** The part as XML means it: each element's name (local), attributes and text, in order. */
function events(xml: string): string[] {
  const out: string[] = [];
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t === Token.Open) out.push(`<${r.local} ${JSON.stringify(Object.entries(r.attributes()).sort())}`);
    else if (t === Token.Close) out.push(`</${r.local}`);
    else out.push(r.text);
  }
  return out;
}

function modelStyles(sh: Sheet): { xf: number[]; dxf: number[] } {
  const xf = new Set<number>([...sh.cols]);
  for (const row of sh.rows) {
    if (row.s !== undefined) xf.add(row.s);
    for (const c of row.cells) if (c.s !== undefined) xf.add(c.s);
  }
  return { xf: [...xf].sort((a, b) => a - b), dxf: [...new Set(sh.dxf)].sort((a, b) => a - b) };
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe("style indices of a lifted sheet", () => {
  it("are read as the model holds them, whatever the prefix, quotes, order and decoys", () => {
    fc.assert(
      fc.property(sheetArb, styleArb, (sh, st) => {
        const used = usedStyles(sheetXml(sh, st));
        expect({ xf: sorted(used.xf), dxf: sorted(used.dxf) }).toEqual(modelStyles(sh));
      }),
    );
  });

  it("are remapped: the part reads as the model with its indices mapped, nothing else changed", () => {
    fc.assert(
      fc.property(sheetArb, styleArb, fc.integer({ min: 1, max: 50 }), (sh, st, shift) => {
        const maps = { xf: new Map(modelStyles(sh).xf.map((i) => [i, i + shift])), dxf: new Map(modelStyles(sh).dxf.map((i) => [i, i * 2 + shift])) };
        const mapped: Sheet = {
          cols: sh.cols.map((s) => s + shift),
          rows: sh.rows.map((row) => ({ s: row.s === undefined ? undefined : row.s + shift, cells: row.cells.map((c) => ({ ...c, s: c.s === undefined ? undefined : c.s + shift })) })),
          dxf: sh.dxf.map((d) => d * 2 + shift),
          views: sh.views,
        };
        expect(events(remapSheetStyles(sheetXml(sh, st), maps))).toEqual(events(sheetXml(mapped, st)));
      }),
    );
  });
});

describe("shared strings written inline", () => {
  it("turn exactly the t=\"s\" cells into inline strings with their text", () => {
    fc.assert(
      fc.property(sheetArb, styleArb, (sh, st) => {
        const strings = Array.from({ length: 31 }, (_, i) => `<t>s${i} &amp; &lt;${i}&gt;</t>`);
        const out = inlineStrings(sheetXml(sh, st), strings);
        const got: string[] = [];
        const r = new XmlReader(out);
        for (let t = r.next(); t !== Token.End; t = r.next()) {
          if (t !== Token.Open || !r.is("c")) continue;
          const type = r.attr("t") ?? "";
          let text = "";
          for (let u = r.next(); u !== Token.Close || !r.is("c"); u = r.next()) if (u === Token.Text) text += r.text;
          got.push(`${type}:${text}`);
        }
        const want = sh.rows.flatMap((row) => row.cells.map((c) => (c.t === "s" ? `inlineStr:s${c.v} & <${c.v}>` : `${c.t ?? ""}:${c.v}`)));
        expect(got).toEqual(want);
      }),
    );
  });
});

describe("the calculation chain without removed sheets' cells", () => {
  const chainArb = fc.array(fc.record({ i: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), col: fc.integer({ min: 0, max: 9 }) }), { maxLength: 12 });

  it("keeps the other cells, each on the sheet it was on", () => {
    fc.assert(
      fc.property(chainArb, styleArb, fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }), (cells, st, removed) => {
        const p = st.prefix;
        const ns = p ? ` xmlns:${p.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
        const xml = `<?xml version="1.0"?>\n<${p}calcChain${ns}>${decoy(st)}${cells.map((c, k) => tag(st, "c", { r: `${String.fromCharCode(65 + c.col)}${k + 1}`, i: c.i === undefined ? undefined : String(c.i) }, true)).join("")}</${p}calcChain>`;
        let sheet = 0;
        const want = cells.flatMap((c, k) => {
          if (c.i !== undefined) sheet = c.i;
          return removed.includes(sheet) ? [] : [`${String.fromCharCode(65 + c.col)}${k + 1}@${sheet}`];
        });
        const out = filterCalcChain(xml, new Set(removed));
        if (!want.length) return expect(out).toBeNull();
        let current = 0;
        const got = startTagsNamed(out!, "c").map((a) => {
          if (a.i !== undefined) current = Number(a.i);
          return `${a.r}@${current}`;
        });
        expect(got).toEqual(want);
      }),
    );
  });
});

describe("start tags and markup edited in place", () => {
  const value = fc.string({ maxLength: 12 });

  it("setAttribute and removeAttribute change one attribute and keep the others as XML reads them", () => {
    fc.assert(
      fc.property(styleArb, fc.dictionary(fc.constantFrom("a", "b", "x:c", "d"), value), fc.constantFrom("a", "x:c", "e"), value, fc.boolean(), (st, attrs, name, v, selfClosing) => {
        const startTag = tag({ ...st, prefix: "" }, "el", attrs, selfClosing);
        const read = (t: string) => new Map(Object.entries(startTagsNamed(`${openForm(t)}</el>`, "el")[0]).filter(([k]) => k !== "xmlns:x"));
        const set = setAttribute(startTag, name, v);
        const expected = read(startTag);
        expected.set(name, v);
        expect(read(set)).toEqual(expected);
        const removed = removeAttribute(startTag, name);
        expect([...read(removed).keys()].sort()).toEqual([...read(startTag).keys()].filter((k) => k !== name).sort());
      }),
    );
  });

  it("qualify puts every unprefixed element of our markup into the part's prefix, attributes untouched", () => {
    fc.assert(
      fc.property(sheetArb, (sh) => {
        const ours = sheetXml(sh, { prefix: "", quote: '"', order: {}, decoys: true }).replace(/^<\?xml[^>]*>\n/, "");
        const q = qualify(ours, "x");
        const names: string[] = [];
        const r = new XmlReader(q);
        for (let t = r.next(); t !== Token.End; t = r.next()) if (t === Token.Open) names.push(r.name);
        expect(names.every((n) => n.startsWith("x:"))).toBe(true);
        expect(events(q)).toEqual(events(ours));
      }),
    );
  });

  it("topLevel and applySplices find a root's children past comments, CDATA and prefixed names", () => {
    fc.assert(
      fc.property(sheetArb, styleArb, (sh, st) => {
        const xml = sheetXml(sh, st);
        const { root, children } = topLevel(xml);
        expect(root.local).toBe("worksheet");
        expect(children.map((c) => c.local)).toEqual(["sheetViews", ...(sh.cols.length ? ["cols"] : []), "sheetData", ...sh.dxf.map(() => "conditionalFormatting")]);
        const data = children.find((c) => c.local === "sheetData")!;
        const cut = applySplices(xml, [{ start: data.start, end: data.end, text: "" }, { start: data.start, end: data.start, text: `<${st.prefix}sheetData/>` }]);
        expect(topLevel(cut).children.find((c) => c.local === "sheetData")!.innerEnd).toBe(-1);
      }),
    );
  });
});
