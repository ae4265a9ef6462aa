import fc from "fast-check";
import { compareIso, excelSerialToIso } from "../../src/core/dates";
import { parseFigure, type FigureInput, type ParsedFigure } from "../../src/core/figures";
import { readFigure } from "../../src/core/figures/parse-figure";
import { parseMilestoneHeading, parsePeriod, parsePeriodCell } from "../../src/core/periods";
import type { Period } from "../../src/core/types";

/** Pieces of the figure and period grammar, to build strings that nearly parse. */
const FRAGMENTS = [
  "Q", "Q1", "Q4", "Q5", "HT", "HT1", "HT1-2", "HT7", "22/23", "2023/24", "2019/21", "23/24", "Jan", "Sept", "Sep", "May", "'23", "\u201923", "2020", "19", "00",
  "%", " %", "(", ")", "-", "\u2013", "\u2212", "£", "$", ",", ".", ":", "/", "&", " ", " ", "\u00a0", "\t", "weeks", "wk", "days", "months", "hours", "min", "secs", "1st", "2nd",
  "baseline", "Baseline plus", "plus", "minus", "or", "national average", "whichever is the higher", "lower", "NA", "n/a", "tbc", "To be", "established",
  "YR", "YR11", "6", "93", "71.3", "0", "-6.70", "1,234", "100,000", "99.", ".5", "1e5", "Infinity", "NaN", "#N/A", "#DIV/0!", ">=", "\u2264", "<", "c.",
  "By", "by", "months", "Target for", "Staged target", "Final target", "Performance at", "Note", "*", "Autumn", "Spring", "Summer", "term", "FY", "AY", "SY",
  "31.02.19", "01.06.19", "2019-06-01", "9999-12-31", "0000-00-00", "12345678901234567890", "9".repeat(330), "\u0000", "\ud800", "\u200b",
];
const nearMiss = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(""));
const nearMissSpaced = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(" "));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 60 }), nearMiss, nearMissSpaced);

const NUMBER_FORMATS = ["General", "0.0%", "0%", '0.0 "weeks"', '"£"#,##0', "[$£-809]#,##0", "dd/mm/yyyy", "mmm-yy", "[$-809]mmmm yyyy", "h:mm", "@", "", '"', "[", "[$", "\\"];
const figureInput: fc.Arbitrary<FigureInput> = fc.record(
  {
    text: anyText,
    value: fc.oneof(anyText, fc.double(), fc.integer({ min: -1e7, max: 3e6 }), fc.boolean()),
    numberFormat: fc.oneof(fc.constantFrom(...NUMBER_FORMATS), fc.string({ maxLength: 20 })),
    valueType: fc.constantFrom("Unknown", "Empty", "String", "Integer", "Double", "Boolean", "Error", "RichValue" as const),
  },
  { requiredKeys: ["text"] },
);
const expectedUnit = fc.constantFrom(undefined, null, "percent", "count", "weeks", "days", "months", "currency", "ratio", "score", "text" as const);

function holdsInvariant(f: ParsedFigure): boolean {
  return f.value !== null || f.missing !== null || f.relative !== null || f.several !== null;
}

function wellFormedPeriod(p: Period | null | undefined): void {
  if (!p) return;
  expect((p.start === null) === (p.end === null)).toBe(true);
  if (p.start !== null && p.end !== null) expect(compareIso(p.start, p.end)).toBeLessThanOrEqual(0);
}

describe("parsers never throw", () => {
  it("parseFigure (and its unguarded core) on any input holds its invariant", () => {
    fc.assert(
      fc.property(figureInput, expectedUnit, (input, unit) => {
        const unguarded = readFigure(input, { expectedUnit: unit });
        const f = parseFigure(input, { expectedUnit: unit });
        expect(holdsInvariant(f)).toBe(true);
        expect(unguarded.value === null || Number.isFinite(unguarded.value)).toBe(true);
        wellFormedPeriod(f.period);
        if (f.several) expect(f.value).toBeNull();
        if (f.relative?.amount != null) expect(Number.isFinite(f.relative.amount)).toBe(true);
        f.several?.forEach((s) => expect(Number.isFinite(s.value)).toBe(true));
      }),
      { numRuns: 600 },
    );
  });

  it("parseFigure on plain text holds its invariant", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const f = readFigure({ text: t }, undefined);
        expect(holdsInvariant(parseFigure({ text: t }))).toBe(true);
        expect(f.value === null || Number.isFinite(f.value)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("parsePeriod, parsePeriodCell and parseMilestoneHeading give well-formed periods or null", () => {
    fc.assert(
      fc.property(anyText, fc.oneof(fc.double(), fc.integer({ min: -10, max: 3e6 })), fc.constantFrom(...NUMBER_FORMATS), (t, n, numberFormat) => {
        wellFormedPeriod(parsePeriod(t));
        wellFormedPeriod(parsePeriod(t, { planStart: "2019-07-01", financialYearStartMonth: 1, yearPairKind: "financial-year" }));
        wellFormedPeriod(parsePeriodCell({ text: t, value: n, numberFormat }));
        wellFormedPeriod(parsePeriodCell({ text: t, value: t }));
        const h = parseMilestoneHeading(t, { planStart: "2020-01-31" });
        wellFormedPeriod(h?.period);
        h?.also?.forEach(wellFormedPeriod);
      }),
      { numRuns: 600 },
    );
  });
});

describe("round trips", () => {
  it("a percentage x% with 0-2 decimals reads as x/100", () => {
    const percent = fc.integer({ min: 0, max: 2 }).chain((decimals) =>
      fc.integer({ min: 0, max: 100 * 10 ** decimals }).map((n) => ({ written: (n / 10 ** decimals).toFixed(decimals), x: n / 10 ** decimals })),
    );
    fc.assert(
      fc.property(percent, ({ written, x }) => {
        const f = parseFigure({ text: `${written}%` });
        expect(f.unit).toBe("percent");
        expect(Math.abs((f.value as number) - x / 100)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it("a duration written in hours, minutes and seconds ('2 hours 29 minutes', '7 min 19 seconds') reads as their sum in days", () => {
    const UNITS = [["hours", "hour", "hrs"], ["minutes", "min", "mins"], ["seconds", "secs", "sec"]] as const;
    const part = fc.tuple(fc.integer({ min: 1, max: 59 }), fc.integer({ min: 0, max: 2 }));
    const duration = fc.tuple(fc.option(part, { nil: undefined }), fc.option(part, { nil: undefined }), fc.option(part, { nil: undefined }), fc.constantFrom(" ", ", ", " and "));
    fc.assert(
      fc.property(duration, ([h, m, s, join]) => {
        const parts = [h, m, s].map((p, i) => (p ? { n: p[0], word: UNITS[i][p[1]], perDay: [24, 1440, 86400][i] } : null)).filter((p) => p !== null);
        fc.pre(parts.length > 0);
        const written = parts.map((p) => `${p.n} ${p.word}`).join(join);
        const f = parseFigure({ text: written });
        expect(f.unit).toBe("days");
        expect(Math.abs((f.value as number) - parts.reduce((sum, p) => sum + p.n / p.perDay, 0))).toBeLessThan(1e-12);
        expect(f.qualifier ?? null).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  const NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const monthLabel = fc.record({
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 2000, max: 2099 }),
    style: fc.constantFrom("full", "short", "sept"),
    yearDigits: fc.constantFrom(2, 4),
    sep: fc.constantFrom(" ", "-", " '", "'", " - "),
  });
  function writeMonth(m: { month: number; year: number; style: string; yearDigits: number; sep: string }): string {
    const name = m.style === "full" ? NAMES[m.month] : m.style === "sept" && m.month === 9 ? "Sept" : NAMES[m.month].slice(0, 3);
    const year = m.yearDigits === 4 || !m.sep.includes("'") ? (m.yearDigits === 4 ? String(m.year) : String(m.year).slice(2)) : String(m.year).slice(2);
    return `${name}${m.sep}${year}`;
  }
  function lastDay(year: number, month: number): string {
    return `${year}-${String(month).padStart(2, "0")}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, "0")}`;
  }

  it("a month label for any month and year 2000-2099 spans that whole month", () => {
    fc.assert(
      fc.property(monthLabel, (m) => {
        const p = parsePeriod(writeMonth(m));
        expect(p?.kind).toBe("month");
        expect(p?.start).toBe(`${m.year}-${String(m.month).padStart(2, "0")}-01`);
        expect(p?.end).toBe(lastDay(m.year, m.month));
      }),
      { numRuns: 500 },
    );
  });

  const periodLabel = fc.oneof(
    monthLabel.map(writeMonth),
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2000, max: 2098 })).map(([q, y]) => `Q${q} ${y}/${String(y + 1).slice(2)}`),
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2000, max: 2098 })).map(([h, y]) => `HT${h} ${String(y).slice(2)}/${String(y + 1).slice(2)}`),
    fc.tuple(fc.constantFrom("Autumn", "Spring", "Summer"), fc.integer({ min: 2000, max: 2099 })).map(([t, y]) => `${t} '${String(y).slice(2)}`),
    fc.integer({ min: 1900, max: 2099 }).map(String),
    fc.constantFrom("Q1", "Q2", "Q3", "Q4"),
  );

  it("a trailing (label) is stripped from a figure and reported as its period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.constantFrom("", "%", " weeks"), periodLabel, (n, unit, label) => {
        const f = parseFigure({ text: `${n}${unit} (${label})` });
        expect(f.period?.label).toBe(label);
        expect(f.period).toEqual(parsePeriod(label));
        expect(f.value).toBeCloseTo(unit === "%" ? n / 100 : n, 9);
        expect(f.qualifier).toBeNull();
        wellFormedPeriod(f.period);
      }),
      { numRuns: 500 },
    );
  });
});

const periodLabelForLead = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom("January", "March", "June", "December"), fc.integer({ min: 2000, max: 2099 })).map(([d, m, y]) => `${d} ${m} ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2000, max: 2098 })).map(([q, y]) => `Q${q} ${y}/${String(y + 1).slice(2)}`),
  fc.tuple(fc.constantFrom("Jan", "Sep", "Dec"), fc.integer({ min: 2000, max: 2099 })).map(([m, y]) => `${m} ${y}`),
);

describe("generated headings and cells", () => {
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  it("'Target for n months <Month YYYY>' is a target due in that month, n months from the start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 2000, max: 2099 }),
        fc.constantFrom("Target for", "Staged target", "Target at", "Performance at"),
        fc.boolean(),
        (n, month, year, lead, bracketed) => {
          const when = `${MONTHS[month]} ${year}`;
          const h = parseMilestoneHeading(`${lead} ${n} months ${bracketed ? `(${when})` : when}`);
          expect(h?.role).toBe(lead.startsWith("Performance") ? "actual" : "target");
          expect(h?.relativeMonths).toBe(n);
          expect(h?.period?.kind).toBe("month");
          expect(h?.period?.start).toBe(`${year}-${String(month + 1).padStart(2, "0")}-01`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("'SY<year>' (and 'SY <pair>') is the school year July to June ending in that year, a target under 'SY<year> Target'", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2099 }), fc.constantFrom("SY", "SY ", "sy"), fc.constantFrom("four", "two", "pair", "short pair"), (end, lead, style) => {
        const y = String(end);
        const prev = String(end - 1);
        const written = { four: y, two: y.slice(2), pair: `${prev}-${y.slice(2)}`, "short pair": `${prev.slice(2)}/${y.slice(2)}` }[style];
        const p = parsePeriod(`${lead}${written}`);
        expect([p?.kind, p?.start, p?.end]).toEqual(["academic-year", `${prev}-07-01`, `${y}-06-30`]);
        const h = parseMilestoneHeading(`${lead}${written} Target`);
        expect([h?.role, h?.period?.end]).toEqual(["target", `${y}-06-30`]);
      }),
      { numRuns: 300 },
    );
  });

  it("a range of days written in figures ('01/04/2017 to 31/03/2018') from a 1st to a month's end is that run of months", () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const lastOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 36 }), fc.constantFrom(" to ", " - ", "-", " until "), fc.constantFrom("/", ".", "-"), (y, m, months, join, sep) => {
        const endMonth = ((m - 1 + months - 1) % 12) + 1;
        const endYear = y + Math.floor((m - 1 + months - 1) / 12);
        const written = `01${sep}${pad(m)}${sep}${y}${join}${lastOf(endYear, endMonth)}${sep}${pad(endMonth)}${sep}${endYear}`;
        const p = parsePeriod(written);
        expect([p?.start, p?.end]).toEqual([`${y}-${pad(m)}-01`, `${endYear}-${pad(endMonth)}-${pad(lastOf(endYear, endMonth))}`]);
        if (months === 12 && m === 4) expect(p?.kind).toBe("financial-year");
      }),
      { numRuns: 300 },
    );
  });

  it("a dash or bullet before a period label ('– 31st December 2020', '• Q1 2023/24') reads as the label; a minus sign on a year does not", () => {
    fc.assert(
      fc.property(periodLabelForLead, fc.constantFrom("- ", "– ", "— ", "• ", "* "), (label, lead) => {
        expect(parsePeriod(`${lead}${label}`)).toEqual(parsePeriod(label));
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2099 }), (y) => expect(parsePeriod(`-${y}`)).toBeNull()), { numRuns: 100 });
  });

  it("'By n months' is dated n months after any plan start", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 36526, max: 73050 }), (n, serial) => {
        const planStart = excelSerialToIso(serial) as string;
        const h = parseMilestoneHeading(`By ${n} months`, { planStart });
        expect(h?.role).toBe("target");
        expect(h?.period?.kind).toBe("relative-months");
        expect(compareIso(planStart, h?.period?.end as string)).toBe(-1);
        wellFormedPeriod(h?.period);
      }),
      { numRuns: 300 },
    );
  });

  it("a date serial under a month-and-year format is the month holding that day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), fc.constantFrom("mmm-yy", "mmmm yyyy", "[$-809]mmm yyyy"), (serial, numberFormat) => {
        const day = excelSerialToIso(serial) as string;
        const p = parsePeriodCell({ text: "", value: serial, numberFormat });
        expect(p?.kind).toBe("month");
        expect(p?.start).toBe(`${day.slice(0, 8)}01`);
        expect(compareIso(day, p?.end as string)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
