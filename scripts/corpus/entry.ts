// The shape of a corpus entry (tests/corpus/tables/<id>.json; see tests/corpus/README.md), and a
// check that an entry is well formed before anything is built or scored from it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Unit } from "../../src/core/types";

export type CorpusCell =
  | string
  | number
  | boolean
  | null
  | {
      v?: string | number | boolean | null;
      date?: string;
      error?: string;
      fmt?: string;
      fill?: string;
      color?: string;
      font?: string;
      bold?: boolean;
      italic?: boolean;
      wrap?: boolean;
    };

export interface CorpusSheet {
  name: string;
  rows: CorpusCell[][];
  merges?: string[];
  widths?: Record<string, number>;
  /** Ranges kept as Excel tables (ListObjects): the range's first row is the table's header row. */
  tables?: CorpusTable[];
}

export interface CorpusTable {
  name: string;
  /** A1 range, e.g. "A3:F20". */
  ref: string;
  /** Table style name; TableStyleMedium2 (Excel's default) when absent. */
  style?: string;
}

export type Sector = "council" | "nhs" | "police" | "fire" | "housing" | "school" | "send" | "other";

export interface ExpectedKpi {
  sheet: string;
  row: number;
  /** The column of the measure cell, where KPIs share one row (periods down the rows: measures as headings). */
  col?: string;
  measure: string;
  group?: string | null;
  latest?: number | null;
  previous?: number | null;
  target?: number | null;
  polarity?: "higher-is-better" | "lower-is-better";
  statedRag?: "green" | "amber" | "red" | "blue" | "grey";
  statedTrend?: "up" | "down" | "flat" | "improving" | "worsening" | "no-change";
  dot?: "up" | "down" | "flat";
  /** The RAG our rules should give, where it differs from statedRag's use as the expectation (rarely needed). */
  rag?: "green" | "amber" | "red" | "blue" | "grey";
  baseline?: number | null;
  unit?: Unit | null;
  /** For a rate: the base it is per (100, 1000 …); null for a figure that is not a rate. */
  ratePer?: number | null;
  /** The workbook's own commentary for the KPI. */
  notes?: string | null;
  milestones?: ExpectedMilestone[];
  /** Other rows (period sheets, long-format rows) the same KPI is kept in. */
  also?: { sheet: string; row: number; col?: string }[];
}

/** A staged milestone as the publisher states it: the month it falls due, its target and its actual. */
export interface ExpectedMilestone {
  due: string;
  target?: number | null;
  actual?: number | null;
}

/** The score an entry had when first scanned, before any change made for it (counts, so they can be summed). */
export interface FirstScore {
  found: number;
  expected: number;
  returned: number;
  returnedMatching: number;
  fieldsRight: number;
  fieldsScored: number;
  /** The git commit of the engine that scanned it (with "+changes" when its src/ differed from the commit). */
  engine: string;
  date: string;
}

export interface CorpusEntry {
  id: string;
  source: { publisher: string; sector: Sector; title: string; date: string; url: string; notes?: string };
  asOf: string;
  /** The month (YYYY-MM) a reader would take as the reporting date when the publisher's period end differs from asOf. */
  inferredAsOf?: string;
  firstScore?: FirstScore;
  sheets: CorpusSheet[];
  expected: ExpectedKpi[];
}

export const CORPUS_DIR = join(__dirname, "..", "..", "tests", "corpus");
export const TABLES_DIR = join(CORPUS_DIR, "tables");
export const XLSX_DIR = join(CORPUS_DIR, "xlsx");

const SECTORS = new Set(["council", "nhs", "police", "fire", "housing", "school", "send", "other"]);
const RAGS = new Set(["green", "amber", "red", "blue", "grey"]);
const TRENDS = new Set(["up", "down", "flat", "improving", "worsening", "no-change"]);
const FIELDS = new Set([
  "sheet", "row", "col", "measure", "group", "latest", "previous", "target", "polarity", "statedRag", "statedTrend", "dot",
  "rag", "baseline", "unit", "ratePer", "notes", "milestones", "also",
]);
const UNITS = new Set(["percent", "count", "weeks", "days", "hours", "months", "currency", "ratio", "rate", "score", "text"]);
const FIRST_SCORE_COUNTS = ["found", "expected", "returned", "returnedMatching", "fieldsRight", "fieldsScored"] as const;
const isNumberOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

/** The text a cell shows in the entry (for checking an expected measure against its row). */
export function cellText(cell: CorpusCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "object") return String(cell);
  if (cell.v !== undefined && cell.v !== null) return String(cell.v);
  return "";
}

/** "Sheet!row 5", or "Sheet!B5" where a column is named. */
const placeName = (p: { sheet: string; row: number; col?: string }) => (p.col ? `${p.sheet}!${p.col}${p.row}` : `${p.sheet}!row ${p.row}`);

/** 1 for A, 27 for AA. */
function columnNumber(col: string): number {
  return [...col.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Problems with an entry, in words; empty when it is well formed. */
export function entryProblems(e: CorpusEntry, file: string): string[] {
  const p: string[] = [];
  const say = (m: string) => p.push(`${file}: ${m}`);
  if (`${e.id}.json` !== file) say(`id "${e.id}" does not match the file name`);
  if (!e.source?.publisher || !e.source.title || !e.source.url || !e.source.date) say("source needs publisher, title, date and url");
  if (!SECTORS.has(e.source?.sector)) say(`sector "${e.source?.sector}" is not one of ${[...SECTORS].join(", ")}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.asOf ?? "")) say("asOf must be YYYY-MM-DD");
  if (!Array.isArray(e.sheets) || e.sheets.length === 0) say("no sheets");
  if (!Array.isArray(e.expected) || e.expected.length === 0) say("no expected KPIs");
  for (const m of tableProblems(e.sheets ?? [])) say(m);
  const seen = new Set<string>();
  const primary = new Set((e.expected ?? []).map((k) => placeName(k)));
  for (const a of (e.expected ?? []).flatMap((k) => k.also ?? [])) {
    const at = placeName(a);
    if (primary.has(at) || seen.has(`also ${at}`)) say(`${at}: named by "also" of one KPI and by another KPI`);
    seen.add(`also ${at}`);
  }
  for (const k of e.expected ?? []) {
    const where = placeName(k);
    for (const f of Object.keys(k)) if (!FIELDS.has(f)) say(`${where}: unknown field "${f}"`);
    if (seen.has(where)) say(`${where}: listed twice`);
    seen.add(where);
    const sheet = e.sheets?.find((s) => s.name === k.sheet);
    if (!sheet) {
      say(`${where}: no such sheet`);
      continue;
    }
    const row = sheet.rows[k.row - 1];
    if (!row) say(`${where}: the sheet has no such row`);
    else if (k.col !== undefined && !/^[A-Z]{1,3}$/.test(k.col)) say(`${where}: col must be a column letter`);
    else if (k.col !== undefined && cellText(row[columnNumber(k.col) - 1]).trim() !== k.measure.trim()) say(`${where}: the cell does not read "${k.measure}"`);
    else if (!row.some((c) => cellText(c).trim() === k.measure.trim())) say(`${where}: no cell in the row reads "${k.measure}"`);
    if (k.statedRag !== undefined && !RAGS.has(k.statedRag)) say(`${where}: statedRag "${k.statedRag}"`);
    if (k.statedTrend !== undefined && !TRENDS.has(k.statedTrend)) say(`${where}: statedTrend "${k.statedTrend}"`);
    if (k.polarity !== undefined && k.polarity !== "higher-is-better" && k.polarity !== "lower-is-better") say(`${where}: polarity "${k.polarity}"`);
    for (const f of ["latest", "previous", "target", "baseline"] as const) {
      if (k[f] !== undefined && !isNumberOrNull(k[f])) say(`${where}: ${f} must be a number or null`);
    }
    for (const m of scoredFieldProblems(k, e)) say(`${where}: ${m}`);
  }
  if (e.inferredAsOf !== undefined && !/^\d{4}-\d{2}$/.test(e.inferredAsOf)) say("inferredAsOf must be YYYY-MM");
  if (e.firstScore !== undefined) for (const m of firstScoreProblems(e.firstScore)) say(`firstScore: ${m}`);
  return p;
}

/** Problems with the fields added for scoring the board's view (rag, unit, milestones, other rows). */
function scoredFieldProblems(k: ExpectedKpi, e: CorpusEntry): string[] {
  const p: string[] = [];
  if (k.rag !== undefined && !RAGS.has(k.rag)) p.push(`rag "${k.rag}"`);
  if (k.unit !== undefined && k.unit !== null && !UNITS.has(k.unit)) p.push(`unit "${k.unit}" is not one of ${[...UNITS].join(", ")}`);
  if (k.ratePer !== undefined && k.ratePer !== null && !(typeof k.ratePer === "number" && k.ratePer > 0)) p.push("ratePer must be a positive number or null");
  if (k.notes !== undefined && k.notes !== null && typeof k.notes !== "string") p.push("notes must be text or null");
  if (k.milestones !== undefined) {
    if (!Array.isArray(k.milestones)) p.push("milestones must be a list");
    const months = new Set<string>();
    for (const m of Array.isArray(k.milestones) ? k.milestones : []) {
      if (!/^\d{4}-\d{2}$/.test(m?.due ?? "")) p.push(`milestone due "${m?.due}" must be YYYY-MM`);
      if (months.has(m.due)) p.push(`two milestones due ${m.due}`);
      months.add(m.due);
      for (const f of ["target", "actual"] as const) if (m[f] !== undefined && !isNumberOrNull(m[f])) p.push(`milestone ${m.due} ${f} must be a number or null`);
      for (const f of Object.keys(m)) if (!["due", "target", "actual"].includes(f)) p.push(`milestone ${m.due}: unknown field "${f}"`);
    }
  }
  for (const a of k.also ?? []) {
    const row = e.sheets?.find((s) => s.name === a.sheet)?.rows[a.row - 1];
    const cells = a.col ? [row?.[columnNumber(a.col) - 1]] : (row ?? []);
    if (!cells.some((c) => cellText(c).trim() !== "")) p.push(`also ${placeName(a)}: no such row or cell, or it is blank`);
    if (placeName(a) === placeName(k)) p.push("also names the KPI's own place");
  }
  return p;
}

function firstScoreProblems(f: FirstScore): string[] {
  const p: string[] = [];
  for (const c of FIRST_SCORE_COUNTS) if (!Number.isInteger(f[c]) || f[c] < 0) p.push(`${c} must be a count`);
  if (typeof f.engine !== "string" || !/^[0-9a-f]{7,40}/.test(f.engine)) p.push("engine must be a git commit");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date ?? "")) p.push("date must be YYYY-MM-DD");
  return p;
}

const A1_RANGE = /^([A-Z]{1,3})([1-9]\d*):([A-Z]{1,3})([1-9]\d*)$/;

/** Column letters to a 1-based index ("A" 1, "AA" 27). */
export function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** A table's range as 1-based row and column bounds, or null when it is not an A1 range. */
export function tableBounds(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = A1_RANGE.exec(ref);
  if (!m) return null;
  return { left: columnIndex(m[1]), top: Number(m[2]), right: columnIndex(m[3]), bottom: Number(m[4]) };
}

/** Problems with the sheets' Excel tables: a valid range on the sheet, a header row of distinct texts, unique names. */
function tableProblems(sheets: CorpusSheet[]): string[] {
  const p: string[] = [];
  const names = new Set<string>();
  for (const s of sheets) {
    for (const t of s.tables ?? []) {
      const where = `${s.name}: table "${t.name}"`;
      if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(t.name ?? "")) p.push(`${where}: name must start with a letter or _ and hold letters, digits, _ or .`);
      if (names.has((t.name ?? "").toLowerCase())) p.push(`${where}: name used twice in the workbook`);
      names.add((t.name ?? "").toLowerCase());
      const b = tableBounds(t.ref ?? "");
      if (!b || b.bottom <= b.top || b.right < b.left) {
        p.push(`${where}: ref "${t.ref}" must be an A1 range of a header row and at least one row`);
        continue;
      }
      if (b.bottom > s.rows.length) p.push(`${where}: ref "${t.ref}" runs past the sheet's last row`);
      const header = (s.rows[b.top - 1] ?? []).slice(b.left - 1, b.right).map((c) => cellText(c).trim());
      while (header.length < b.right - b.left + 1) header.push("");
      if (header.some((h) => h === "")) p.push(`${where}: every header cell must hold text`);
      if (new Set(header.map((h) => h.toLowerCase())).size !== header.length) p.push(`${where}: header texts must be distinct`);
    }
  }
  return p;
}

/** Every entry, in file-name order. Throws with every problem found when any entry is malformed. */
export function loadEntries(dir = TABLES_DIR): CorpusEntry[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const entries: CorpusEntry[] = [];
  const problems: string[] = [];
  for (const f of files) {
    let e: CorpusEntry;
    try {
      e = JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusEntry;
    } catch (err) {
      problems.push(`${f}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    problems.push(...entryProblems(e, f));
    entries.push(e);
  }
  if (problems.length) throw new Error(`corpus entries are malformed:\n${problems.join("\n")}`);
  return entries;
}

/** An entry as text in the corpus's one layout: a row of cells or an expected KPI per line, so diffs stay readable. */
export function formatEntry(e: CorpusEntry): string {
  // One line, with a space after each comma and colon between items (never inside a string).
  const one = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(one).join(", ")}]`;
    if (v && typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${one(x)}`).join(", ")}}`;
    return JSON.stringify(v ?? null);
  };
  const lines: string[] = ["{"];
  lines.push(`  "id": ${JSON.stringify(e.id)},`);
  lines.push(`  "source": ${JSON.stringify(e.source, null, 2).replace(/\n/g, "\n  ")},`);
  lines.push(`  "asOf": ${JSON.stringify(e.asOf)},`);
  if (e.inferredAsOf !== undefined) lines.push(`  "inferredAsOf": ${JSON.stringify(e.inferredAsOf)},`);
  if (e.firstScore !== undefined) lines.push(`  "firstScore": ${one(e.firstScore)},`);
  lines.push(`  "sheets": [`);
  e.sheets.forEach((s, i) => {
    lines.push("    {");
    lines.push(`      "name": ${JSON.stringify(s.name)},`);
    const rest: string[] = [];
    if (s.merges) rest.push(`      "merges": ${one(s.merges)}`);
    if (s.widths) rest.push(`      "widths": ${one(s.widths)}`);
    if (s.tables) rest.push(`      "tables": ${one(s.tables)}`);
    lines.push(`      "rows": [`);
    s.rows.forEach((r, j) => lines.push(`        ${one(r)}${j < s.rows.length - 1 ? "," : ""}`));
    lines.push(`      ]${rest.length ? "," : ""}`);
    rest.forEach((l, j) => lines.push(`${l}${j < rest.length - 1 ? "," : ""}`));
    lines.push(`    }${i < e.sheets.length - 1 ? "," : ""}`);
  });
  lines.push("  ],");
  lines.push(`  "expected": [`);
  e.expected.forEach((k, i) => lines.push(`    ${one(k)}${i < e.expected.length - 1 ? "," : ""}`));
  lines.push("  ]");
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
