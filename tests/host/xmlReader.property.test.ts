// The XML tokenizer every part is read with gives what a well-kept, strict parser (saxes) gives, on documents
// with the features real packages use: namespace prefixes, entities and character references, CDATA,
// comments, processing instructions, either quote, attributes in any order, white space between attributes
// and around "=". What saxes refuses as not well formed, it refuses too (and a document type declaration).
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { Token, XmlReader } from "../../src/host/xlsx/xmlReader";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

/** A document type declaration is well formed, but it could declare entities that expand without end: no package part has one, and ours refuses one. */
class Doctype extends Error {}

/** saxes's events, adjacent text and CDATA joined, text outside the root left out. */
function saxesEvents(xml: string): Event[] {
  const out: Event[] = [];
  let depth = 0;
  const text = (t: string) => {
    if (depth === 0) return;
    const last = out[out.length - 1];
    if (last && last[0] === "text") last[1] += t;
    else out.push(["text", t]);
  };
  const p = new SaxesParser({ xmlns: false, position: false });
  p.on("opentag", (t) => {
    depth++;
    out.push(["open", t.name, { ...(t.attributes as Record<string, string>) }]);
  });
  p.on("closetag", (t) => {
    depth--;
    out.push(["close", t.name]);
  });
  p.on("text", text);
  p.on("cdata", text);
  p.on("doctype", () => {
    throw new Doctype();
  });
  p.write(xml).close();
  return out;
}

function ourEvents(xml: string): Event[] {
  const out: Event[] = [];
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t === Token.Open) out.push(["open", r.name, r.attributes()]);
    else if (t === Token.Close) out.push(["close", r.name]);
    else {
      const last = out[out.length - 1];
      if (last && last[0] === "text") last[1] += r.text;
      else out.push(["text", r.text]);
    }
  }
  return out;
}

function refuses(read: () => unknown): boolean {
  try {
    read();
    return false;
  } catch {
    return true;
  }
}

const PREFIXES = ["", "", "", "x:", "main:", "r:"];
const LOCALS = ["c", "v", "row", "si", "t", "font", "sheetData", "a_b", "x1", "é"];
const name = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...LOCALS)).map(([p, l]) => p + l);
const ATTR_NAMES = ["r", "s", "t", "val", "x:val", "xml:space", "Id", "Target", "rgb", "a-b", "a.b"];
const textPiece = fc.oneof(
  fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#x41;", "&#128512;", "&#xD;", " ", "\n", "\r\n", "\t", ">", "'", '"', "]", "x", "71.3%", "£", "naïve"),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&\r\]]/g, "")),
);
// One "]" at most per text, so no text holds "]]>" (which XML does not allow outside CDATA).
const text = fc.array(textPiece, { maxLength: 5 }).map((p) => p.join("")).map((t) => t.replace(/\](?=.*\])/g, ""));
const attrValue = text;
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTR_NAMES), attrValue, fc.constantFrom('"', "'"), fc.constantFrom(" ", "  ", "\n", "\t")), { selector: (a) => a[0], maxLength: 4 });

function attrText(list: [string, string, string, string][]): string {
  return list.map(([n, v, q, sp]) => `${sp}${n}${sp === "\t" ? " = " : "="}${q}${v.replace(new RegExp(q, "g"), q === '"' ? "&quot;" : "&apos;")}${q}`).join("");
}

const letrec = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text.map((t) => t.replace(/\]/g, "")),
    fc.constantFrom("<!-- a comment -->", "<?pi data?>", "<![CDATA[<not a tag> & ]]>", "<![CDATA[]]>"),
    tie("element"),
  ),
  element: fc.tuple(name, attrs, fc.array(tie("node"), { maxLength: 4 }), fc.boolean()).map(([n, a, kids, selfClose]) => {
    const open = `<${n}${attrText(a as [string, string, string, string][])}`;
    return selfClose && !kids.length ? `${open}/>` : `${open}>${(kids as string[]).join("")}</${n}>`;
  }),
}));
const documents = fc.tuple(fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>"), letrec.element, fc.constantFrom("", "\n", "<!-- end -->")).map(([d, e, t]) => `${d}${e}${t}`);

describe("the XML tokenizer against saxes", () => {
  it("gives the same tags, attributes and text on well-formed documents", () => {
    fc.assert(
      fc.property(documents, (xml) => {
        expect(ourEvents(xml)).toEqual(saxesEvents(xml));
      }),
      { numRuns: 1500 },
    );
  });

  it("refuses what saxes refuses among damaged documents", () => {
    const damage = fc.tuple(documents, fc.nat(), fc.constantFrom("<", ">", "&", "&nope;", "</x>", '"', "=", "<a>", "<!DOCTYPE x>", "&#0;", "&#xZZ;")).map(([xml, at, bit]) => {
      const i = xml.length ? at % xml.length : 0;
      return xml.slice(0, i) + bit + xml.slice(i);
    });
    fc.assert(
      fc.property(damage, (xml) => {
        const theirs = refuses(() => saxesEvents(xml));
        if (theirs) expect(refuses(() => ourEvents(xml))).toBe(true);
        else expect(ourEvents(xml)).toEqual(saxesEvents(xml));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads attributes by local name in one pass, never a namespace declaration", () => {
    const r = new XmlReader(`<x:c xmlns:x="urn:x" xmlns:r="urn:r" r:id="rId1" s = '3' t="s" r="B7"/>`);
    r.next();
    const out: (string | undefined)[] = [];
    r.readAttrs(["r", "s", "t", "id"], out);
    expect(out).toEqual(["B7", "3", "s", "rId1"]);
    expect(r.attr("r")).toBe("B7");
    expect(r.attr("id")).toBe("rId1");
    expect(r.is("c")).toBe(true);
    expect(r.local).toBe("c");
  });
});
