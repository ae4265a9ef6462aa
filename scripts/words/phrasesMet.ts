// Where each heading phrase (src/core/recognise/headers.ts PHRASES) and each word of the polarity wording
// (src/core/assess/polarity.ts LOWER and HIGHER, one record per alternative of a pattern) is met: the first cell of a corpus workbook
// (published tables, tests/corpus/xlsx), else of a fixture (tests/fixtures, built from real reports; not the fuzz
// suite's damaged copies) or the sample,
// whose words hold the phrase as a heading reads it (tokens in order). Written to
// src/core/recognise/headingPhrasesMet.json and src/core/assess/polarityWordsMet.json, and each other word list
// (scripts/words/wordLists.ts: status, trend, stated polarity, missing-value, volume, unit, comparator words) to the
// file it names; tests/engine/phrasesMet.test.ts
// holds each cell to still hold its phrase. A phrase met in no such cell is recorded as null: vocabulary kept without a table to show for it.
// Run: npm run words:met
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readSnapshotFromFile } from "../../src/cli/fileSnapshot";
import { columnLetters } from "../../src/core/address";
import { DATA_SHEET_MARKER, SCORECARD_MARKER } from "../../src/core/scorecard/markers";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { PHRASES, headingTokens } from "../../src/core/recognise/headers";
import { HIGHER, LOWER } from "../../src/core/assess/polarity";
import { WORD_LISTS, topLevelBars, wordsOf } from "./wordLists";

const ROOT = join(__dirname, "..", "..");
export const MET_FILE = join(ROOT, "src/core/recognise/headingPhrasesMet.json");
export const POLARITY_MET_FILE = join(ROOT, "src/core/assess/polarityWordsMet.json");

/** Where a phrase is met: the workbook (from the project's root), the sheet, the cell and its text. */
export interface Met {
  file: string;
  sheet: string;
  cell: string;
  text: string;
}

function xlsxUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? xlsxUnder(p) : p.endsWith(".xlsx") ? [p] : [];
    });
}

/** Corpus workbooks first (what publishers write), then fixtures and the sample. */
export function evidenceWorkbooks(): string[] {
  // The fuzz suite's saved variants are damaged or stretched copies, not evidence of what people write.
  const fixtures = xlsxUnder(join(ROOT, "tests/fixtures")).filter((p) => !relative(ROOT, p).startsWith("tests/fixtures/fuzz/"));
  return [...xlsxUnder(join(ROOT, "tests/corpus/xlsx")), ...fixtures, join(ROOT, "assets/samples/send-board-kpis.xlsx")];
}

/** Whether the heading tokens hold the phrase's tokens, in order and side by side. */
export function holdsPhrase(tokens: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A sheet the add-in wrote but the workbook does not tag as its own (its data sheet, a scorecard's copy): its
 * marker is in one of the first rows, as scan's own check reads it.
 */
function writtenByAddin(sheet: SheetSnapshot): boolean {
  return sheet.blocks.some((b) => b.row < 3 && b.text.slice(0, 3 - b.row).some((row) => row.some((t) => t === SCORECARD_MARKER || t === DATA_SHEET_MARKER)));
}

/** A text cell, with its font name (the sheet's when the cell has none of its own): the symbol-font glyphs need it. */
export interface TextCell extends Met {
  font?: string;
}

/** Every text cell of a workbook that holds anything but spaces, whatever its length. */
export async function allTextCells(path: string): Promise<TextCell[]> {
  let snapshot;
  try {
    snapshot = await readSnapshotFromFile(new Uint8Array(readFileSync(path)));
  } catch {
    return []; // a deliberately damaged fixture
  }
  const out: TextCell[] = [];
  const file = relative(ROOT, path);
  for (const s of snapshot.sheets) {
    // The add-in's own sheets (a scorecard written into a fixture, its data sheet) hold our words, not a publisher's.
    if (s.ownedByAddin || writtenByAddin(s)) continue;
    for (const b of s.blocks) {
      const fonts = new Map((b.styles ?? []).filter((st) => st.fontName).map((st) => [`${st.r},${st.c}`, st.fontName!]));
      for (let r = 0; r < b.rowCount; r++) {
        for (let c = 0; c < b.colCount; c++) {
          const text = b.text[r][c];
          const font = fonts.get(`${r},${c}`) ?? s.font.name ?? undefined;
          if (text && text.trim()) out.push({ file, sheet: s.name, cell: `${columnLetters(b.col + c)}${b.row + r + 1}`, text, ...(font ? { font } : {}) });
        }
      }
    }
  }
  return out;
}

/** Every text cell of a workbook that could be a heading (letters or a symbol, 200 characters or fewer). */
export async function textCells(path: string): Promise<TextCell[]> {
  return (await allTextCells(path)).filter(({ text }) => text.length <= 200 && /[A-Za-z%#£]/.test(text));
}

/**
 * The alternatives of a word list's pattern, each a pattern of its own: /\blitter\b|\bdog fouling\b/ gives
 * "\blitter\b" and "\bdog fouling\b" (split at the "|" outside any group or character class).
 */
export function alternatives(re: RegExp): string[] {
  const src = re.source;
  const cuts = [-1, ...topLevelBars(src), src.length];
  return cuts.slice(1).map((end, k) => src.slice(cuts[k] + 1, end));
}

/** The polarity wording's alternatives, keyed "lower: <pattern>" and "higher: <pattern>", as the measure's lower-case text meets them. */
export function polarityWords(): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const [side, list] of [["lower", LOWER], ["higher", HIGHER]] as const) {
    for (const [re] of list) for (const alt of alternatives(re)) out.set(`${side}: ${alt}`, new RegExp(alt, re.flags));
  }
  return out;
}

function writeRecords(path: string, met: Map<string, Met | null>): void {
  // One line a phrase, so a change to one shows as one line.
  const lines = [...met].map(([p, m]) => `  ${JSON.stringify(p)}: ${JSON.stringify(m)}`);
  writeFileSync(path, `{\n${lines.join(",\n")}\n}\n`);
}

async function main(): Promise<void> {
  const phrases = [...new Set(PHRASES.map(([text]) => text))];
  const met = new Map<string, Met | null>(phrases.map((p) => [p, null]));
  const words = polarityWords();
  const polarityMet = new Map<string, Met | null>([...words.keys()].map((k) => [k, null]));
  const lists = WORD_LISTS.map((list) => ({ list, words: wordsOf(list), met: new Map<string, Met | null>() }));
  for (const l of lists) for (const k of l.words.keys()) l.met.set(k, null);
  for (const path of evidenceWorkbooks()) {
    const left = phrases.filter((p) => met.get(p) === null);
    const wordsLeft = [...words].filter(([k]) => polarityMet.get(k) === null);
    const listsLeft = lists.map((l) => ({ ...l, left: [...l.words].filter(([k]) => l.met.get(k) === null) }));
    if (!left.length && !wordsLeft.length && listsLeft.every((l) => !l.left.length)) break;
    for (const { font, ...cell } of await allTextCells(path)) {
      for (const l of listsLeft) {
        if (!l.left.length) continue;
        // The cell read once per list (reading a period or a number costs more than trying the patterns).
        const readings = l.list.readings(cell.text, font);
        if (!readings.length) continue;
        for (const [k, re] of l.left) if (l.met.get(k) === null && readings.some((t) => re.test(t))) l.met.set(k, cell);
      }
      if (cell.text.length > 200 || !/[A-Za-z%#£]/.test(cell.text)) continue;
      const tokens = headingTokens(cell.text);
      for (const p of left) if (met.get(p) === null && holdsPhrase(tokens, headingTokens(p))) met.set(p, cell);
      const lower = cell.text.toLowerCase();
      for (const [k, re] of wordsLeft) if (polarityMet.get(k) === null && re.test(lower)) polarityMet.set(k, cell);
    }
  }
  writeRecords(MET_FILE, met);
  writeRecords(POLARITY_MET_FILE, polarityMet);
  const none = (m: Map<string, Met | null>) => [...m.values()].filter((x) => x === null).length;
  process.stdout.write(`${met.size} heading phrases: ${met.size - none(met)} met in a corpus or fixture cell, ${none(met)} in none (${relative(ROOT, MET_FILE)})\n`);
  process.stdout.write(`${polarityMet.size} polarity words: ${polarityMet.size - none(polarityMet)} met, ${none(polarityMet)} in none (${relative(ROOT, POLARITY_MET_FILE)})\n`);
  for (const l of lists) {
    writeRecords(l.list.file, l.met);
    process.stdout.write(`${l.met.size} ${l.list.name}: ${l.met.size - none(l.met)} met, ${none(l.met)} in none (${relative(ROOT, l.list.file)})\n`);
  }
}

if (require.main === module) void main();
