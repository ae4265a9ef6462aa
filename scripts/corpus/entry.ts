// The shape of a corpus entry (tests/corpus/tables/<id>.json; see tests/corpus/README.md), and a
// check that an entry is well formed before anything is built or scored from it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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
}

export type Sector = "council" | "nhs" | "police" | "fire" | "housing" | "school" | "send" | "other";

export interface ExpectedKpi {
  sheet: string;
  row: number;
  measure: string;
  group?: string | null;
  latest?: number | null;
  previous?: number | null;
  target?: number | null;
  polarity?: "higher-is-better" | "lower-is-better";
  statedRag?: "green" | "amber" | "red" | "blue" | "grey";
  statedTrend?: "up" | "down" | "flat" | "improving" | "worsening" | "no-change";
  dot?: "up" | "down" | "flat";
}

export interface CorpusEntry {
  id: string;
  source: { publisher: string; sector: Sector; title: string; date: string; url: string; notes?: string };
  asOf: string;
  sheets: CorpusSheet[];
  expected: ExpectedKpi[];
}

export const CORPUS_DIR = join(__dirname, "..", "..", "tests", "corpus");
export const TABLES_DIR = join(CORPUS_DIR, "tables");
export const XLSX_DIR = join(CORPUS_DIR, "xlsx");

const SECTORS = new Set(["council", "nhs", "police", "fire", "housing", "school", "send", "other"]);
const RAGS = new Set(["green", "amber", "red", "blue", "grey"]);
const TRENDS = new Set(["up", "down", "flat", "improving", "worsening", "no-change"]);
const FIELDS = new Set(["sheet", "row", "measure", "group", "latest", "previous", "target", "polarity", "statedRag", "statedTrend", "dot"]);

/** The text a cell shows in the entry (for checking an expected measure against its row). */
export function cellText(cell: CorpusCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "object") return String(cell);
  if (cell.v !== undefined && cell.v !== null) return String(cell.v);
  return "";
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
  const seen = new Set<string>();
  for (const k of e.expected ?? []) {
    const where = `${k.sheet}!row ${k.row}`;
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
    else if (!row.some((c) => cellText(c).trim() === k.measure.trim())) say(`${where}: no cell in the row reads "${k.measure}"`);
    if (k.statedRag !== undefined && !RAGS.has(k.statedRag)) say(`${where}: statedRag "${k.statedRag}"`);
    if (k.statedTrend !== undefined && !TRENDS.has(k.statedTrend)) say(`${where}: statedTrend "${k.statedTrend}"`);
    if (k.polarity !== undefined && k.polarity !== "higher-is-better" && k.polarity !== "lower-is-better") say(`${where}: polarity "${k.polarity}"`);
    for (const f of ["latest", "previous", "target"] as const) {
      const v = k[f];
      if (v !== undefined && v !== null && (typeof v !== "number" || !Number.isFinite(v))) say(`${where}: ${f} must be a number or null`);
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
  lines.push(`  "sheets": [`);
  e.sheets.forEach((s, i) => {
    lines.push("    {");
    lines.push(`      "name": ${JSON.stringify(s.name)},`);
    const rest: string[] = [];
    if (s.merges) rest.push(`      "merges": ${one(s.merges)}`);
    if (s.widths) rest.push(`      "widths": ${one(s.widths)}`);
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
