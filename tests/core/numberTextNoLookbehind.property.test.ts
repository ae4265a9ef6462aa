// The number reader's regex was rewritten without a look-behind (Safari before 16.4 cannot parse one,
// and a pane whose bundle holds one is blank there). The rewrite must find exactly the number the
// look-behind form found, in every text: checked here against the original pattern, which Node runs.
import fc from "fast-check";
import { matchFirstNumber, readNumberText } from "../../src/core/figures/number-text";

// The pattern as it was before the rewrite (this test runs in Node, never in the pane's bundle).
const WITH_LOOKBEHIND = new RegExp(String.raw`(?<![\w.,/])([-+]?)(£|\$|€|gbp\s?)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d/]|\.\d|,\d{3})`, "i");

function reference(text: string) {
  const m = WITH_LOOKBEHIND.exec(text);
  if (!m) return null;
  return { start: m.index, end: m.index + m[0].length, sign: m[1], currency: m[2] ?? "", digits: m[3] };
}

/** Characters that decide where a number starts: word characters, the excluded ". , /", signs, currencies, spaces. */
const PIECES = ["1", "2", "0", "9", "12", "1,234", "100,000", ",", ".", "/", "-", "+", "£", "$", "€", "gbp", "GBP ", " ", "a", "x", "_", "%", "(", ")", "=", "\u00a0", "\t", "é", "\u2212"];
const numberish = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(""));

it("finds the same number as the look-behind pattern did, in any text", () => {
  fc.assert(
    fc.property(fc.oneof(numberish, fc.string({ maxLength: 30 })), (text) => {
      expect(matchFirstNumber(text)).toEqual(reference(text));
    }),
    { numRuns: 20000 },
  );
});

it("still reads the figures people write", () => {
  expect(readNumberText("£100,000").reading).toMatchObject({ value: 100000, unit: "currency" });
  expect(readNumberText("71.3%").reading).toMatchObject({ value: 0.713, unit: "percent" });
  expect(readNumberText(">= 90%").reading).toMatchObject({ value: 0.9, operator: ">=" });
  // Digits inside a word are not its number: "KPI2" gives way to the 45% after it.
  expect(readNumberText("KPI2 45%").reading).toMatchObject({ value: 0.45, unit: "percent" });
  expect(readNumberText("22/23").reading).toBeNull();
});
