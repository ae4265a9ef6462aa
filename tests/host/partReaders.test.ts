// The part readers the one workbook reader is made of read what real producers write, through the tokenizer
// (never a regular expression per part): shared strings with runs, phonetic runs, CDATA, entities, character
// references and prefixes; start tags with either quote, attributes in any order, a ">" inside a value;
// [Content_Types].xml as OPC reads it. Text that is not well formed is damage naming the part.
import fc from "fast-check";
import { parseSharedStrings } from "../../src/host/xlsx/cellValues";
import { readContentTypes } from "../../src/host/xlsx/drawingsPassthrough";
import { PackageDamage } from "../../src/host/xlsx/loadErrors";
import { startTagAt, startTagsNamed } from "../../src/host/xlsx/xmlReader";

const SST = (items: string, root = "sst", ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"') => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${ns}>${items}</${root}>`;

describe("shared strings", () => {
  it("reads plain items, runs joined, phonetic runs left out, and empty items", () => {
    const xml = SST(`<si><t>Plain</t></si><si><r><rPr><b/></rPr><t>Bold </t></r><r><t xml:space="preserve">and not</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si/><si><t/></si>`);
    expect(parseSharedStrings(xml, "xl/sharedStrings.xml")).toEqual(["Plain", "Bold and not", "漢字", "", ""]);
  });

  it("reads prefixed parts (the Open XML SDK's <x:sst>), CDATA, comments, entities and character references", () => {
    const xml = SST(`<x:si><x:t><![CDATA[a < b & c]]></x:t></x:si><x:si><!-- note --><x:t>&lt;5 &amp; &#8211; &#x2014; &quot;q&apos;</x:t></x:si>`, "x:sst", `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`);
    expect(parseSharedStrings(xml, "xl/sharedStrings.xml")).toEqual(["a < b & c", "<5 & – — \"q'"]);
  });

  it("refuses a part that is not well formed, naming it", () => {
    for (const bad of [SST("<si><t>open</si>"), SST("<si><t>&nbsp;</t></si>"), SST("<si><t>x</t></si>") + "<sst/>"]) {
      let caught: unknown;
      try {
        parseSharedStrings(bad, "xl/sharedStrings.xml");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PackageDamage);
      expect((caught as PackageDamage).part).toBe("xl/sharedStrings.xml");
    }
  });

  it("reads back any text, however each character is written (as is, an entity, a character reference, or CDATA)", () => {
    // Any character XML can carry but a carriage return (which XML reads as a line end, as Excel does).
    const xmlChar = fc.oneof(
      fc.constantFrom("<", ">", "&", '"', "'", "\t", "\n", " ", "]", "é", "€"),
      fc.integer({ min: 0x20, max: 0xd7ff }).map((n) => String.fromCharCode(n)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
    );
    const written = (c: string, how: number): string => {
      const entity: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };
      if (how === 1 && entity[c]) return entity[c];
      if (how === 2) return `&#${c.codePointAt(0)};`;
      if (how === 3) return `&#x${c.codePointAt(0)!.toString(16)};`;
      return c === "<" || c === "&" ? entity[c] : c === ">" ? "&gt;" : c;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(xmlChar, fc.integer({ min: 0, max: 3 })), { maxLength: 12 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (items, cdata) => {
        const texts = items.map((chars) => chars.map(([c]) => c).join(""));
        const body = items
          .map((chars, i) => {
            const text = texts[i];
            const inner = cdata && !text.includes("]]>") ? `<![CDATA[${text}]]>` : chars.map(([c, how]) => written(c, how)).join("");
            return `<si><t xml:space='preserve'>${inner}</t></si>`;
          })
          .join("");
        expect(parseSharedStrings(SST(body), "xl/sharedStrings.xml")).toEqual(texts);
      }),
      { numRuns: 300 },
    );
  });
});

describe("start tags", () => {
  it("reads attributes in either quote, in any order, prefixed elements, entities, and a '>' inside a value", () => {
    const xml = `<we:webextension xmlns:we="urn:we"><we:property value='{"a":"&lt;b&gt;"}' name="kpiScorecard.settings"/><property name='x>y' value="1"/><we:other name="no"/></we:webextension>`;
    expect(startTagsNamed(xml, "property")).toEqual([
      { value: '{"a":"<b>"}', name: "kpiScorecard.settings" },
      { name: "x>y", value: "1" },
    ]);
  });

  it("reads the start tag at an offset, past a '>' inside a value", () => {
    const xml = `<workbook><bookViews><workbookView name="a>b" activeTab='2'/></bookViews></workbook>`;
    expect(startTagAt(xml, xml.indexOf("<workbookView"))).toEqual({ name: "a>b", activeTab: "2" });
  });

  it("throws on text that is not well formed", () => {
    expect(() => startTagsNamed(`<a><property name="x"></a>`, "property")).toThrow(/Malformed XML/);
  });
});

describe("content types", () => {
  it("gives a part's own type, else its extension's, comparing names as OPC does (ignoring case)", () => {
    const types = readContentTypes(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="image/png" Extension="PNG"/><Default Extension='xml' ContentType='application/xml'/>` +
        `<Override PartName="/xl/Drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    );
    expect(types.of("xl/drawings/drawing1.xml")).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    expect(types.of("xl/media/image1.png")).toBe("image/png");
    expect(types.of("xl/charts/chart1.xml")).toBe("application/xml");
    expect(types.of("xl/media/image1.emf")).toBeNull();
  });
});
