// The quick look at an id ("CR-123456") must say what the full reading of the text says: codeToken answers "code"
// only where textKind does, in any font and colours, on generated near-misses and on every text of the corpus.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { codeToken, textKind } from "../../src/core/recognise/cellKinds";
import { idWithoutPeriod, parsePeriod, parsePeriodCell, type PeriodContext } from "../../src/core/periods";

/** Letters an id may open with, and the words every reading before the code test knows (statuses, missing figures, periods, trends). */
const LEADS = [
  "CR", "REF", "LPI", "KPI", "PI", "NI", "BV", "HR", "ID", "No", "Nr", "Num", "x", "c", "X", "C", "nk", "NK", "dnr", "supp", "z",
  "g", "G", "a", "A", "r", "R", "y", "Y", "b", "B", "n", "N", "t", "T", "na", "NA", "Na", "nA", "n", "tbc", "TBC", "tbd", "tba", "TBA", "pending", "Pending", "unknown",
  "green", "Green", "GREEN", "amber", "Amber", "red", "Red", "RED", "blue", "Blue", "grey", "Grey", "gray", "GRAY", "yellow", "orange", "met", "ahead", "behind",
  "up", "Up", "down", "flat", "same", "level", "better", "worse", "rise", "fell", "drop",
  "jan", "Jan", "JAN", "feb", "mar", "Mar", "apr", "may", "May", "jun", "jul", "aug", "sep", "Sept", "oct", "nov", "dec", "Dec", "DEC",
  "q", "Q", "qtr", "QTR", "fy", "FY", "ay", "AY", "ht", "HT", "yr", "YR", "year", "Year", "week", "Week", "wk", "month", "p", "P", "sy", "SY", "ks", "KS",
  "higher", "lower", "more", "less", "pct", "per", "baseline", "due", "to", "not", "year",
  "quarter", "Quarter", "cy", "CY", "calendar", "autumn", "Autumn", "spring", "summer", "SUMMER", "term", "academic", "fiscal", "financial", "f", "w", "we", "wc",
  "january", "June", "july", "sept", "September", "as", "at", "end", "by", "within", "months", "mths", "yrs", "years", "rolling", "st", "nd", "th",
];
const SEPARATORS = ["", "", "-", "_", ".", "/", " ", ":", "–", "(", ",", "'"];

const lead = fc.oneof(fc.constantFrom(...LEADS), fc.stringMatching(/^[A-Za-z]{1,9}$/));
const digits = fc.oneof(fc.integer({ min: 0, max: 999_999_999 }).map(String), fc.stringMatching(/^\d{1,10}$/), fc.constantFrom("1", "19", "20", "2019", "2024", "24", "2019/20", "12", "0"));
const tail = fc.oneof(fc.constant(""), fc.constantFrom("a", "b", "A", "Z", "st", "th", "%", ".", "x"), fc.stringMatching(/^[A-Za-z]{1,2}$/));
/** Texts shaped like ids, and like the words and periods around them. */
const idLike = fc.tuple(lead, fc.constantFrom(...SEPARATORS), digits, tail).map(([l, s, d, t]) => `${l}${s}${d}${t}`);
const anyText = fc.oneof(idLike, idLike, fc.string({ maxLength: 20 }), fc.stringMatching(/^[A-Za-z0-9_./ -]{1,20}$/));

/** Every lead word with every separator, a few digit runs and endings: the ids and near-misses the pool can make. */
function everyCombination(): string[] {
  const out: string[] = [];
  for (const l of LEADS) for (const sep of new Set(SEPARATORS)) for (const d of ["1", "3", "12", "19", "24", "2019", "12020", "123456"]) for (const t of ["", "a", "Z"]) out.push(`${l}${sep}${d}${t}`);
  return out;
}

/** Looks a cell may have: the sheet's own, a symbol font, a coloured font or fill. */
const LOOKS: [string | null, string | null, string | null][] = [
  [null, null, null],
  ["Calibri", "000000", null],
  ["Wingdings", "FF0000", "00B050"],
  ["Wingdings 3", null, "FFC000"],
  ["Webdings", "00B050", null],
];

function agrees(text: string): boolean {
  const quick = codeToken(text);
  return quick === null || LOOKS.every(([font, colour, fill]) => textKind(text, font, colour, fill) === quick);
}

/** Contexts a period is read in: none, and each of the context's settings. */
const CONTEXTS: (PeriodContext | undefined)[] = [
  undefined,
  { yearStart: "2023-04-01", planStart: "2022-09-01", financialYearStartMonth: 4 },
  { yearPairKind: "financial-year", financialYearStartMonth: 1, yearStart: "2024-01-01" },
];

/** An id that no period rule reads: parsePeriod finds no period in it, in any context. */
function noPeriodAgrees(text: string): boolean {
  return !idWithoutPeriod(text) || CONTEXTS.every((ctx) => parsePeriod(text, ctx) === null && parsePeriodCell({ text, value: text, numberFormat: "General" }, ctx) === null);
}

/** Every text cell of the corpus tables. */
function corpusTexts(): string[] {
  const dir = join(__dirname, "..", "corpus", "tables");
  const texts = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") texts.add(v.trim());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    const entry = JSON.parse(readFileSync(join(dir, f), "utf8")) as { sheets?: { rows?: unknown }[] };
    for (const sheet of entry.sheets ?? []) walk(sheet.rows);
  }
  return [...texts].filter((t) => t !== "");
}

describe("idWithoutPeriod: an id no period rule reads", () => {
  it("finds no period where parsePeriod finds one, on generated ids and near-misses", () => {
    fc.assert(fc.property(anyText, (t) => noPeriodAgrees(t)), { numRuns: 20_000 });
  });

  it("finds no period where parsePeriod finds one, on every combination of the pool's words, marks and digits", () => {
    expect(everyCombination().filter((t) => !noPeriodAgrees(t))).toEqual([]);
  });

  it("finds no period where parsePeriod finds one, on every text of the corpus", () => {
    const texts = corpusTexts();
    expect(texts.filter((t) => idWithoutPeriod(t)).length).toBeGreaterThan(100);
    expect(texts.filter((t) => !noPeriodAgrees(t))).toEqual([]);
  });

  it("passes over ids and leaves period-shaped tokens to the rules", () => {
    for (const id of ["CR-123456", "REF-10234", "LPI0538", "KPI_12"]) expect(idWithoutPeriod(id)).toBe(true);
    for (const t of ["Q12020", "FY24", "HT3", "Autumn1", "SY2023", "CY2022", "Year2022", "Jan-24", "Sept2023", "2019/20", "Case 12"]) expect(idWithoutPeriod(t)).toBe(false);
    expect(parsePeriod("Q12020")?.kind).toBe("quarter");
    expect(parsePeriod("Year2022")?.kind).toBe("year");
  });
});

describe("codeToken: the quick look at an id", () => {
  it("answers as the full reading does on generated ids and near-misses", () => {
    fc.assert(fc.property(anyText, (t) => agrees(t)), { numRuns: 20_000 });
  });

  it("answers as the full reading does on every combination of the pool's words, marks and digits", () => {
    expect(everyCombination().filter((t) => !agrees(t))).toEqual([]);
  });

  it("answers as the full reading does on every text of the corpus", () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(4_000);
    // The quick look answers for some of them (the corpus's references), and agrees on all.
    expect(texts.filter((t) => codeToken(t) !== null).length).toBeGreaterThan(100);
    expect(texts.filter((t) => !agrees(t))).toEqual([]);
  });

  it("knows ids at a glance, and leaves the words the readings know to them", () => {
    for (const id of ["CR-123456", "REF-10234", "LPI0538", "KPI_12", "HR-3", "BV12a", "NI.117"]) expect(codeToken(id)).toBe("code");
    // A status, a missing figure or a period before the digits: the full reading decides.
    for (const t of ["Red-1", "NA-12", "TBC.3", "Dec-23", "Case 1234", "12345"]) expect(codeToken(t)).toBeNull();
    expect(textKind("Red-1", null, null, null)).toBe("status");
    expect(textKind("NA-12", null, null, null)).toBe("missing");
    expect(textKind("Dec-23", null, null, null)).toBe("period");
  });
});
