// Each column's role as the best-supported reading of three kinds of evidence, as a reader weighs them:
// what its heading says, what its cells hold, and where it stands. A column of GREEN/AMBER/RED is a status
// whatever its heading; a column of arrows is a trend; the leftmost column of distinct text labels beside
// the figures is the measure even with no heading; a figure column nothing names is the latest when it is
// the only one, or one of a series when several stand together. Every share, strength and length these readings
// weigh is in one table, EVIDENCE, with a line saying what each weighs.
import type { SheetGrid } from "./grid";
import { CellKinds, profileColumn, share, type ColumnProfile } from "./cellKinds";
import { classifyHeading, FIGURE_ROLES, type ColumnRole, type HeaderClass } from "./headers";
import { findPeriods, parsePeriod, parsePeriodCell, type PeriodContext } from "../periods";
import type { Period } from "../types";
import { SIGNED_CHANGE } from "../stated/signedChange";
import { unitFromWord } from "../figures/unitWords";

export interface ColumnInfo {
  col: number;
  /** The heading as a person reads it: top heading, and under a two-level heading the sub-heading ("... / Positive"). */
  label: string;
  cls: HeaderClass | null;
  /** Under a two-level heading: the sub-heading text ("Positive"). */
  sub: string | null;
  /** Set when several columns share one heading merged or written over them (e.g. "Actuals" over three years). */
  spanned?: boolean;
  /** Text standing beside the table (a paragraph running down the rows), not part of any row. */
  aside?: boolean;
}

/** Roles whose columns hold names or words, not figures. */
const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(["ref", "measure", "group", "notes", "owner", "frequency", "unit", "section", "polarity"]);

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A survey answer that is the measure's own figure ("Satisfied (%)", "Agree"), and the answers that break it down. */
const POSITIVE_ANSWER = /^\s*(?:satisfied|agree|positive|yes)\b/i;
const OTHER_ANSWER = /^\s*(?:neither|dissatisfied|disagree|negative|no\b|don'?t know|not applicable|n\/a\b)/i;

/**
 * Every weight the reading of column roles uses, in one table, each with the evidence it weighs. A share is the
 * part of a column's filled cells (in the table's data rows) that show one kind of evidence. A strength (0 to 1)
 * is how firmly a reading holds: a heading's clear words hold at `clearHeading` and above, and a reading weaker
 * than that gives way to what the cells say and where the column stands.
 */
export const EVIDENCE = {
  // How firmly a reading holds.
  /** A heading whose words name its role clearly: what the cells hold does not overrule it. */
  clearHeading: 0.75,
  /** What the cells say outright: RAG words, trend arrows, High/Low, a column of periods. */
  cellsSayOutright: 0.8,
  /** What the cells say less directly: dates beside a figure, codes, a label repeated on every row, names beside codes. */
  cellsSuggest: 0.7,
  /** A reading from the column's place or a near-certain inference: the leftmost names, a group, a list of stages. */
  placeSays: 0.6,
  /** A reading that stands for want of a better one: notes, a heading its figures contradict, the lone figure column. */
  guess: 0.5,
  /** The weakest reading: one of an unnamed series of figures, a weak word beside the column that holds the figure. */
  weakest: 0.4,
  /** A heading that names the latest figure at least this firmly outranks a weaker word ("rate", "%") over another figure. */
  namesLatest: 0.6,
  /** A heading weaker than this ("rate", "%", "total") only leans towards the latest figure. */
  leansLatest: 0.5,

  // Shares of a column's filled cells.
  /** RAG words or symbols: the column is a status, whatever its heading. */
  statusCells: 0.6,
  /** Dates under a heading that names a figure: the date of the figure beside it. */
  dateCells: 0.6,
  /** Trend arrows or words: the column is a trend. */
  trendCells: 0.6,
  /** "High"/"Low" or "Bigger is better": the column says which way is better. */
  polarityCells: 0.7,
  /** Figures below this under a figure heading: the column holds none (a list of stages, "Milestone 1" …). */
  fewFigures: 0.1,
  /** Figures below this: the column holds words, not figures. */
  noFigures: 0.2,
  /** Stage names ("Milestone 3", "Stage 2"): the column lists stages. */
  stageNames: 0.8,
  /** Words under a figure heading: with long, distinct labels, the column names the KPIs. */
  wordCells: 0.7,
  /** Figures under a status or trend heading: the column holds figures, whatever the heading says. */
  figureCells: 0.6,
  /** Figures written with their sign ("+ 106,270", "- 2.9%"): a change column states which way each went. */
  signedFigures: 0.8,
  /** Status or trend cells below this in a column of figures: it is not a status or a trend. */
  fewStatements: 0.2,
  /** Periods below this in a column repeating one word: the word is a label written inline, not a period. */
  fewPeriods: 0.5,
  /** Figures the next column holds for a word repeated on every row to be its heading written inline. */
  inlineFigures: 0.5,
  /** Cells that say the same word before the figure ("Target: 90%"): the word is the column's heading. */
  prefixedCells: 0.6,
  /** Periods ("2020/21", "Apr-23"): the column says when each row's figures are for. */
  periodCells: 0.8,
  /** Words (labels, long text or codes): the column is one of names. */
  labelCells: 0.6,
  /** Cells opening in lower case: the column is running text beside the table, not names. */
  runningText: 0.6,
  /** Codes ("TP01", "1.1.2.PI"): the column is the reference. */
  codeCells: 0.6,
  /** Labels that differ from row to row: the column names each row (rather than a label repeated down the rows). */
  distinctLabels: 0.8,
  /** Text in a column nothing heads, right of the names: notes. */
  noteCells: 0.7,
  /** Figures (numbers, missing marks, errors): the column holds figures. */
  valueCells: 0.5,
  /** Words under a latest heading, a few short ones repeated ("Above", "Inline"): they place each row, the figure is elsewhere. */
  repeatedWordCells: 0.9,

  // Lengths and counts.
  /** Average label length (characters) above which words under a figure heading name KPIs. */
  nameLength: 15,
  /** Average length (characters) from which text nothing heads is notes. */
  noteLength: 30,
  /** Average label length (characters) from which a reference column's words name the KPI itself ("PMF-01: Current rent …"). */
  namedRefLength: 25,
  /** A caption over a block of measures is words: longer than a code ("1.2", "KPI 4") on average. */
  captionLength: 12,
  /** Repeated words that place each row: at least this many rows, at most this many distinct words, this long on average. */
  repeatedWordRows: 4,
  repeatedWordsDistinct: 3,
  repeatedWordLength: 12,
  /** The fewest labels for a column of words to count as names; the fewest cells for a share of stage names. */
  fewestLabels: 2,
  /** The fewest filled cells for a share of running text to count. */
  fewestRunning: 3,
  /** The fewest rows saying one word before the figure, however short the table. */
  fewestPrefixed: 2,
  /** Columns just before a series of periods that are read as its earlier points. */
  seriesLead: 2,

  // Ranking label columns for the measure (most distinct and longest labels, left of the figures).
  /** Each share point of distinct labels. */
  rankDistinct: 2,
  /** Average label length counts up to this many characters … */
  rankLengthCap: 60,
  /** … at one point per this many characters. */
  rankLengthPer: 30,
  /** Each share point of codes counts against. */
  rankCodes: 3,
  /** A heading that names a group counts against. */
  rankGroupHeading: 1.5,
  /** Each share point of sentences (ten words or more, ending in a full stop) counts against: they describe, not name. */
  rankSentences: 2,
  /** The fewest words of a label that is a sentence. */
  sentenceWords: 10,
} as const;
const W = EVIDENCE;

function fromContent(role: ColumnRole, evidence: string, strength: number, extra: Partial<HeaderClass> = {}): HeaderClass {
  return { role, source: "content", words: evidence, strength, ...extra };
}

/** A figure column that nothing names, read by where it stands as one point of the KPI's series of actuals. */
function pointByPosition(c: ColumnInfo, evidence: string): HeaderClass {
  const heading = { label: c.label || `column ${c.col + 1}`, role: "actual" as const, period: null, relativeMonths: null };
  return { role: "time", source: "position", strength: EVIDENCE.weakest, words: evidence, heading };
}

/**
 * Settle every column's role. `columns` arrive with what their headings say (cls may be null); `dataRows` are the
 * table's data rows (section rows included: they are mostly blank in every column but one).
 */
export function resolveColumnRoles(grid: SheetGrid, kinds: CellKinds, columns: ColumnInfo[], dataRows: readonly number[], ctx: PeriodContext): void {
  const profiles = new Map<number, ColumnProfile>();
  for (const c of columns) profiles.set(c.col, profileColumn(grid, kinds, c.col, dataRows));
  const prof = (c: ColumnInfo) => profiles.get(c.col)!;

  const namedToLeft = (c: ColumnInfo) => columns.some((o) => o.col < c.col && o.cls && (o.cls.role === "ref" || o.cls.role === "measure" || o.cls.ambiguousKpi));

  // The table's first column, all words, with figures to its right: the names, whatever its heading says ("Percentage
  // of pupils meeting the expected standard in" over "Reading", "Maths").
  const namesFiguresBeside = (c: ColumnInfo) => c === columns[0] && share(prof(c), "number", "missing", "error") === 0 && columns.some((o) => o.col > c.col && isValueColumn(prof(o)));

  // 1. What the cells say outright: status, trend and polarity words; labels under a heading that names a figure.
  //    (A role the user set is never second-guessed, here or below.)
  for (const c of columns) {
    if (c.cls?.source === "user") continue;
    const p = prof(c);
    if (p.filled === 0) continue;
    const role = c.cls?.role ?? null;
    const status = share(p, "status");
    const trend = share(p, "trend");
    const polarity = share(p, "polarity");
    const values = share(p, "number", "missing", "error");
    const labels = share(p, "label", "long", "code");
    if (status >= W.statusCells && p.filled >= 1 && role !== "rag" && !(role && ["notes", "measure", "ref", "dot"].includes(role))) {
      c.cls = fromContent("rag", `${pct(status)} of its cells are RAG statuses`, W.cellsSayOutright, c.cls?.yesNo ? { yesNo: true } : {});
    } else if (share(p, "period") >= W.dateCells && values < W.noFigures && role && ["latest", "previous", "target", "baseline", "benchmark"].includes(role)) {
      // "Last Available Result" over dates: the date of the figure beside it, not a figure.
      c.cls = fromContent("period", `${pct(share(p, "period"))} of its cells are dates`, W.cellsSuggest, { qualifies: "left" });
    } else if (trend >= W.trendCells && role !== "dot" && role !== "polarity") {
      c.cls = fromContent("dot", `${pct(trend)} of its cells are trend arrows or words`, W.cellsSayOutright);
    } else if (polarity >= W.polarityCells && role !== "polarity" && role !== "dot" && (!role || !FIGURE_ROLES.has(role) || values === 0)) {
      // "Value" over "Bigger is better" on every row: the cells say which way is better, whatever the heading.
      c.cls = fromContent("polarity", `${pct(polarity)} of its cells say High or Low`, W.cellsSayOutright);
    } else if (role && FIGURE_ROLES.has(role) && role !== "time" && values < W.fewFigures && numberedNames(grid, c.col, dataRows) >= W.stageNames) {
      // "Milestone" over "Milestone 1", "Milestone 2" …: the cells name each row's stage; they hold no figures.
      c.cls = fromContent("ignore", 'its cells name stages in turn ("Milestone 1" …), not figures', W.placeSays);
    } else if (
      role === "latest" &&
      c.cls?.source === "heading" &&
      values === 0 &&
      labels >= W.repeatedWordCells &&
      p.labelCells >= W.repeatedWordRows &&
      p.distinctLabels <= W.repeatedWordsDistinct &&
      p.averageLabelLength <= W.repeatedWordLength
    ) {
      // "Current Position" over "Above", "Inline", "Above" …: a few words repeated place each row in a comparison;
      // the figure is elsewhere.
      c.cls = fromContent("ignore", `headed "${c.label}" but its cells are ${p.distinctLabels} words repeated, not figures`, W.placeSays);
    } else if (
      role &&
      (FIGURE_ROLES.has(role) || role === "benchmark" || role === "ignore") &&
      labels >= W.wordCells &&
      values < W.noFigures &&
      (p.averageLabelLength > W.nameLength || namesFiguresBeside(c)) &&
      p.distinctLabels >= W.distinctLabels * p.labelCells &&
      p.labelCells >= W.fewestLabels &&
      (role !== "time" || !namedToLeft(c))
    ) {
      // "End of Key Stage Results" heads the measures, not results; "2024/25" in the corner over the names
      // is the table's year. (Text under a milestone heading beside a reference column is a qualitative milestone.)
      c.cls = null;
    } else if (role === "dot" && values >= W.figureCells && status + trend < W.fewStatements && signedShare(grid, c.col, dataRows) >= W.signedFigures) {
      // "Change" over figures each written with its sign ("+ 106,270", "- 2.9%"): the sheet states which way each went.
      c.cls = { ...c.cls!, words: `${c.cls!.words}; its figures are written with a sign, + or -` };
    } else if (role === "dot" && values >= W.figureCells && status + trend < W.fewStatements && comparedPeriod(c.label, ctx)) {
      // "Short Term DOT against 2016/17 (Q4)" over figures: the figure of the period the trend is judged against.
      const period = comparedPeriod(c.label, ctx)!;
      c.cls = {
        role: "time",
        source: "content",
        strength: W.placeSays,
        words: `the figures of ${period.label}, the period its heading compares against`,
        heading: { label: c.label, role: "actual", period, relativeMonths: null },
      };
    } else if ((role === "rag" || role === "dot") && values >= W.figureCells && status + trend < W.fewStatements) {
      // "Achieved" over figures is the figure achieved; "Change" over figures, a worked-out difference.
      c.cls = (c.cls!.strength ?? 1) < W.clearHeading ? null : fromContent("ignore", `headed as a ${role === "rag" ? "status" : "trend"} but ${pct(values)} of its cells are figures`, W.guess);
    } else if (!c.cls && p.distinctLabels === 1 && p.labelCells >= W.fewestLabels && values === 0 && share(p, "period") < W.fewPeriods) {
      // The same word on every row ("Target:") heads the column to its right, written inline.
      const inline = classifyHeading(grid.rawText(dataRows.find((r) => grid.rawText(r, c.col) !== "")!, c.col), ctx);
      const next = columns.find((n) => n.col === c.col + 1);
      if (inline && next && (FIGURE_ROLES.has(inline.role) || inline.role === "benchmark") && share(prof(next), "number", "missing", "error") >= W.inlineFigures) {
        next.cls = { ...inline, source: "content", words: `each row says "${grid.rawText(dataRows.find((r) => grid.rawText(r, c.col) !== "")!, c.col)}" beside it` };
        c.cls = fromContent("ignore", "a label repeated on every row", W.cellsSuggest);
      }
    }
  }

  // 1b. Figures that name their own role in the cell ("Target: 90%", "Actual - 85%"): the word they share says it.
  for (const c of columns) {
    if (c.cls && (c.cls.source === "user" || (c.cls.source === "heading" && (c.cls.strength ?? 1) >= W.clearHeading))) continue;
    const p = prof(c);
    if (!isValueColumn(p)) continue;
    const prefixes = new Map<string, number>();
    let n = 0;
    for (const r of dataRows) {
      const t = grid.rawText(r, c.col);
      if (!t) continue;
      n++;
      const m = /^([A-Za-z][A-Za-z ]{1,30}?)\s*[:=–-]\s*\S/.exec(t);
      if (m) prefixes.set(m[1].toLowerCase(), (prefixes.get(m[1].toLowerCase()) ?? 0) + 1);
    }
    const [word, count] = [...prefixes.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    if (!word || count < Math.max(W.fewestPrefixed, W.prefixedCells * n)) continue;
    const said = classifyHeading(word, ctx);
    if (said && FIGURE_ROLES.has(said.role) && said.role !== "time") c.cls = { ...said, source: "content", words: `its cells say "${word}:" before the figure` };
  }

  // 1c. A weak word ("rate", "%", "total") heading a figure beside a column the heading names outright as the
  //     figure ("Result 2023", "Current performance") is another figure about the KPI, not its latest.
  const strongLatest = columns.some(
    (c) =>
      (c.cls?.role === "latest" && (c.cls.strength ?? 1) >= W.namesLatest) ||
      (c.cls?.role === "time" && c.cls.heading && c.cls.heading.role !== "target" && c.cls.heading.role !== "final-target" && c.cls.heading.role !== "baseline"),
  );
  if (strongLatest) {
    for (const c of columns) {
      if (c.cls?.role === "latest" && c.cls.source === "heading" && (c.cls.strength ?? 1) < W.leansLatest)
        c.cls = { role: "ignore", source: "heading", strength: W.weakest, words: `"${c.label}" beside the column that holds the figure` };
    }
  }

  // 1c'. A survey's answers side by side ("Satisfied (%) | Neither (%) | Dissatisfied (%) | Don't know (%)"): the
  //      measure's figure is the share that answered yes; the other answers break the responses down.
  const answers = columns.filter((c) => c.cls?.role === "latest" && c.cls.source === "heading" && (POSITIVE_ANSWER.test(c.label) || OTHER_ANSWER.test(c.label)));
  const positive = answers.filter((c) => POSITIVE_ANSWER.test(c.label));
  if (positive.length === 1 && answers.length >= 2 && answers.length === columns.filter((c) => c.cls?.role === "latest").length) {
    for (const c of answers) if (c !== positive[0]) c.cls = { role: "ignore", source: "heading", strength: W.placeSays, words: `"${c.label}" is another answer's share beside "${positive[0].label}"` };
  }

  // 1d. A column of periods ("2020/21", "Apr-23", "Q1 2023/24"), headed as one or not headed at all, says when each
  //     row's figures are for: it names no KPI, however code-like its cells look.
  for (const c of columns) {
    if (c.cls && c.cls.source === "user") continue;
    if (c.cls && !(c.cls.role === "period" && c.cls.qualifies === "left") && (c.cls.strength ?? 1) >= W.clearHeading) continue;
    if (isValueColumn(prof(c))) continue;
    const share = periodShare(grid, c.col, dataRows, ctx, W.periodCells);
    if (share >= W.periodCells) c.cls = fromContent("period", `${pct(share)} of its cells are periods`, W.cellsSayOutright, { qualifies: "left" });
  }

  // 1f. Columns headed as names that say one thing on every row, beside a column naming the rows apart.
  repeatedNameColumns(grid, columns, prof, dataRows);

  // 2. Names: a reference, the measure and a group, from the label columns left of the figures.
  const firstValueCol = columns.find((c) => isValueColumn(prof(c)) && !(c.cls && TEXT_ROLES.has(c.cls.role)))?.col ?? Infinity;
  // 1e. A heading that names the measure ("Description:") over text right of the figures that runs on from row to
  //     row ("Encourage and" / "promote reading of" …) is a paragraph beside the table, not the KPIs' names — where
  //     a column of words nothing heads stands left of the figures to name them.
  for (const c of columns) {
    if (c.cls?.role !== "measure" || c.cls.source !== "heading" || c.col < firstValueCol) continue;
    const names = columns.some((o) => o.col < firstValueCol && !o.cls && share(prof(o), "label", "long") >= W.labelCells);
    if (names && runningTextShare(grid, c.col, dataRows) >= W.runningText) {
      c.cls = fromContent("ignore", "its cells run on from row to row as one text beside the table", W.guess);
      c.aside = true;
    }
  }
  const labelCols = columns.filter((c) => {
    const p = prof(c);
    // A weak heading ("Definition", "Category") gives way to what the column holds and where it stands.
    const weak = !!c.cls && c.cls.source === "heading" && (c.cls.strength ?? 1) < W.clearHeading && c.cls.role !== "time";
    return p.filled > 0 && share(p, "label", "long", "code") >= W.labelCells && (!c.cls || weak || ["ref", "measure", "group", "section"].includes(c.cls.role) || c.cls.ambiguousKpi);
  });
  if (!columns.some((c) => c.cls?.role === "measure" && !c.cls.ambiguousKpi)) {
    // The measure: the label column with the most distinct, longest labels, left of the figures (or the leftmost).
    const named = labelCols.filter((c) => c.cls?.role !== "ref" && c.cls?.role !== "section");
    // Left of the figures as a rule; where every row opens with its figure ("304 | EHC plans issued | …"), wherever it is.
    const leftOfFigures = named.filter((c) => c.col < firstValueCol);
    const candidates = leftOfFigures.length ? leftOfFigures : named;
    const ranked = candidates
      .map((c) => {
        const p = prof(c);
        const distinct = p.labelCells ? p.distinctLabels / p.labelCells : 0;
        const codes = share(p, "code");
        const sentences = sentenceShare(grid, c.col, dataRows);
        return {
          c,
          score:
            distinct * W.rankDistinct +
            Math.min(p.averageLabelLength, W.rankLengthCap) / W.rankLengthPer -
            codes * W.rankCodes -
            sentences * W.rankSentences -
            (c.cls?.role === "group" ? W.rankGroupHeading : 0),
        };
      })
      .sort((a, b) => b.score - a.score);
    const measure = ranked[0];
    if (measure && !measure.c.cls?.ambiguousKpi) {
      const p = prof(measure.c);
      if (share(p, "code") < W.codeCells) {
        measure.c.cls = {
          role: "measure",
          source: measure.c.cls ? "heading" : "position",
          strength: W.placeSays,
          words: `the leftmost column of distinct labels, ${p.distinctLabels} of ${p.labelCells}`,
        };
      }
    }
  }
  // A column headed as the measure that holds codes ("TP01", "1.1.2.PI") beside one of distinct labels ("TSM
  // Indicator | TSM Description", "Measure | TSM"): the codes are the reference, the labels the measure.
  const measureHeaded = columns.filter((c) => c.cls?.role === "measure" && !c.cls.ambiguousKpi && c.cls.source !== "user");
  const codes = measureHeaded.find((c) => share(prof(c), "code") >= W.codeCells);
  if (codes && !columns.some((c) => c.cls?.role === "ref")) {
    const named = (o: ColumnInfo) => o !== codes && o.cls?.source !== "user" && share(prof(o), "label", "long") >= W.labelCells && prof(o).distinctLabels >= W.distinctLabels * prof(o).labelCells;
    const labels = measureHeaded.find(named) ?? columns.find((o) => o.col === codes.col + 1 && (!o.cls || o.cls.role === "notes" || (o.cls.strength ?? 1) < W.clearHeading) && named(o));
    if (labels) {
      codes.cls = fromContent("ref", `${pct(share(prof(codes), "code"))} of its cells are codes`, W.cellsSuggest);
      if (labels.cls?.role !== "measure") labels.cls = fromContent("measure", `its cells name the KPIs the codes beside them stand for`, W.cellsSuggest);
    }
  }
  // "KPI ref and description" over "PMF-01: Current rent collected as a % of rent owed": a reference and its words in
  // one cell name the KPI; with no other column of names, that column is the measure.
  if (!columns.some((c) => c.cls?.role === "measure")) {
    const refs = columns.filter((c) => c.cls?.role === "ref" && c.cls.source === "heading");
    const named = refs.length === 1 ? refs[0] : undefined;
    if (named && share(prof(named), "label", "long") >= W.labelCells && prof(named).averageLabelLength >= W.namedRefLength) {
      named.cls = { ...named.cls!, role: "measure", words: `${named.cls!.words ?? named.label}; its cells name the KPI in words` };
    }
  }
  // "Code | Explanation | 31 March 19 …": the words beside the codes, before the figures, say what each code stands
  // for; with no other column of names, they are the measure, not notes.
  if (!columns.some((c) => c.cls?.role === "measure")) {
    const codes = columns.find((c) => c.cls?.role === "ref" && share(prof(c), "code") >= 0.6);
    const words = codes && columns.find((o) => o.col === codes.col + 1 && o.cls?.role === "notes" && o.col < firstValueCol);
    const p = words ? prof(words) : null;
    if (words && p && share(p, "label", "long") >= 0.6 && p.distinctLabels >= 0.8 * p.labelCells && p.labelCells >= 2) {
      words.cls = fromContent("measure", `its cells name what the codes beside them stand for`, 0.7);
    }
  }
  if (!columns.some((c) => c.cls?.role === "measure")) namesUnderOwnerHeading(columns, prof, firstValueCol);
  const measureCol = columns.find((c) => c.cls?.role === "measure" && !c.cls.ambiguousKpi);
  if (measureCol) captionsOverMeasures(grid, columns, prof, dataRows, measureCol);
  for (const c of labelCols) {
    if (!measureCol || c === measureCol) continue;
    const p = prof(c);
    if (c.cls && !(share(p, "code") >= W.codeCells && c.cls.role === "group")) continue;
    if (share(p, "code") >= W.codeCells && c.col < firstValueCol) {
      if (!columns.some((o) => o.cls?.role === "ref")) c.cls = fromContent("ref", `${pct(share(p, "code"))} of its cells are codes`, W.cellsSuggest);
    } else if (c.col < measureCol.col && p.labelCells > p.distinctLabels && p.distinctLabels >= 2) {
      // One value down every row ("LA_Raw" beside each KPI of an export) files no row apart from another: a
      // property of the whole file, not a group; a heading that names a group still makes it one.
      c.cls = fromContent("group", `a label repeated down the rows (${p.distinctLabels} distinct in ${p.labelCells})`, W.placeSays);
    }
  }

  // 3. Long text with no heading, right of the names: notes.
  for (const c of columns) {
    if (c.cls) continue;
    const p = prof(c);
    if (p.filled > 0 && share(p, "long", "label") >= W.noteCells && p.averageLabelLength >= W.noteLength && measureCol && c.col > measureCol.col) {
      c.cls = fromContent("notes", `${pct(share(p, "long", "label"))} of its cells are text`, W.guess);
    }
  }

  // 4. Figures nothing names. Several under one heading ("Actuals" over three columns) are a series in order; a
  //    lone one beside named figures is the latest when the table has none, else left unread.
  const unnamed = columns.filter((c) => isValueColumn(prof(c)) && (!c.cls || (c.spanned && c.cls.role !== "time" && FIGURE_ROLES.has(c.cls.role))));
  const spannedGroups = new Map<string, ColumnInfo[]>();
  for (const c of unnamed) if (c.spanned && c.cls) spannedGroups.set(c.label, [...(spannedGroups.get(c.label) ?? []), c]);
  for (const group of spannedGroups.values()) {
    if (group.length < 2) continue;
    const role = group[0].cls!.role;
    const headingRole = role === "target" ? "target" : role === "baseline" ? "baseline" : "actual";
    for (const c of group) {
      c.cls = {
        role: "time",
        source: "heading",
        strength: W.placeSays,
        words: `one of ${group.length} columns under "${c.label}"`,
        heading: { label: c.label, role: headingRole, period: null, relativeMonths: null },
      };
    }
  }
  const seriesCols = columns.filter((c) => c.cls?.role === "time" && c.cls.heading && (c.cls.heading.role === "actual" || c.cls.heading.role === "period"));
  const hasLatest = columns.some((c) => c.cls?.role === "latest") || seriesCols.length > 0;
  let stillUnnamed = columns.filter((c) => !c.cls && isValueColumn(prof(c)));
  if (seriesCols.length) {
    // "Year end | Quarter 1 | Quarter 2": an unnamed figure just before a series of periods is its earlier point.
    const firstSeries = seriesCols[0].col;
    for (const c of stillUnnamed.filter((u) => u.col < firstSeries && u.col >= firstSeries - W.seriesLead)) {
      c.cls = pointByPosition(c, "a figure column just before the periods, read as the earlier point of the series");
    }
    stillUnnamed = stillUnnamed.filter((u) => !u.cls);
  }
  if (!hasLatest && stillUnnamed.length === 1) {
    stillUnnamed[0].cls = { role: "latest", source: "position", strength: W.guess, words: "the only figure column nothing else names" };
  } else if (!hasLatest && stillUnnamed.length > 1) {
    for (const c of stillUnnamed) {
      c.cls = pointByPosition(c, "one of several figure columns read left to right as a series");
    }
  }
}

/**
 * "area_code | area_name | period | indicator | measure | unit | value": an export filtered to one area repeats the
 * area (its code and its name) on every row, and a column saying how each figure is written ("Percentage") repeats
 * that. Headed as names, they name no KPI where another column headed as names tells the rows apart: a unit word is
 * the figures' unit (over a Unit column whose words name none), anything else is what the whole export is about.
 */
function repeatedNameColumns(grid: SheetGrid, columns: ColumnInfo[], prof: (c: ColumnInfo) => ColumnProfile, dataRows: readonly number[]): void {
  const named = columns.filter((c) => c.cls?.source === "heading" && (c.cls.role === "measure" || c.cls.role === "ref") && share(prof(c), "label", "long", "code") >= W.labelCells);
  const repeated = (c: ColumnInfo) => prof(c).labelCells >= W.repeatedWordRows && prof(c).distinctLabels === 1;
  if (!named.some((c) => !repeated(c) && prof(c).distinctLabels >= W.fewestLabels)) return;
  for (const c of named.filter(repeated)) {
    const text = grid.rawText(dataRows.find((r) => grid.rawText(r, c.col) !== "")!, c.col);
    const unit = unitFromWord(text);
    if (!unit) {
      c.cls = fromContent("ignore", `"${text}" on every row: what the whole table is about, not a KPI's name`, W.cellsSuggest);
      continue;
    }
    c.cls = fromContent("unit", `"${text}" on every row: how the figures are written`, W.cellsSuggest);
    for (const o of columns) {
      if (o !== c && o.cls?.role === "unit" && !unitFromWord(grid.rawText(dataRows.find((r) => grid.rawText(r, o.col) !== "") ?? dataRows[0], o.col))) {
        o.cls = fromContent("ignore", `headed "${o.label}" but its words name no unit, beside "${text}"`, W.guess);
      }
    }
  }
}

/**
 * "Directorate | Stage 2 complaints received": a heading that elsewhere names who answers for a KPI ("Directorate",
 * "Service") over the table's only column of distinct names, left of the figures, names the rows a reader counts.
 */
function namesUnderOwnerHeading(columns: ColumnInfo[], prof: (c: ColumnInfo) => ColumnProfile, firstValueCol: number): void {
  const names = columns.filter((c) => c.col < firstValueCol && prof(c).filled > 0 && share(prof(c), "label", "long") >= W.labelCells);
  if (names.length !== 1 || (names[0].cls?.role !== "owner" && names[0].cls?.role !== "group") || names[0].cls.source !== "heading") return;
  const p = prof(names[0]);
  if (p.labelCells < W.fewestLabels || p.distinctLabels < W.distinctLabels * p.labelCells) return;
  names[0].cls = {
    role: "measure",
    source: "heading",
    strength: W.placeSays,
    words: `headed "${names[0].label}" over the only column of distinct names beside the figures, ${p.distinctLabels} of ${p.labelCells}`,
  };
}

/** Share of a column's filled cells that are a word and a number ("Milestone 3", "Stage 2"). */
function numberedNames(grid: SheetGrid, col: number, rows: readonly number[]): number {
  let filled = 0;
  let named = 0;
  for (const r of rows) {
    const t = grid.rawText(r, col);
    if (!t) continue;
    filled++;
    if (/^\p{L}[\p{L} ]{2,30}\s*\d{1,3}$/u.test(t)) named++;
  }
  return filled >= W.fewestLabels ? named / filled : 0;
}

/**
 * "KPI | Measure" over "1) % All legal cases concluded | 45% within 90 days", the first cell repeated over the
 * measures it holds: a column headed as the reference whose cells are captions in words, not codes, each standing
 * over several of the measure's distinct labels and every measure label under one caption, heads those measures —
 * it is their group, as a reader takes a caption written over a block of lines.
 */
function captionsOverMeasures(grid: SheetGrid, columns: ColumnInfo[], prof: (c: ColumnInfo) => ColumnProfile, rows: readonly number[], measureCol: ColumnInfo): void {
  for (const c of columns) {
    if (c.col >= measureCol.col || c.cls?.role !== "ref" || c.cls.source !== "heading") continue;
    const p = prof(c);
    if (share(p, "label", "long") < W.labelCells || share(p, "code") >= W.codeCells / 2 || p.averageLabelLength < W.captionLength) continue;
    const captionOf = new Map<string, string>();
    const measuresUnder = new Map<string, Set<string>>();
    let caption = "";
    let nested = true;
    for (const r of rows) {
      caption = grid.rawText(r, c.col).trim() || caption;
      const m = grid.rawText(r, measureCol.col).trim().toLowerCase();
      if (!m || !caption) continue;
      if ((captionOf.get(m) ?? caption) !== caption) nested = false;
      captionOf.set(m, caption);
      measuresUnder.set(caption, (measuresUnder.get(caption) ?? new Set()).add(m));
    }
    if (nested && captionOf.size > measuresUnder.size && [...measuresUnder.values()].some((s) => s.size >= 2)) {
      c.cls = fromContent("group", `a caption in words over ${captionOf.size} measures (${measuresUnder.size} captions)`, W.placeSays);
    }
  }
}

/**
 * Share of a column's filled cells that are periods, when it holds two periods or more and the share reaches
 * `atLeast` (else 0). The filled cells are counted first, so parsing stops as soon as the cells left cannot
 * bring the share up to `atLeast`: a column of data is given up after a few of its cells, not parsed whole.
 */
function periodShare(grid: SheetGrid, col: number, rows: readonly number[], ctx: PeriodContext, atLeast: number): number {
  let filled = 0;
  for (const r of rows) if (grid.raw(r, col).text) filled++;
  let periods = 0;
  let others = 0;
  const seen = new Set<string>();
  for (const r of rows) {
    const cell = grid.raw(r, col);
    if (!cell.text) continue;
    const p = parsePeriodCell({ text: cell.text, value: cell.value, numberFormat: cell.numberFormat }, ctx);
    if (p && p.kind !== "relative-months" && (p.kind !== "unknown" || (!!p.start && !!p.end))) {
      periods++;
      seen.add(`${p.kind}|${p.start}|${p.label}`);
    } else if ((filled - ++others) / filled < atLeast) return 0;
  }
  const share = filled >= 2 && seen.size >= 2 ? periods / filled : 0;
  return share >= atLeast ? share : 0;
}

export function isValueColumn(p: ColumnProfile): boolean {
  return p.filled > 0 && share(p, "number", "missing", "error") >= W.valueCells && p.counts.number + p.counts.error > 0;
}

/** isValueColumn over the column's profile, counting only the kinds it weighs (no labels gathered on the way). */
export function holdsFigures(kinds: CellKinds, col: number, rows: readonly number[]): boolean {
  let empty = 0, number = 0, missing = 0, error = 0;
  for (const r of rows) {
    const k = kinds.kind(r, col);
    if (k === "empty") empty++;
    else if (k === "number") number++;
    else if (k === "missing") missing++;
    else if (k === "error") error++;
  }
  const filled = rows.length - empty;
  return filled > 0 && (number + missing + error) / filled >= W.valueCells && number + error > 0;
}

/** The share of a column's filled cells written with an explicit sign before the figure ("+ 106,270", "-2%"). */
function signedShare(grid: SheetGrid, col: number, rows: readonly number[]): number {
  let filled = 0;
  let signed = 0;
  for (const r of rows) {
    const t = grid.rawText(r, col).trim();
    if (!t) continue;
    filled++;
    if (SIGNED_CHANGE.test(t)) signed++;
  }
  return filled ? signed / filled : 0;
}

/** The share of a column's filled cells that are sentences: ten words or more ending in a full stop ("To deliver a maximum wait of 18 weeks … for at least 90% of patients."). */
function sentenceShare(grid: SheetGrid, col: number, rows: readonly number[]): number {
  let filled = 0;
  let sentences = 0;
  for (const r of rows) {
    const t = grid.rawText(r, col).trim();
    if (!t) continue;
    filled++;
    if (/\.$/.test(t) && t.split(/\s+/).length >= W.sentenceWords) sentences++;
  }
  return filled ? sentences / filled : 0;
}

/** The share of a column's filled cells (three or more) that carry on a sentence begun above: they open in lower case. */
function runningTextShare(grid: SheetGrid, col: number, rows: readonly number[]): number {
  let filled = 0;
  let running = 0;
  for (const r of rows) {
    const t = grid.rawText(r, col).trim();
    if (!/\p{L}/u.test(t)) continue;
    filled++;
    if (/^\p{Ll}/u.test(t)) running++;
  }
  return filled >= W.fewestRunning ? running / filled : 0;
}

/**
 * The period a trend heading compares against ("DOT against 2016/17 (Q4)", "Change since Q1 2016/17"): a dated period
 * named after "against", "since" or "compared with" — a quarter written apart from its year read with it.
 */
function comparedPeriod(label: string, ctx: PeriodContext): Period | null {
  const m = /\b(?:against|since|compared (?:to|with)|vs\.?)\s+(.+)$/i.exec(label);
  if (!m) return null;
  const found = findPeriods(m[1], ctx, { years: true }).map((f) => f.period);
  const dated = found.filter((p) => p.start && p.end);
  // A quarter or month written without its year ("(Q4)") takes the year named beside it, not the table's.
  const part = found.find((p) => (p.kind === "quarter" || p.kind === "month") && !/\d{2}\s*[/-]\s*\d{2}|\d{4}/.test(p.label));
  const year = dated.find((p) => ["year", "financial-year", "academic-year"].includes(p.kind));
  if (part && year) {
    const within = parsePeriod(`${part.label} ${year.label}`, ctx);
    if (within?.start && within.end) return within;
  }
  return dated.length === 1 ? dated[0] : null;
}
