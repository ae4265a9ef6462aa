// Text readers are linear (or capped) in the length of what they read: the bracket readers give what the
// regular expressions they replace gave, for any text, and a 32,767-character text costs each reader one pass.
import fc from "fast-check";
import { firstBracketedWords, replaceBracketed } from "../../src/core/stated/brackets";
import { polarityInMeasure } from "../../src/core/stated/polarity";
import { polarityFromWording } from "../../src/core/assess/polarity";

/** The regular expressions the bracket readers replace (quadratic on many "(" with no ")"). */
const LOWER_REGEX = /\((?:[^)]*\b)?(?:lower|low|smaller|less|fewer) (?:is|=) (?:better|good)\b[^)]*\)|\((?:minimi[sz]e|reduce|decrease|aim low|lower is better)\)|\ba low (?:figure|number|value|score|rate|percentage) is good\b|\blower is better\b|\bsmaller is better\b/;
const LOWER_WORDS = {
  inside: /\b(?:lower|low|smaller|less|fewer) (?:is|=) (?:better|good)\b/,
  whole: /^(?:minimi[sz]e|reduce|decrease|aim low|lower is better)$/,
  plain: /\ba low (?:figure|number|value|score|rate|percentage) is good\b|\blower is better\b|\bsmaller is better\b/,
};

const PIECES = ["(", ")", "(", ")", " ", "x", "lower is better", "low = good", "minimise", "reduce", "a low rate is good", "smaller is better", "n,", "aim low", "lower", "is", "better", "-", "(("];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 24 }).map((p) => p.join(""));

/** Milliseconds one call takes. */
function ms(f: () => unknown): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

describe("bracket readers", () => {
  it("replace brackets as /\\([^)]*\\)/g does", () => {
    fc.assert(fc.property(text, (t) => expect(replaceBracketed(t, " ")).toBe(t.replace(/\([^)]*\)/g, " "))), { numRuns: 2000 });
  });

  it("find the statement the one regular expression found, at the same place", () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = LOWER_REGEX.exec(t);
        expect(firstBracketedWords(t, LOWER_WORDS)).toEqual(m ? { index: m.index, text: m[0] } : null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("long text", () => {
  const long = ["(".repeat(32767), "(".repeat(32766) + ")", "(x".repeat(16383) + ")", "(lower ".repeat(4681)];
  it.each(long.map((t, i) => [i, t]))("reads polarity words in a 32,767-character measure in one pass (%i)", (_i, t) => {
    expect(ms(() => polarityInMeasure(t as string))).toBeLessThan(500);
    expect(ms(() => polarityFromWording(t as string))).toBeLessThan(500);
  });
});
