// Property tests for the readers added for one KPI kept in many shapes (issue 15 items 3–5): day-to-day and
// spelled-out periods, text with its periods taken out, rate bases, a figure read on a rate's scale, and milestones
// paired by period. Fixed seed (tests/setup/fastcheck.ts).
import fc from "fast-check";
import { parsePeriod, withoutPeriods, findPeriods } from "../../src/core/periods";
import { chooseScale, onScale, rateBase, unitFromMeasure } from "../../src/core/figures/scale";
import { emptyFigure, type ParsedFigure } from "../../src/core/figures/types";
import { pairByPeriod, periodKey } from "../../src/core/recognise/pairMilestones";
import type { DraftMilestone } from "../../src/core/recognise/drafts";
import type { Period } from "../../src/core/types";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });
const written = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

describe("periods written from day to day", () => {
  it("'1 October to 31 December 2023' spans exactly its two days, in order", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const p = parsePeriod(`${written(from)} to ${written(to)}`);
        expect(p).not.toBeNull();
        expect([p!.start, p!.end]).toEqual([iso(from), iso(to)]);
      }),
    );
  });

  it("a range that ends before it starts is no period", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(iso(a) > iso(b));
        expect(parsePeriod(`${written(a)} - ${written(b)}`)).toBeNull();
      }),
    );
  });

  it("'quarter three 2023/24' and 'third quarter 2023/24' read as 'Q3 2023/24'", () => {
    const words = ["one", "two", "three", "four"];
    const ordinals = ["first", "second", "third", "fourth"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2000, max: 2098 }), (q, y) => {
        const pair = `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
        const want = parsePeriod(`Q${q + 1} ${pair}`);
        for (const text of [`quarter ${words[q]} ${pair}`, `${ordinals[q]} quarter ${pair}`]) expect([parsePeriod(text)?.start, parsePeriod(text)?.end]).toEqual([want?.start, want?.end]);
      }),
    );
  });
});

describe("text with its periods taken out", () => {
  const fragments = fc.constantFrom("Number of households", "(average taken from July – September)", "in 2023/24", "Q2", "quarter three", "Apr-23", "31 March 2024", "rate", "%", "(", ")", " ", "2019");
  const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fragments, { maxLength: 8 }).map((p) => p.join(" ")));

  it("never throws, is idempotent, and leaves no dated period behind", () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = withoutPeriods(t);
        expect(withoutPeriods(once)).toBe(once);
        expect(findPeriods(once, undefined, { years: true }).filter((f) => f.period.start)).toEqual([]);
      }),
    );
  });

  it("two captions of one measure that differ only in their periods compare equal", () => {
    fc.assert(
      fc.property(fc.constantFrom("July – September", "January – March", "Q2 2022/23", "2023/24"), fc.constantFrom("July – September", "October – December", "Q3 2022/23", "2024/25"), (a, b) => {
        expect(withoutPeriods(`Number of households in temporary accommodation (average taken from ${a})`)).toBe(withoutPeriods(`Number of households in temporary accommodation (average taken from ${b})`));
      }),
    );
  });
});

describe("rates and scales", () => {
  it("the base a rate is per, however the number is written", () => {
    const bases: [string, number][] = [["100", 100], ["1,000", 1000], ["1000", 1000], ["1k", 1000], ["10,000", 10000], ["10k", 10000], ["100,000", 100000], ["100k", 100000], ["1,000,000", 1000000]];
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom("Rate", "Conception rate", "Children in need"), fc.constantFrom("", " population", " pupils", " children aged 0-17"), ([w, n], head, tail) => {
        expect(rateBase(`${head} per ${w}${tail}`)).toBe(n);
        expect(chooseScale({ stated: null, statedText: "", measure: `${head} per ${w}${tail}`, measureUnit: null, headings: [], cells: [] })).toEqual({ unit: "rate", ratePer: n });
      }),
    );
  });

  it("never throws on any measure, and a share written '% of' is a percentage", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (t) => {
        unitFromMeasure(t);
        rateBase(t);
        expect(unitFromMeasure(`% of ${t.replace(/%/g, "")}`)).toBe("percent");
      }),
    );
  });

  it("bare figures under a '%' heading are percentages, unless the cells or the measure's words say otherwise", () => {
    const bare = (v: number): ParsedFigure => ({ ...emptyFigure(), value: v });
    fc.assert(
      fc.property(fc.constantFrom("Percentage (%)", "Result %", "Per cent", "2023/24 (%)"), fc.array(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { minLength: 1, maxLength: 6 }), (heading, values) => {
        const cells = values.map(bare);
        expect(chooseScale({ stated: null, statedText: "", measure: "Gas safety checks", measureUnit: null, headings: [heading], cells }).unit).toBe("percent");
        // The measure's own unit, and what most cells are written as, come first.
        expect(chooseScale({ stated: null, statedText: "", measure: "Average days to relet", measureUnit: "days", headings: [heading], cells }).unit).toBe("days");
        const inDays: ParsedFigure[] = values.map((v) => ({ ...bare(v), unit: "days", unitFrom: "text" }));
        expect(chooseScale({ stated: null, statedText: "", measure: "Relet time", measureUnit: null, headings: [heading], cells: inDays }).unit).toBe("days");
      }),
    );
    // A heading that speaks of a change, or of part of a cell, does not make whole numbers percentages.
    for (const heading of ["Baseline at 31 March 2013 (% change for 12 months)", "Change in percentage points", "Percentage change on last year"]) {
      expect(chooseScale({ stated: null, statedText: "", measure: "Reduce domestic burglary", measureUnit: null, headings: [heading, "Q3 performance"], cells: [bare(3628), bare(2528)] }).unit).toBe("count");
    }
  });

  it("a percentage on a rate's scale is that share of its base, to the digits written", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom(100, 1000, 10000, null), (digits, places, per) => {
        const value = Number(`${digits}e-${places + 2}`); // a percentage cell holds the fraction: 0.45% is 0.0045
        const p: ParsedFigure = { ...emptyFigure(), value, unit: "percent", unitFrom: "format" };
        const read = onScale(p, { unit: "rate", ratePer: per });
        const shown = Number(`${digits}e-${places}`); // the digits as the cell shows them before the %
        expect(read.value).toBe(Number((shown * ((per ?? 100) / 100)).toPrecision(12)));
        expect([read.unit, read.scaled]).toEqual([null, true]);
        // A percentage KPI's figures are left as they are.
        expect(onScale(p, { unit: "percent", ratePer: null })).toBe(p);
      }),
    );
  });
});

describe("milestones paired by period", () => {
  const periods: Period[] = ["Jul 23", "Nov 23", "Mar 24", "Q1 2023/24", "2023/24"].map((l) => parsePeriod(l)!);
  const role = fc.constantFrom<DraftMilestone["headingRole"]>("target", "actual", "period", "final-target");
  const milestones = fc.array(fc.record({ p: fc.integer({ min: 0, max: periods.length - 1 }), role }), { maxLength: 10 }).map((xs) =>
    xs.map(({ p, role: r }, col): DraftMilestone => ({ label: `${r} ${periods[p].label}`, col, period: periods[p], relativeMonths: null, headingRole: r, targetCell: { row: 1, col }, actualCell: null, ragCell: null })),
  );

  it("keeps every cell once, and pairs only a target with an actual of the same period", () => {
    fc.assert(
      fc.property(milestones, (ms) => {
        const out = pairByPeriod(ms);
        const cellsOf = (xs: DraftMilestone[]) => xs.flatMap((m) => [m.targetCell, m.actualCell]).filter((c) => c).map((c) => c!.col).sort((a, b) => a - b);
        expect(cellsOf(out)).toEqual(cellsOf(ms));
        for (const m of out) {
          if (!m.actualCell) continue;
          const actual = ms.find((x) => x.col === m.actualCell!.col)!;
          expect(periodKey(actual.period, null)).toBe(periodKey(m.period, null));
          expect(["target", "final-target"]).toContain(m.headingRole);
          expect(["actual", "period"]).toContain(actual.headingRole);
        }
        // No period is left with an unpaired target and an unpaired actual.
        for (const key of new Set(out.map((m) => periodKey(m.period, null)))) {
          const here = out.filter((m) => periodKey(m.period, null) === key);
          const lonelyTargets = here.filter((m) => (m.headingRole === "target" || m.headingRole === "final-target") && !m.actualCell).length;
          const lonelyActuals = here.filter((m) => m.headingRole === "actual" || m.headingRole === "period").length;
          expect(lonelyTargets > 0 && lonelyActuals > 0).toBe(false);
        }
      }),
    );
  });
});
