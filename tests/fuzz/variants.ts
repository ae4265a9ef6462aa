// Damaged and extreme variants of real workbooks, from a seed: the same seed gives the same files.
// Each kind says what it does to the file; `planVariants` decides which kinds run on which fixture,
// `buildVariant` makes the bytes. Extreme-but-valid kinds (a far cell, whole-column validation,
// 1,000 sheets...) run once per seed; damage kinds fill the rest at random.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "./rng";
import { spaceBomb } from "./bomb";
import { partsToZip, readParts, writeZip, type ZipPart } from "./zipWriter";

export const FUZZ_FIXTURES = [
  "tests/fixtures/seed000-typed.xlsx",
  "tests/fixtures/seed002-sefton-typed.xlsx",
  "tests/fixtures/seed004-with-rag.xlsx",
  "tests/fixtures/layout-variants.xlsx",
  "tests/fixtures/bad-input.xlsx",
  "assets/samples/send-board-kpis.xlsx",
];

const ROOT = join(__dirname, "..", "..");

type Parts = Map<string, string | Uint8Array>;

interface Kind {
  /** What the variant is, for the report and the saved file's name. */
  name: string;
  make(parts: Parts, rng: Rng, original: Uint8Array): Uint8Array;
}

export interface VariantPlan {
  index: number;
  kind: string;
  fixture: string;
  /** The variant's own seed, so one variant can be rebuilt alone. */
  seed: number;
}

// ---------------------------------------------------------------- helpers over parts

function text(parts: Parts, name: string): string {
  const v = parts.get(name);
  if (typeof v !== "string") throw new Error(`no text part ${name}`);
  return v;
}

function sheetNames(parts: Parts): string[] {
  return [...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort();
}

function firstSheet(parts: Parts): string {
  return sheetNames(parts)[0];
}

/** Sheet-level elements in the order the schema wants them after sheetData. */
const AFTER_DATA = ["sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Put an element where the schema wants it, replacing one of the same kind. */
function placeElement(xml: string, name: string, element: string): string {
  const existing = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
  if (existing.test(xml)) return xml.replace(existing, () => element);
  const later = AFTER_DATA.slice(AFTER_DATA.indexOf(name) + 1);
  let at = xml.indexOf("</worksheet>");
  for (const l of later) {
    const i = xml.indexOf(`<${l}`);
    if (i >= 0 && i < at) at = i;
  }
  return xml.slice(0, at) + element + xml.slice(at);
}

function appendRows(xml: string, rows: string): string {
  if (/<sheetData\s*\/>/.test(xml)) return xml.replace(/<sheetData\s*\/>/, () => `<sheetData>${rows}</sheetData>`);
  return xml.replace("</sheetData>", () => `${rows}</sheetData>`);
}

function lastRow(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function colLetters(n: number): string {
  let s = "";
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function pickXmlPart(parts: Parts, rng: Rng): string {
  return rng.pick([...parts.keys()].filter((n) => typeof parts.get(n) === "string").sort());
}

function zipOf(parts: Parts, extra: ZipPart[] = []): Uint8Array {
  return partsToZip(parts, extra);
}

// ---------------------------------------------------------------- damage

const damage: Kind[] = [
  {
    name: "truncated",
    make: (_p, rng, original) => original.slice(0, 1 + rng.int(original.length - 1)),
  },
  {
    name: "flipped-bytes",
    make: (_p, rng, original) => {
      const out = original.slice();
      const n = 1 + rng.int(6);
      for (let i = 0; i < n; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
      return out;
    },
  },
  {
    name: "corrupt-xml",
    make: (parts, rng) => {
      const name = pickXmlPart(parts, rng);
      const xml = text(parts, name);
      const at = rng.int(xml.length);
      const edits = [
        () => xml.slice(0, at),
        () => xml.slice(0, at) + xml.slice(Math.min(xml.length, at + 1 + rng.int(200))),
        () => `${xml.slice(0, at)}<junk attr="${xml.slice(0, at)}`,
        () => xml.slice(0, at) + xml.slice(at).replace(">", " "),
        () => xml.slice(0, at) + xml.slice(at).replace(/<\/(\w+)>/, "</$1x>"),
        () => xml.slice(0, at) + "\u0000\uFFFF&bogus;" + xml.slice(at),
      ];
      parts.set(name, rng.pick(edits)());
      return zipOf(parts);
    },
  },
  {
    name: "wrong-cell-type",
    make: (parts, rng) => {
      const name = rng.pick(sheetNames(parts));
      let xml = text(parts, name);
      const cells = [...xml.matchAll(/<c\b[^>]*>/g)];
      for (let i = 0; i < 1 + rng.int(4) && cells.length; i++) {
        const m = rng.pick(cells);
        const tag = m[0].includes(" t=") ? m[0].replace(/ t="[^"]*"/, ` t="${rng.pick(["b", "n", "e", "d", "str", "s", "zz"])}"`) : m[0].replace("<c ", `<c t="${rng.pick(["b", "s", "d", "e"])}" `);
        xml = xml.replace(m[0], () => tag);
      }
      if (rng.next() < 0.5) xml = xml.replace(/<v>[^<]*<\/v>/, () => `<v>${rng.pick(["abc", "1e999", "NaN", "-Infinity", "", "12,5", "0x1F"])}</v>`);
      parts.set(name, xml);
      return zipOf(parts);
    },
  },
  {
    name: "shared-string-out-of-range",
    make: (parts, rng) => {
      const name = rng.pick(sheetNames(parts));
      parts.set(name, text(parts, name).replace(/(t="s"[^>]*><v>)\d+(<\/v>)/, (_m, a: string, b: string) => `${a}${rng.pick([999999, -1, 1.5, 4294967296])}${b}`));
      return zipOf(parts);
    },
  },
  {
    name: "missing-relationship",
    make: (parts, rng) => {
      const name = rng.pick([...parts.keys()].filter((n) => n.endsWith(".rels")).sort());
      const xml = text(parts, name);
      const rels = [...xml.matchAll(/<Relationship\b[^>]*\/>/g)];
      if (rels.length) parts.set(name, xml.replace(rng.pick(rels)[0], ""));
      return zipOf(parts);
    },
  },
  {
    name: "missing-part",
    make: (parts, rng) => {
      parts.delete(rng.pick([...parts.keys()].sort()));
      return zipOf(parts);
    },
  },
  {
    name: "missing-styles",
    make: (parts) => {
      parts.delete("xl/styles.xml");
      return zipOf(parts);
    },
  },
  {
    name: "duplicate-sheet",
    make: (parts, rng) => {
      const xml = text(parts, "xl/workbook.xml");
      const sheets = [...xml.matchAll(/<sheet\b[^>]*\/>/g)];
      const s = rng.pick(sheets)[0];
      const copy = rng.next() < 0.5 ? s : s.replace(/sheetId="\d+"/, 'sheetId="999"');
      parts.set("xl/workbook.xml", xml.replace(s, () => s + copy));
      return zipOf(parts);
    },
  },
  {
    name: "huge-row-number",
    make: (parts, rng) => {
      const name = rng.pick(sheetNames(parts));
      const big = rng.pick([1048577, 2000000, 99999999999]);
      parts.set(name, appendRows(text(parts, name), `<row r="${big}"><c r="A${big}"><v>1</v></c></row>`));
      return zipOf(parts);
    },
  },
  {
    name: "bad-cell-reference",
    make: (parts, rng) => {
      const name = rng.pick(sheetNames(parts));
      parts.set(name, text(parts, name).replace(/<c r="[A-Z]+\d+"/, () => `<c r="${rng.pick(["A0", "XFE1", "1A", "AAAA1", "", "A-1"])}"`));
      return zipOf(parts);
    },
  },
  {
    name: "bad-style-index",
    make: (parts, rng) => {
      const name = rng.pick(sheetNames(parts));
      parts.set(name, text(parts, name).replace(/<c r="([A-Z]+\d+)"/, (_m, r: string) => `<c r="${r}" s="${rng.pick(["99999", "-1", "x"])}"`));
      return zipOf(parts);
    },
  },
  {
    name: "checksum-mismatch",
    make: (parts, rng) => {
      const victim = rng.pick(sheetNames(parts));
      return writeZip([...parts].map(([name, data]) => ({ name, data, lieAboutCrc: name === victim })));
    },
  },
  {
    name: "size-mismatch",
    make: (parts, rng) => {
      const victim = pickXmlPart(parts, rng);
      const size = text(parts, victim).length;
      return writeZip([...parts].map(([name, data]) => ({ name, data, lieAboutSize: name === victim ? Math.max(0, size - 1 - rng.int(size)) : undefined })));
    },
  },
];

// ---------------------------------------------------------------- extreme but valid (or limits)

function withSheet(parts: Parts, edit: (xml: string) => string): Uint8Array {
  const name = firstSheet(parts);
  parts.set(name, edit(text(parts, name)));
  return zipOf(parts);
}

/** Add a cell format (numFmtId) to the style sheet; returns its index. */
function addCellFormat(parts: Parts, numFmtId: number): number {
  const xml = text(parts, "xl/styles.xml");
  const m = /<cellXfs count="(\d+)">/.exec(xml);
  if (!m) throw new Error("no cellXfs");
  const index = Number(m[1]);
  parts.set("xl/styles.xml", xml.replace(m[0], `<cellXfs count="${index + 1}">`).replace("</cellXfs>", `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`));
  return index;
}

const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"];

const extreme: Kind[] = [
  { name: "far-cell", make: (parts) => withSheet(parts, (x) => appendRows(x, `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`)) },
  {
    name: "merges-10000",
    make: (parts) =>
      withSheet(parts, (x) => {
        const start = lastRow(x) + 2;
        const merges = Array.from({ length: 10000 }, (_, i) => `<mergeCell ref="A${start + i}:C${start + i}"/>`).join("");
        const rows = Array.from({ length: 10000 }, (_, i) => `<row r="${start + i}"><c r="A${start + i}"><v>${i}</v></c></row>`).join("");
        return placeElement(appendRows(x, rows), "mergeCells", `<mergeCells count="10000">${merges}</mergeCells>`);
      }),
  },
  {
    name: "columns-16384",
    make: (parts) =>
      withSheet(parts, (x) => {
        const r = lastRow(x) + 2;
        return appendRows(x, `<row r="${r}">${Array.from({ length: 16384 }, (_, c) => `<c r="${colLetters(c)}${r}"><v>${c}</v></c>`).join("")}</row>`);
      }),
  },
  {
    name: "sheets-1000",
    make: (parts) => {
      const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Notes</t></is></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>`;
      let wb = text(parts, "xl/workbook.xml");
      let rels = text(parts, "xl/_rels/workbook.xml.rels");
      let types = text(parts, "[Content_Types].xml");
      const entries: string[] = [];
      for (let i = 0; i < 1000; i++) {
        parts.set(`xl/worksheets/extra${i}.xml`, sheet);
        entries.push(`<sheet name="Extra ${i}" sheetId="${2000 + i}" r:id="rIdX${i}"/>`);
        rels = rels.replace("</Relationships>", `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/extra${i}.xml"/></Relationships>`);
        types = types.replace("</Types>", `<Override PartName="/xl/worksheets/extra${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
      }
      wb = wb.replace("</sheets>", () => `${entries.join("")}</sheets>`);
      parts.set("xl/workbook.xml", wb);
      parts.set("xl/_rels/workbook.xml.rels", rels);
      parts.set("[Content_Types].xml", types);
      return zipOf(parts);
    },
  },
  {
    name: "long-cells",
    make: (parts, rng) =>
      withSheet(parts, (x) => {
        const r = lastRow(x) + 2;
        const long = Array.from({ length: 32767 }, () => "abcdefghij KPI "[rng.int(15)]).join("");
        return appendRows(x, `<row r="${r}">${["A", "B", "C"].map((c) => `<c r="${c}${r}" t="inlineStr"><is><t>${long}</t></is></c>`).join("")}</row>`);
      }),
  },
  {
    name: "rich-text-everywhere",
    make: (parts) => {
      const sst = parts.get("xl/sharedStrings.xml");
      if (typeof sst === "string") {
        parts.set("xl/sharedStrings.xml", sst.replace(/<si><t(?: [^>]*)?>([^<]*)<\/t><\/si>/g, (_m, t: string) => {
          // Split between characters, never inside an entity ("&amp;"), so the runs stay well-formed XML.
          let half = Math.floor(t.length / 2);
          const amp = t.lastIndexOf("&", half - 1);
          if (amp >= 0 && t.indexOf(";", amp) >= half) half = amp;
          return `<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${t.slice(0, half)}</t></r><r><rPr><i/></rPr><t xml:space="preserve">${t.slice(half)}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>`;
        }));
      }
      return zipOf(parts);
    },
  },
  {
    name: "every-error-value",
    make: (parts) =>
      withSheet(parts, (x) => {
        const r = lastRow(x) + 2;
        return appendRows(x, `<row r="${r}">${ERROR_VALUES.map((e, i) => `<c r="${colLetters(i)}${r}" t="e"><v>${escapeXml(e)}</v></c>`).join("")}</row><row r="${r + 1}">${ERROR_VALUES.map((e, i) => `<c r="${colLetters(i)}${r + 1}" t="e"><f>1/0</f><v>${escapeXml(e)}</v></c>`).join("")}</row>`);
      }),
  },
  {
    name: "dates-before-1900",
    make: (parts) => {
      const s = addCellFormat(parts, 14);
      return withSheet(parts, (x) => {
        const r = lastRow(x) + 2;
        return appendRows(x, `<row r="${r}"><c r="A${r}" t="d"><v>1899-06-30</v></c><c r="B${r}" s="${s}"><v>-1</v></c><c r="C${r}" s="${s}"><v>0</v></c><c r="D${r}" s="${s}"><v>60</v></c><c r="E${r}" t="d"><v>1066-10-14T09:00:00</v></c></row>`);
      });
    },
  },
  {
    name: "date-1904",
    make: (parts) => {
      const wb = text(parts, "xl/workbook.xml");
      parts.set("xl/workbook.xml", /<workbookPr\b/.test(wb) ? wb.replace(/<workbookPr\b/, '<workbookPr date1904="1"') : wb.replace(/(<workbook\b[^>]*>)/, '$1<workbookPr date1904="1"/>'));
      return zipOf(parts);
    },
  },
  {
    name: "formulas-without-values",
    make: (parts) => {
      for (const name of sheetNames(parts)) {
        const xml = text(parts, name).replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, "$1");
        const r = lastRow(xml) + 2;
        parts.set(name, appendRows(xml, `<row r="${r}"><c r="A${r}"><f>SUM(B1:B3)</f></c><c r="B${r}" t="str"><f>A1&amp;"x"</f></c><c r="C${r}"><f t="shared" ref="C${r}:C${r + 2}" si="0">A${r}*2</f></c></row><row r="${r + 1}"><c r="C${r + 1}"><f t="shared" si="0"/></c></row>`));
      }
      return zipOf(parts);
    },
  },
  {
    name: "cyclic-defined-names",
    make: (parts) => {
      const wb = text(parts, "xl/workbook.xml");
      const names = `<definedName name="Alpha">Beta+1</definedName><definedName name="Beta">Alpha*2</definedName><definedName name="Gamma">Gamma</definedName><definedName name="Whole">'Sheet1'!$A:$XFD</definedName>`;
      parts.set("xl/workbook.xml", wb.includes("<definedNames>") ? wb.replace("<definedNames>", `<definedNames>${names}`) : wb.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`));
      return zipOf(parts);
    },
  },
  {
    name: "whole-column-validation",
    make: (parts) => withSheet(parts, (x) => placeElement(x, "dataValidations", `<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:J1048576"><formula1>"Red,Amber,Green"</formula1></dataValidation><dataValidation type="whole" operator="greaterThan" sqref="B:B"><formula1>0</formula1></dataValidation></dataValidations>`)),
  },
  { name: "whole-sheet-merge", make: (parts) => withSheet(parts, (x) => placeElement(x, "mergeCells", `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`)) },
  { name: "whole-sheet-hyperlink", make: (parts) => withSheet(parts, (x) => placeElement(x, "hyperlinks", `<hyperlinks><hyperlink ref="A1:XFD1048576" location="A1" display="here"/></hyperlinks>`)) },
  { name: "whole-sheet-conditional-format", make: (parts) => withSheet(parts, (x) => placeElement(x, "conditionalFormatting", `<conditionalFormatting sqref="A:XFD"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`)) },
  {
    name: "wide-columns",
    make: (parts) => withSheet(parts, (x) => {
      const cols = `<cols><col min="1" max="16384" width="12.5" customWidth="1"/><col min="20" max="99999999" hidden="1"/></cols>`;
      return /<cols>[\s\S]*?<\/cols>/.test(x) ? x.replace(/<cols>[\s\S]*?<\/cols>/, cols) : x.replace(/<sheetData/, `${cols}<sheetData`);
    }),
  },
  {
    name: "unused-huge-part",
    make: (parts) => zipOf(parts, [{ name: "xl/unused/blob.bin", deflated: spaceBomb("", 1024, "") }]),
  },
  {
    name: "huge-sheet-part",
    make: (parts) => {
      const name = firstSheet(parts);
      parts.delete(name);
      return zipOf(parts, [{ name, deflated: spaceBomb(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`, 1024, "</sheetData></worksheet>") }]);
    },
  },
  {
    name: "lying-bomb",
    make: (parts) => {
      const name = firstSheet(parts);
      parts.delete(name);
      const bomb = spaceBomb(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`, 1024, "</sheetData></worksheet>");
      return writeZip([...[...parts].map(([n, data]) => ({ name: n, data })), { name, deflated: { ...bomb, size: 100_000 } }]);
    },
  },
  {
    name: "sheet-part-50mb",
    make: (parts) =>
      withSheet(parts, (x) => {
        const start = lastRow(x) + 2;
        const rows: string[] = [];
        let size = 0;
        for (let r = start; size < 50 * 1024 * 1024; r++) {
          const row = `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r * 1.5}</v></c><c r="C${r}"><v>${r % 97}</v></c><c r="D${r}"><v>${r * 3}</v></c><c r="E${r}"><v>0.${r}</v></c></row>`;
          rows.push(row);
          size += row.length;
        }
        return appendRows(x, rows.join(""));
      }),
  },
  {
    name: "renamed-sheet-parts",
    make: (parts) => {
      const renames = new Map(sheetNames(parts).map((n, i) => [n, `xl/data/kpi-page-${String.fromCharCode(97 + i)}.xml`]));
      const out: Parts = new Map();
      for (const [name, data] of parts) {
        let newName = renames.get(name) ?? name;
        const relsOf = /^xl\/worksheets\/_rels\/(.+)\.rels$/.exec(name);
        if (relsOf) newName = `xl/data/_rels/${renames.get(`xl/worksheets/${relsOf[1]}`)!.slice("xl/data/".length)}.rels`;
        out.set(newName, data);
      }
      let rels = text(out, "xl/_rels/workbook.xml.rels");
      let types = text(out, "[Content_Types].xml");
      for (const [from, to] of renames) {
        rels = rels.replace(`Target="${from.slice(3)}"`, `Target="${to.slice(3)}"`).replace(`Target="/${from}"`, `Target="/${to}"`);
        types = types.replace(`PartName="/${from}"`, `PartName="/${to}"`);
      }
      out.set("xl/_rels/workbook.xml.rels", rels);
      out.set("[Content_Types].xml", types);
      return zipOf(out);
    },
  },
];

/** Where a 32,767-character unbroken text (Excel's longest cell, no space to wrap at) is put. */
export const UNBROKEN_SLOTS = ["measure", "heading", "notes", "ref", "title", "every-text", "sheet-name"] as const;
type Slot = (typeof UNBROKEN_SLOTS)[number];

/** Excel's longest cell text, with nowhere to break a line: a wrapping or matching pass that is not linear shows. */
function unbrokenText(rng: Rng): string {
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789%";
  const unit = Array.from({ length: 64 }, () => letters[rng.int(letters.length)]).join("");
  return unit.repeat(Math.ceil(32767 / unit.length)).slice(0, 32767);
}

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
}

/**
 * A small KPI table added under the first sheet's data, the long text in one slot of it: a red KPI, so its
 * measure stands in the scorecard's exceptions on page 1 as well as in the register.
 */
function unbrokenTable(parts: Parts, slot: Slot, long: string): Uint8Array {
  return withSheet(parts, (x) => {
    const r = lastRow(x) + 3;
    const say = (s: Slot, text: string) => (slot === s ? long : text);
    const rows = [
      `<row r="${r}">${inline(`A${r}`, say("title", "Waiting times"))}</row>`,
      `<row r="${r + 1}">${["Ref", "Measure", "Target", "Latest", "Notes"].map((h, i) => inline(`${colLetters(i)}${r + 1}`, i === 1 ? say("heading", h) : h)).join("")}</row>`,
      ...[0, 1, 2].map((k) => {
        const row = r + 2 + k;
        return `<row r="${row}">${inline(`A${row}`, k === 0 ? say("ref", `W${k + 1}`) : `W${k + 1}`)}${inline(`B${row}`, k === 0 ? say("measure", "% of plans issued within 20 weeks") : `% of reviews held on time (${k})`)}<c r="C${row}"><v>0.9</v></c><c r="D${row}"><v>${0.1 + k * 0.4}</v></c>${inline(`E${row}`, k === 0 ? say("notes", "Behind plan") : "On plan")}</row>`;
      }),
    ];
    return appendRows(x, rows.join(""));
  });
}

function unbrokenKind(slot: Slot): Kind {
  return {
    name: `unbroken-${slot}`,
    make(parts, rng) {
      const long = unbrokenText(rng);
      if (slot === "every-text") {
        const sst = parts.get("xl/sharedStrings.xml");
        if (typeof sst === "string") parts.set("xl/sharedStrings.xml", sst.replace(/(<t(?:\s[^>]*)?>)[^<]*(<\/t>)/g, (_m, open: string, close: string) => `${open}${escapeXml(unbrokenText(rng))}${close}`));
        for (const name of sheetNames(parts)) parts.set(name, text(parts, name).replace(/(<is><t(?:\s[^>]*)?>)[^<]*(<\/t>)/g, (_m, open: string, close: string) => `${open}${escapeXml(unbrokenText(rng))}${close}`));
        return zipOf(parts);
      }
      if (slot === "sheet-name") {
        // Longer than Excel allows a sheet name (31): read or refused in words, never a fault of ours.
        const wb = text(parts, "xl/workbook.xml");
        parts.set("xl/workbook.xml", wb.replace(/(<sheet\b[^>]*?\bname=")[^"]*(")/, (_m, open: string, close: string) => `${open}${long}${close}`));
        return unbrokenTable(parts, "measure", long);
      }
      return unbrokenTable(parts, slot, long);
    },
  };
}

/** Kinds that also go through `pack` (LibreOffice prints the scorecard): the long-text slots. */
export const PACKED_KINDS: ReadonlySet<string> = new Set(UNBROKEN_SLOTS.map((s) => `unbroken-${s}`));

export const KINDS: Kind[] = [...damage, ...extreme, ...UNBROKEN_SLOTS.map(unbrokenKind)];

/** Which variants a seed makes: every extreme kind once, damage kinds at random up to `count`, then each long-text slot. */
export function planVariants(seed: number, count: number): VariantPlan[] {
  const rng = new Rng(seed);
  const plans: VariantPlan[] = [];
  const add = (kind: string) => plans.push({ index: plans.length, kind, fixture: rng.pick(FUZZ_FIXTURES), seed: rng.int(2 ** 31) });
  for (const k of extreme) add(k.name);
  while (plans.length < count) add(rng.pick(damage).name);
  // Last, so a seed's earlier variants stay what they were before these kinds came.
  for (const slot of UNBROKEN_SLOTS) add(`unbroken-${slot}`);
  return plans;
}

export async function buildVariant(plan: VariantPlan): Promise<Uint8Array> {
  const kind = KINDS.find((k) => k.name === plan.kind);
  if (!kind) throw new Error(`unknown kind ${plan.kind}`);
  const original = new Uint8Array(readFileSync(join(ROOT, plan.fixture)));
  return kind.make(await readParts(original), new Rng(plan.seed), original);
}

export function variantName(plan: VariantPlan): string {
  const base = plan.fixture.split("/").pop()!.replace(/\.xlsx$/, "");
  return `${String(plan.index).padStart(3, "0")}-${plan.kind}-${base}-${plan.seed}`;
}
