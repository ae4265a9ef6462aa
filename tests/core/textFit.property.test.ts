// Text fitting is linear in the text's length (a 32,767-character word costs one pass), and wraps as the
// measure-every-candidate reading it replaced did: the same lines, for any text, width and font.
import fc from "fast-check";
import { textWidth, wrapLines, widthNeeds, type FontSpec } from "../../src/core/scorecard/textFit";

/** The reading it replaced: each candidate line measured whole (quadratic), kept here as the oracle. */
function wrapByMeasuring(text: string, widthPt: number, font: FontSpec): string[] {
  const room = Math.max(1, widthPt - 7);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const words = para.match(/\S+\s*/g) ?? [""];
    let line = "";
    for (const word of words) {
      const candidate = line + word;
      if (textWidth(candidate.trimEnd(), font) <= room) {
        line = candidate;
        continue;
      }
      if (line !== "") out.push(line.trimEnd());
      let rest = word;
      while (textWidth(rest.trimEnd(), font) > room && rest.trimEnd().length > 1) {
        let n = rest.length - 1;
        while (n > 1 && textWidth(rest.slice(0, n), font) > room) n--;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line.trimEnd());
  }
  return out;
}

const words = fc.array(fc.oneof(fc.constantFrom("a", "KPI", "waiting", "%", "—", "WWWWWWWWWWWWWWWWWWWW", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "10.5", "\n", "  ", " "), fc.string({ maxLength: 12 })), { maxLength: 30 });
const text = words.map((w) => w.join(" "));
const font = fc.record({ size: fc.constantFrom(8, 9, 11, 14, 20), bold: fc.boolean() });

describe("text fitting", () => {
  it("wraps exactly as measuring every candidate line did (BMP text)", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 400 }), font, (t, width, f) => {
        expect(wrapLines(t, width, f)).toEqual(wrapByMeasuring(t, width, f));
      }),
      { numRuns: 500 },
    );
  });

  it("never splits a character outside the basic plane in two", () => {
    const lines = wrapLines("😀".repeat(50), 20, { size: 11 });
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(l)).toBe(false);
    expect(lines.join("")).toBe("😀".repeat(50));
  });

  it("fits a 32,767-character unbroken word in one pass", () => {
    const word = "x".repeat(32767);
    const started = Date.now();
    const lines = wrapLines(word, 200, { size: 11 });
    widthNeeds(word, { size: 11 });
    expect(lines.join("")).toBe(word);
    for (const l of lines) expect(textWidth(l, { size: 11 })).toBeLessThanOrEqual(193);
    // A quadratic reading took minutes; one pass takes milliseconds (the bound leaves room for a slow machine).
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
