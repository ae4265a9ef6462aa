// The other word lists recognition and assessment weigh, beside the heading phrases and the polarity wording: each
// list's alternatives, one record per alternative, and how a cell's text is read before the alternative is tried
// (as the code that uses the list reads it): status, trend, stated polarity, missing-value, volume, unit, comparator,
// trend-in-words, measure, milestone heading, row label and title words. Recorded by `npm run words:met` (scripts/words/phrasesMet.ts) in the
// JSON file named here, held by tests/engine/phrasesMet.test.ts. Most weighed first.
import { join } from "node:path";
import { WORDS as STATUS_WORDS, SYMBOLS as STATUS_SYMBOLS } from "../../src/core/stated/status";
import { WORDS as TREND_WORDS, UP, DOWN, FLAT } from "../../src/core/stated/trend";
import { READINGS, RANKED } from "../../src/core/stated/trendWords";
import { POLARITY_CELL, MEASURE_LOWER, MEASURE_HIGHER, LEADING_LOWER, LEADING_HIGHER, TARGET_LOWER, TARGET_HIGHER } from "../../src/core/stated/polarity";
import { NOT_APPLICABLE, NOT_YET_DUE, TO_BE_CONFIRMED, BASELINE_PENDING, SUPPRESSED } from "../../src/core/figures/missing-phrases";
import { VOLUME_TAG, VOLUME_COUNT, VOLUME_NOUN } from "../../src/core/assess/polarity";
import { UNIT_WORDS } from "../../src/core/figures/unitWords";
import { COMPARATOR } from "../../src/core/recognise/comparatorRows";
import { COMPARATOR_NOUN } from "../../src/core/figures/relative-target";
import { MEASURE_WORDS, KPI_TITLE } from "../../src/core/recognise/findTables";
import {
  FINAL_TARGET,
  BASELINE,
  TARGET,
  ACTUAL_STRONG,
  ESTIMATE,
  ACTUAL_WEAK,
  NOT_A_MILESTONE,
  NOT_A_MILESTONE_FIGURE,
  DATE_COLUMN,
} from "../../src/core/periods/milestone-heading";
import { normaliseLower, normaliseText } from "../../src/core/periods/normalise";
import { ACTUAL_TYPE, TARGET_LABEL } from "../../src/core/recognise/rowLabels";
import { FREQUENCY_WORD } from "../../src/core/recognise/rowDraft";
import { CAPTION_WORDS, REPORT_WORDS } from "../../src/core/recognise/titles";
import { ARROW, JUDGEMENT } from "../../src/core/recognise/legend";
import { normaliseWords } from "../../src/core/stated/words";
import { SCHOOLING, FIGURE_FORM } from "../../src/core/recognise/findTables";
import { ABBREVIATIONS, NAME_QUICK, PERIOD_COL, headingWords, norm, withoutFootnote } from "../../src/core/recognise/headers";
import { RANGE, UNIT_WORD, VALUE, tokens } from "../../src/core/figures/several-values";
import { AFTER_UNIT, LABEL_WORDS, LEAD_IN as SENTENCE_LEAD_IN, OPERATORS, labelBefore, matchFirstNumber, readNumberText, wordsBefore } from "../../src/core/figures/number-text";
import { MONTH_NAME } from "../../src/core/periods/months";
import { AY_WORD, FY_WORD, PERIOD_LEAD, parsePeriod } from "../../src/core/periods/parse-period";
import { LEAD_IN as PERIOD_LEAD_IN, findPeriods } from "../../src/core/periods/find-periods";
import { TABLES as SYMBOL_FONTS, fontByte } from "../../src/core/stated/symbolFonts";
import type { BracketedWords } from "../../src/core/stated/brackets";

const ROOT = join(__dirname, "..", "..");

/** One word list: where its records are kept, its alternatives by key, and the readings of a cell they are tried on. */
export interface WordList {
  name: string;
  file: string;
  /** The list's patterns, each with its label (what a match says: "green", "up", "not-applicable"). */
  sources: () => [RegExp, string][];
  /** The texts the list's patterns are tried on, from a cell's text (and its font, for the symbol-font glyphs). */
  readings: (text: string, font?: string) => string[];
}

/** Indices of the "|" at depth 0 of a pattern's source (outside groups and character classes). */
export function topLevelBars(src: string): number[] {
  const out: number[] = [];
  let depth = 0, inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) out.push(i);
  }
  return out;
}

function splitAt(src: string, bars: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const b of bars) {
    out.push(src.slice(from, b));
    from = b + 1;
  }
  out.push(src.slice(from));
  return out;
}

/** The groups at depth 0 that are not look-arounds: [its "(", the start of its body, its ")"]. */
function topGroups(src: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let depth = 0, inClass = false, open = -1, body = -1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      if (depth === 0) {
        open = /^\(\?(?:[=!]|<[=!])/.test(src.slice(i, i + 4)) ? -1 : i;
        body = src.startsWith("(?:", i) ? i + 3 : i + 1;
      }
      depth++;
    } else if (ch === ")") {
      depth--;
      if (depth === 0 && open >= 0) out.push([open, body, i]);
    }
  }
  return out;
}

/**
 * A pattern's alternatives, each a pattern of its own: split at the top-level "|", and a branch whose first
 * unquantified group holds alternatives (`^(?:the )?(?:green|on target)$`) split inside that group, one level:
 * `^(?:the )?(?:green)$`, `^(?:the )?(?:on target)$`.
 */
export function expandAlternatives(source: string): string[] {
  return splitAt(source, topLevelBars(source)).flatMap((alt) => {
    for (const [open, body, close] of topGroups(alt)) {
      const inner = alt.slice(body, close);
      const bars = topLevelBars(inner);
      if (!bars.length || /^[?*+{]/.test(alt.slice(close + 1))) continue;
      return splitAt(inner, bars).map((b) => `${alt.slice(0, open)}(?:${b})${alt.slice(close + 1)}`);
    }
    return [alt];
  });
}

/** The list's alternatives, keyed "<label>: <alternative>". */
export function wordsOf(list: WordList): Map<string, RegExp> {
  const lists = list.sources();
  const out = new Map<string, RegExp>();
  for (const [re, label] of lists) {
    for (const alt of expandAlternatives(re.source)) out.set(`${label}: ${alt}`, new RegExp(alt, re.flags.replace("g", "")));
  }
  return out;
}

/** A bracketed statement's three patterns, labelled. */
function bracketed(words: BracketedWords, side: string): [RegExp, string][] {
  return [[words.inside, `${side} (inside brackets)`], [words.whole, `${side} (a whole bracket)`], [words.plain, side]];
}

/** The cell's words as the stated readers take them, and each bracket's inside ("(minimise)" -> "minimise"). */
function wordsAndBrackets(text: string): string[] {
  const t = normaliseWords(text);
  const inside = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].trim());
  return [t, ...inside];
}

const trimmed = (text: string) => [text.trim()];

/** As isComparatorName reads a row's name: footnote marks and trailing punctuation off, spaces single. */
const comparatorName = (text: string) => [text.trim().replace(/[*†‡¹²³]+$/u, "").replace(/[\s.:;,]+$/, "").replace(/\s+/g, " ")];

function label(reading: { direction?: string | null; judgement?: string | null }): string {
  return [reading.direction, reading.judgement].filter(Boolean).join("/");
}

const file = (path: string) => join(ROOT, path);

/** A word or string as a pattern source matching it exactly (regular-expression characters escaped). */
const exactly = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The first number's text after it, as readNumberText reads its unit ("12 weeks" -> " weeks"); none in a sentence. */
function afterNumber(text: string): string[] {
  const m = matchFirstNumber(text);
  return m && !readNumberText(text).sentence ? [text.slice(m.end)] : [];
}

/** The words before the first number (what OPERATORS are tried on). */
function beforeNumber(text: string): string[] {
  const m = matchFirstNumber(text);
  return m && m.start > 0 ? [wordsBefore(text.slice(0, m.start))] : [];
}

/** The label before the first number once an operator is off (what LEAD_IN is tried on), and its words (LABEL_WORDS). */
function labelOfNumber(text: string): string[] {
  const m = matchFirstNumber(text);
  const label = m && m.start > 0 ? labelBefore(text.slice(0, m.start)) : "";
  return label ? [label] : [];
}
function labelWordsOfNumber(text: string): string[] {
  return labelOfNumber(text).flatMap((l) => l.split(/\s+/).map((w) => w.replace(/[:.,]$/, "")));
}

/** A unit word straight after a value token, as readSeveralValues reads one ("YR11 - 71 %"). */
function afterValues(text: string): string[] {
  const t = tokens(text);
  return t.filter((_, i) => i > 0 && VALUE.test(t[i - 1]));
}

/** The period labels a cell holds (the whole cell, or written inside its text), lower case, as the parsers read them. */
function periodLabels(text: string): string[] {
  if (text.length > 200) return [];
  const whole = parsePeriod(text);
  const inside = findPeriods(text).map((p) => text.slice(p.from, p.to));
  return [...(whole ? [whole.label] : []), ...inside].map((l) => normaliseLower(l));
}

/**
 * Words that lead into a period: the word before each period found inside the text ("at October 2019"), and the
 * whole cell, lower case, when it is one period label with words before it ("As at 31.12.19").
 */
function periodLeadIns(text: string): string[] {
  if (text.length > 200) return [];
  const before = findPeriods(text).map((p) => /(\S+)\s+$/.exec(text.slice(0, p.from))?.[1] ?? "").filter(Boolean);
  return [...before, ...(parsePeriod(text) ? [normaliseLower(text)] : [])];
}

/** A one-character cell in a symbol font as "<font> <the font's byte>" ("wingdings 3 #"). */
function fontGlyph(text: string, font?: string): string[] {
  const t = text.trim();
  const byte = t.length === 1 ? fontByte(t) : null;
  return font && byte !== null ? [`${font.trim().toLowerCase()} ${String.fromCharCode(byte)}`] : [];
}

/** Each symbol font's glyph characters, one pattern per glyph kind: "^wingdings 3 (?:\x23|\x26|…)$". */
function symbolFontPatterns(): [RegExp, string][] {
  const hex = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
  return Object.entries(SYMBOL_FONTS).flatMap(([font, table]) =>
    Object.entries(table).map(([glyph, chars]): [RegExp, string] => [new RegExp(`^${font} (?:${[...chars!].map(hex).join("|")})$`), `${font} ${glyph}`]),
  );
}

export const WORD_LISTS: WordList[] = [
  {
    name: "status words",
    file: file("src/core/stated/statusWordsMet.json"),
    sources: () => [...STATUS_WORDS.map(([re, rag]): [RegExp, string] => [re, rag]), ...STATUS_SYMBOLS.map(([re, rag]): [RegExp, string] => [re, `symbol ${rag}`])],
    readings: (text) => [normaliseWords(text)],
  },
  {
    name: "trend words",
    file: file("src/core/stated/trendWordsMet.json"),
    sources: () => [...TREND_WORDS.map(([re, r]): [RegExp, string] => [re, label(r)]), [UP, "arrow up"], [DOWN, "arrow down"], [FLAT, "arrow flat"]],
    readings: (text) => [normaliseWords(text), text.trim()],
  },
  {
    name: "stated polarity words",
    file: file("src/core/stated/statedPolarityWordsMet.json"),
    sources: () => [
      ...POLARITY_CELL.map(([re, p]): [RegExp, string] => [re, `cell ${p}`]),
      ...bracketed(MEASURE_LOWER, "measure lower"),
      ...bracketed(MEASURE_HIGHER, "measure higher"),
      [LEADING_LOWER, "measure opens lower"],
      [LEADING_HIGHER, "measure opens higher"],
      [TARGET_LOWER, "target lower"],
      [TARGET_HIGHER, "target higher"],
    ],
    readings: wordsAndBrackets,
  },
  {
    name: "missing-value phrases",
    file: file("src/core/figures/missingPhrasesMet.json"),
    sources: () => [
      [NOT_APPLICABLE, "not-applicable"],
      [NOT_YET_DUE, "not-yet-due"],
      [TO_BE_CONFIRMED, "to-be-confirmed"],
      [BASELINE_PENDING, "baseline pending"],
      [SUPPRESSED, "suppressed"],
    ],
    readings: trimmed,
  },
  {
    name: "volume words",
    file: file("src/core/assess/volumeWordsMet.json"),
    sources: () => [[VOLUME_TAG, "tag"], [VOLUME_COUNT, "count"], [VOLUME_NOUN, "noun"]],
    readings: (text) => [text.toLowerCase().trim()],
  },
  {
    name: "unit words",
    file: file("src/core/figures/unitWordsMet.json"),
    sources: () => UNIT_WORDS.map(([re, unit]): [RegExp, string] => [re, unit]),
    readings: trimmed,
  },
  {
    name: "comparator words",
    file: file("src/core/recognise/comparatorWordsMet.json"),
    sources: () => [[COMPARATOR, "comparator row"], [COMPARATOR_NOUN, "comparator in a target"]],
    readings: comparatorName,
  },
  {
    name: "trend in words",
    file: file("src/core/stated/trendInWordsMet.json"),
    sources: () => [...READINGS, ...RANKED].map(([re, r]): [RegExp, string] => [re, label(r)]),
    readings: trimmed,
  },
  {
    name: "measure words",
    file: file("src/core/recognise/measureWordsMet.json"),
    sources: () => [[MEASURE_WORDS, "measure"], [KPI_TITLE, "kpi title"]],
    readings: trimmed,
  },
  {
    name: "milestone heading words",
    file: file("src/core/periods/milestoneHeadingWordsMet.json"),
    sources: () => [
      [FINAL_TARGET, "final target"],
      [BASELINE, "baseline"],
      [TARGET, "target"],
      [ACTUAL_STRONG, "actual"],
      [ESTIMATE, "estimate"],
      [ACTUAL_WEAK, "actual (weak)"],
      [NOT_A_MILESTONE, "not a milestone"],
      [NOT_A_MILESTONE_FIGURE, "not a milestone figure"],
      [DATE_COLUMN, "date column"],
    ],
    readings: (text) => [normaliseLower(normaliseText(text))],
  },
  {
    name: "row labels",
    file: file("src/core/recognise/rowLabelWordsMet.json"),
    sources: () => [[ACTUAL_TYPE, "actual"], [TARGET_LABEL, "target"], [FREQUENCY_WORD, "frequency"]],
    readings: trimmed,
  },
  {
    name: "title words",
    file: file("src/core/recognise/titleWordsMet.json"),
    sources: () => [[CAPTION_WORDS, "caption"], [REPORT_WORDS, "report title"], [ARROW, "legend arrow"], [JUDGEMENT, "legend judgement"]],
    readings: trimmed,
  },
  // Recorded in session 7.
  {
    name: "schooling words",
    file: file("src/core/recognise/schoolingWordsMet.json"),
    sources: () => [[SCHOOLING, "schooling"]],
    readings: trimmed,
  },
  {
    name: "figure form words",
    file: file("src/core/recognise/figureFormWordsMet.json"),
    sources: () => [[FIGURE_FORM, "figure form"]],
    readings: trimmed,
  },
  {
    name: "name column words",
    file: file("src/core/recognise/nameColumnWordsMet.json"),
    sources: () => [[NAME_QUICK, "may name a column"]],
    // As mayNameColumn reads a cell: 60 characters at most, no digit.
    readings: (text) => (text.length <= 60 && !/\d/.test(text) ? [text] : []),
  },
  {
    name: "period column headings",
    file: file("src/core/recognise/periodColumnWordsMet.json"),
    sources: () => PERIOD_COL.map(([re, q]): [RegExp, string] => [re, `period ${q}`]),
    readings: (text) => [norm(withoutFootnote(text))],
  },
  {
    name: "heading abbreviations",
    file: file("src/core/recognise/headingAbbreviationsMet.json"),
    sources: () => Object.entries(ABBREVIATIONS).map(([short, word]): [RegExp, string] => [new RegExp(`^${exactly(short)}$`), `${word}`]),
    // Each word of a heading as headingTokens reads it, before the abbreviation is expanded (a heading is 160 characters at most).
    readings: (text) => (text.trim().length <= 160 ? headingWords(text) : []),
  },
  {
    name: "units after a number",
    file: file("src/core/figures/unitsAfterNumberMet.json"),
    sources: () => AFTER_UNIT.map(([re, unit]): [RegExp, string] => [re, unit]),
    readings: afterNumber,
  },
  {
    name: "operators before a number",
    file: file("src/core/figures/operatorWordsMet.json"),
    sources: () => OPERATORS.map(([re, op]): [RegExp, string] => [re, op]),
    readings: beforeNumber,
  },
  {
    name: "label words before a number",
    file: file("src/core/figures/labelWordsMet.json"),
    sources: () => [[LABEL_WORDS, "label"]],
    readings: labelWordsOfNumber,
  },
  {
    name: "sentence lead-ins before a number",
    file: file("src/core/figures/sentenceLeadInsMet.json"),
    sources: () => [[SENTENCE_LEAD_IN, "sentence"]],
    readings: labelOfNumber,
  },
  {
    name: "several-values unit words",
    file: file("src/core/figures/severalValuesUnitsMet.json"),
    sources: () => [[UNIT_WORD, "unit after a value"]],
    readings: afterValues,
  },
  {
    name: "ranges written as the figure",
    file: file("src/core/figures/rangesMet.json"),
    sources: () => [[RANGE, "range"]],
    readings: trimmed,
  },
  {
    name: "period words",
    file: file("src/core/periods/periodWordsMet.json"),
    sources: () => [
      [new RegExp(`\\b(?:${MONTH_NAME})\\b`), "month"],
      [new RegExp(`\\b${FY_WORD}`), "financial year"],
      [new RegExp(`\\b${AY_WORD}`), "academic year"],
    ],
    readings: periodLabels,
  },
  {
    name: "period lead-in words",
    file: file("src/core/periods/periodLeadInsMet.json"),
    sources: () => [[PERIOD_LEAD_IN, "inside text"], [PERIOD_LEAD, "before a whole-cell label"]],
    readings: periodLeadIns,
  },
  {
    name: "symbol-font glyphs",
    file: file("src/core/stated/symbolGlyphsMet.json"),
    sources: symbolFontPatterns,
    readings: fontGlyph,
  },
];

/** Whether a cell's text holds the alternative, as the list reads a cell. */
export function listHolds(list: WordList, re: RegExp, text: string, font?: string): boolean {
  return list.readings(text, font).some((t) => re.test(t));
}
