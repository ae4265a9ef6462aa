import { contrastRatio, perceivedDifference, relativeLuminance, RAG_COLOURS, buildScorecardSpec } from "../../src/core/scorecard";
import type { ColourVision } from "../../src/core/scorecard";
import { syntheticScan, settings } from "./scorecardScans";

describe("WCAG contrast", () => {
  test("known values: black on white is 21, same colour is 1", () => {
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("777777", "777777")).toBe(1);
    expect(relativeLuminance("FFFFFF")).toBeCloseTo(1, 6);
  });

  test("known failing and passing pairs", () => {
    // #777 on white is the textbook just-fails-AA pair (4.48).
    expect(contrastRatio("777777", "FFFFFF")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("767676", "FFFFFF")).toBeGreaterThanOrEqual(4.5);
    // Excel's built-in "Good" style: dark green on pale green.
    expect(contrastRatio("006100", "C6EFCE")).toBeGreaterThan(4.5);
  });

  test("rejects anything that is not six hex digits", () => {
    expect(() => contrastRatio("fff", "000000")).toThrow(/hex/);
  });
});

describe("RAG colours", () => {
  const entries = Object.entries(RAG_COLOURS);

  test.each(entries)("%s text on its fill has contrast of at least 4.5:1", (_rag, c) => {
    expect(contrastRatio(c.text, c.fill)).toBeGreaterThanOrEqual(4.5);
  });

  const visions: ColourVision[] = ["normal", "protanopia", "deuteranopia", "tritanopia"];
  test.each(visions)("every pair of RAG fills stays distinguishable with %s", (vision) => {
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        expect(perceivedDifference(entries[i][1].fill, entries[j][1].fill, vision)).toBeGreaterThan(15);
      }
    }
  });

  test("the simulation can fail: classic pure red and green collapse for deuteranopes", () => {
    expect(perceivedDifference("FF0000", "00FF00", "normal")).toBeGreaterThan(80);
    expect(perceivedDifference("CC0000", "669900", "deuteranopia")).toBeLessThan(15);
  });

  test("every fill the scorecard uses keeps its text at 4.5:1 or more (black text where none is set)", () => {
    const spec = buildScorecardSpec(syntheticScan(30), { sheetName: "Scorecard", generatedAt: "2026-01-01T00:00:00Z", commentary: [], settings: settings() });
    const pairs = [
      ...spec.formats.filter((f) => f.fill).map((f) => [f.fill!, f.fontColour ?? "000000"]),
      ...spec.textRules.map((t) => [t.fill, t.fontColour]),
    ];
    expect(pairs.length).toBeGreaterThan(5);
    for (const [fill, text] of pairs) expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
  });
});
