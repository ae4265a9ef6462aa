// A status (RAG) the workbook states, in any common form: words ("Green", "G", "On target", "Above target",
// "Target met", "Achieved", "On track" and their opposites), symbols (☺ ☹ ✓ ✗, coloured dots), letters drawn
// as symbols by Wingdings, and a cell filled red/amber/green with no text.
import type { Rag } from "../types";
import { ragFromColour } from "./colour";
import { symbolGlyph } from "./symbolFonts";
import { normaliseWords } from "./words";

/** What a status cell holds: its text and, where known, its font and colours. */
export interface StatusCell {
  text: string;
  fontName?: string | null;
  fontColor?: string | null;
  fill?: string | null;
}

export const WORDS: [RegExp, Rag][] = [
  [
    /^(?:g|green|dark green|on target|on track|above target|exceed(?:s|ed|ing)? target|target (?:met|achieved|exceeded)|met|achieved|exceeded|better than target|ahead of target|ahead|good|strong|on plan|meeting target|meeting or exceeding(?: the)? target|in line with target|within target|complete(?:d)? on time|no concerns?)$/,
    "green",
  ],
  [
    /^(?:a|amber|y|yellow|orange|a\/g|g\/a|amber\/green|green\/amber|a\/r|r\/a|amber\/red|red\/amber|at risk|close to target|near target|just below target|slightly (?:below|off) target|within tolerance|some (?:concerns?|slippage)|partially (?:met|achieved)|partly (?:met|achieved)|mixed|monitor|minor slippage|slippage)$/,
    "amber",
  ],
  [
    /^(?:r|red|off target|not on target|below target|target not (?:met|achieved)|not met|not achieved|missed|off track|behind target|behind|significantly (?:below|off) target|worse than target|concerns?|significant concerns?|failed|not meeting target)$/,
    "red",
  ],
  [/^(?:b|blue|complete|completed|closed|done|final target (?:met|achieved)|delivered)$/, "blue"],
  [/^(?:grey|gray|no data|not due|not yet due|data only|not rated|no target|not applicable|n\/a)$/, "grey"],
];

export const SYMBOLS: [RegExp, Rag | "colour"][] = [
  [/^(?:☺|🙂|😊|😀|😃|☻)$/u, "green"],
  [/^(?:😐|😑)$/u, "amber"],
  [/^(?:☹|🙁|😞|😟|😢)$/u, "red"],
  [/^(?:✓|✔|☑|✅|🗸|🗹)$/u, "green"],
  [/^(?:✗|✘|☒|❌|✕|✖|🗶|🗷)$/u, "red"],
  [/^🟢$/u, "green"],
  [/^(?:🟠|🟡)$/u, "amber"],
  [/^🔴$/u, "red"],
  [/^🔵$/u, "blue"],
  [/^(?:●|⬤|■|◆|♦|▪|⚫|◼|⬛|•)$/u, "colour"],
];

/** A status from words alone ("Green", "Below target", "G"), or null. Also the first word of "Green - on track". */
export function statusFromWords(text: string): Rag | null {
  const t = normaliseWords(text);
  if (!t || t.length > 60) return null;
  for (const [re, rag] of WORDS) if (re.test(t)) return rag;
  // "Green (on track)", "Red – behind plan", "G: met": the leading status word decides. A lone letter leads only a
  // status ("G: met"), not a section ("A: Strategy") or a list ("B, C and D").
  const lead = /^(green|amber|red|blue|grey|gray|g|a|r)\b\s*[-–—:(/,]\s*(.*)$/.exec(t) ?? /^(green|amber|red|blue)\b()/.exec(t);
  if (!lead) return null;
  if (lead[1].length === 1 && lead[2] && statusFromWords(lead[2]) === null) return null;
  return statusFromWords(lead[1]);
}

/** A status from a symbol (with its colour where the symbol is a plain dot), or null. */
function statusFromSymbol(cell: StatusCell): Rag | null {
  const t = cell.text.trim();
  if (!t || t.length > 2) return null;
  const glyph = symbolGlyph(t, cell.fontName);
  if (glyph) {
    if (glyph === "smile" || glyph === "tick") return "green";
    if (glyph === "neutral") return "amber";
    if (glyph === "frown" || glyph === "cross") return "red";
    if (glyph === "dot") return ragFromColour(cell.fontColor);
    return null;
  }
  for (const [re, rag] of SYMBOLS) if (re.test(t)) return rag === "colour" ? ragFromColour(cell.fontColor) : rag;
  return null;
}

/** A stated status in any form the cell shows it, or null. `yesNo`: the column asks a question ("Target met?"). */
export function readStatedStatus(cell: StatusCell, opts: { yesNo?: boolean } = {}): Rag | null {
  const t = cell.text.trim();
  if (!t) return ragFromColour(cell.fill);
  const sym = statusFromSymbol(cell);
  if (sym) return sym;
  if (symbolGlyph(t, cell.fontName)) return null; // an arrow in a symbol font is a trend, not a status
  // Under a question ("Target achieved? (Y/N)") a "Y" answers yes; elsewhere a lone "Y" is yellow.
  if (opts.yesNo && /^(?:yes|y)$/.test(normaliseWords(t))) return "green";
  const words = statusFromWords(t);
  if (words) return words;
  if (opts.yesNo) {
    const n = normaliseWords(t);
    if (/^(?:yes|y|✓)$/.test(n)) return "green";
    if (/^(?:no|n)$/.test(n)) return "red";
    if (/^(?:partly|partially|nearly)$/.test(n)) return "amber";
  }
  return null;
}
