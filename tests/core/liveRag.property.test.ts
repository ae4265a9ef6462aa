// The live RAG and trend formulas give what rag.ts and dot.ts give, for any figures, polarity, unit and bands:
// the formula is built by the scorecard, evaluated by src/core/formula (as the host and Excel evaluate it).
import fc from "fast-check";
import { cellRef, evaluateFormula } from "../../src/core/formula";
import { rateAgainstTarget } from "../../src/core/assess/rag";
import { computeDot } from "../../src/core/assess/dot";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { Polarity, Unit } from "../../src/core/types";
import { kpi as buildKpi } from "./scorecardScans";
import { KpiFormulas, H } from "../../src/core/scorecard/liveKpi";
import { VirtualCells } from "../../src/core/scorecard/liveCheck";
import { RAG_CODE, dotCode } from "../../src/core/scorecard/liveWords";
import type { PlacedKpi } from "../../src/core/scorecard/rows";
import type { SourceCells } from "../../src/core/scorecard/liveSource";

const NO_SOURCE: SourceCells = { cell: () => null, hasSheet: () => false, date1904: false };
const DATA = "KPI Scorecard data";
const ROW = 7;

function placed(polarity: Polarity, unit: Unit): PlacedKpi {
  const kpi = buildKpi({ ref: "1", measure: "m", frequency: null, unit, polarity, polaritySource: "setting", rag: "grey" });
  return { kpi, sheet: "S", key: "S!1", group: "S", rag: "grey", stale: false, sourceCell: "A1", order: 0 };
}

function formulas(p: PlacedKpi, settings: Settings) {
  return new KpiFormulas({ p, cells: NO_SOURCE, settings, refs: { asOf: cellRef("Scorecard", 0, 0), amberBand: cellRef("Scorecard", 0, 1), noChangeBand: cellRef("Scorecard", 0, 2), staleWords: cellRef("Scorecard", 0, 3) }, dataSheet: DATA, row: ROW, asOf: "2024-02-29" });
}

function sheetWith(values: Partial<Record<keyof typeof H, number | string>>, settings: Settings): VirtualCells {
  const v = new VirtualCells(NO_SOURCE);
  v.set("Scorecard", 0, 1, settings.amberBand);
  v.set("Scorecard", 0, 2, settings.noChangeBand);
  for (const [k, x] of Object.entries(values)) v.set(DATA, ROW, H[k as keyof typeof H], x as number | string);
  return v;
}

// Figures as boards write them: whole numbers, percentages to a decimal place, and the odd long fraction.
const figure = fc.oneof(fc.integer({ min: -50, max: 500 }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }));
const band = fc.oneof(fc.constantFrom(0, 0.05, 0.1, 0.2), fc.double({ min: 0, max: 0.5, noNaN: true }));

describe("live RAG = rag.ts", () => {
  test("any latest, target in force and final target; either polarity; relative or points band; BRAG on or off", () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.option(figure, { nil: undefined }),
        fc.constantFrom<Polarity>("higher-is-better", "lower-is-better"),
        fc.constantFrom<Unit>("percent", "count", "days"),
        band,
        fc.constantFrom<"relative" | "points">("relative", "points"),
        fc.boolean(),
        (actual, target, final, polarity, unit, amberBand, amberMode, blue) => {
          const settings: Settings = { ...DEFAULT_SETTINGS, amberBand, amberMode, blueWhenFinalTargetMet: blue };
          const e = formulas(placed(polarity, unit), settings).ragFormula(RAG_CODE.grey)!;
          const got = evaluateFormula(e, sheetWith({ latest: actual, target, final: final ?? "", stale: 0 }, settings), DATA);
          let want = rateAgainstTarget({ actual, target, polarity, unit, settings }).rag as keyof typeof RAG_CODE;
          if (blue && final !== undefined && rateAgainstTarget({ actual, target: final, polarity, unit, settings }).rag === "green") want = "blue";
          expect(got).toBe(RAG_CODE[want]);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("no latest or no numeric target: the fallback; out of date under stale-rates-grey: Grey", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, staleRatesGrey: true };
    const e = formulas(placed("higher-is-better", "percent"), settings).ragFormula(RAG_CODE.amber)!;
    expect(evaluateFormula(e, sheetWith({ latest: "", target: 0.5, stale: 0 }, settings), DATA)).toBe(RAG_CODE.amber);
    expect(evaluateFormula(e, sheetWith({ latest: 0.4, target: "tbc", stale: 0 }, settings), DATA)).toBe(RAG_CODE.amber);
    expect(evaluateFormula(e, sheetWith({ latest: 0.6, target: 0.5, stale: 0 }, settings), DATA)).toBe(RAG_CODE.green);
    expect(evaluateFormula(e, sheetWith({ latest: 0.6, target: 0.5, stale: 1 }, settings), DATA)).toBe(RAG_CODE.grey);
  });
});

describe("live trend = dot.ts", () => {
  test("any latest and previous; either polarity; any no-change band", () => {
    fc.assert(
      fc.property(figure, figure, fc.constantFrom<Polarity>("higher-is-better", "lower-is-better"), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })), (latest, previous, polarity, noChangeBand) => {
        const settings: Settings = { ...DEFAULT_SETTINGS, noChangeBand };
        const e = formulas(placed(polarity, "count"), settings).dotFormula(0);
        const got = evaluateFormula(e, sheetWith({ latest, previous }, settings), DATA);
        const dot = computeDot(previous, latest, polarity, noChangeBand);
        expect(got).toBe(dotCode(dot.direction, dot.judgement));
      }),
      { numRuns: 500 },
    );
  });

  test("without both figures, the fallback (what the workbook states, else none)", () => {
    const e = formulas(placed("lower-is-better", "count"), DEFAULT_SETTINGS).dotFormula(dotCode(null, null, "down"));
    expect(evaluateFormula(e, sheetWith({ latest: 4, previous: "" }, DEFAULT_SETTINGS), DATA)).toBe(dotCode(null, null, "down"));
  });
});
