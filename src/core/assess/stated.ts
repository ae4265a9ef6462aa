// What the workbook itself states about a KPI — its status (words, symbols, fill) and its trend (arrows,
// words) — read as evidence, and the polarity that makes those statements agree with the figures.
import type { Direction, Judgement, Polarity, Rag, Unit } from "../types";
import type { Settings } from "../settings";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi } from "../recognise/drafts";
import { readStatedStatus } from "../stated/status";
import { findPeriods } from "../periods";
import { isNeutralGrey, ragFromColour } from "../stated/colour";
import { parseStatedDot, type StatedDot } from "./dot";
import { trendInPhrase, trendInWords } from "../stated/trendWords";
import { SIGNED_CHANGE } from "../stated/signedChange";
import { rateAgainstTarget } from "./rag";
import { targetValue, type Parsed } from "./kpiCells";
import type { BuildContext } from "./context";

export interface StatedAboutKpi {
  /** The KPI's status as the workbook states it. */
  rag: Rag | null;
  /** The trend cell's text, and what it says. */
  trendText: string;
  trend: StatedDot | null;
  /** The Polarity column's text. */
  polarityText: string;
  /** The trend judges a span of periods, not the latest against the previous. */
  overSpan: boolean;
}

export function readStatedAboutKpi(d: DraftKpi, bc: BuildContext): StatedAboutKpi {
  const { grid } = bc;
  const trendText = d.dotCell ? grid.text(d.dotCell.row, d.dotCell.col) : "";
  // A trend stated over a span ("Our performance 2013 - 2019") judges the whole span, not the last step: it is
  // shown, but says nothing of which way the last move went.
  const overSpan = !!d.dotHeading && findPeriods(d.dotHeading, bc.periodContext, { years: true }).length >= 2;
  // With no trend cell, the commentary may state one ("An increase in performance since end March 22"). It names
  // its own earlier period, not necessarily the previous figure's, so like a span it is shown but not checked.
  const inWords = d.dotCell ? null : trendInWords(d.notes);
  if (inWords)
    return {
      overSpan: true,
      rag: statusAt(grid, d.ragCell, d.ragYesNo, bc.dataRows),
      trendText: inWords.text,
      trend: { direction: inWords.direction, judgement: inWords.judgement },
      polarityText: d.polarityCell ? grid.text(d.polarityCell.row, d.polarityCell.col) : "",
    };
  return {
    overSpan,
    rag: statusAt(grid, d.ragCell, d.ragYesNo, bc.dataRows),
    trendText,
    trend: trendText ? (parseStatedDot(trendText, grid.fontName(d.dotCell!.row, d.dotCell!.col)) ?? signedChange(trendText) ?? phraseTrend(trendText)) : null,
    polarityText: d.polarityCell ? grid.text(d.polarityCell.row, d.polarityCell.col) : "",
  };
}

/** A status the workbook states in a cell, in words, symbols or fill. */
export function statusAt(grid: SheetGrid, cell: CellRef | null, yesNo: boolean, rows: readonly [number, number] = [cell ? cell.row : 0, cell ? cell.row : 0]): Rag | null {
  if (!cell) return null;
  const stated = readStatedStatus(
    { text: grid.text(cell.row, cell.col), fontName: grid.fontName(cell.row, cell.col), fontColor: grid.fontColor(cell.row, cell.col), fill: grid.fill(cell.row, cell.col) },
    { yesNo },
  );
  if (stated || grid.text(cell.row, cell.col) !== "" || !isNeutralGrey(grid.fill(cell.row, cell.col))) return stated;
  return greyAmongColouredStatuses(grid, cell, rows) ? "grey" : null;
}

/**
 * An empty grey cell reads as a stated Grey only where its table's column states statuses by colour: another
 * cell of the column in the same table, also empty, is filled red, amber or green. A grey band says nothing.
 */
function greyAmongColouredStatuses(grid: SheetGrid, cell: CellRef, [first, last]: readonly [number, number]): boolean {
  for (let r = first; r <= last; r++) {
    if (r === cell.row || grid.text(r, cell.col) !== "") continue;
    const rag = ragFromColour(grid.fill(r, cell.col));
    if (rag === "red" || rag === "amber" || rag === "green") return true;
  }
  return false;
}

/**
 * The polarity that makes what the workbook states agree with its figures: the stated RAG against the latest
 * actual and the target in force (only one polarity gives that RAG), or a stated judgement ("Better") against
 * the direction the figures moved.
 */
export function polarityFromStated(
  stated: Rag | null,
  latest: Parsed | null,
  target: Parsed | null,
  previous: Parsed | null,
  trend: { direction: Direction | null; judgement: Judgement | null } | null,
  unit: Unit | null,
  settings: Settings,
): { polarity: Polarity; how: string } | null {
  const av = latest?.p.value ?? null;
  const tv = target ? targetValue(target) : null;
  if (stated && stated !== "grey" && stated !== "blue" && av !== null && tv !== null && av !== tv) {
    const up = rateAgainstTarget({ actual: av, target: tv, polarity: "higher-is-better", unit, settings }).rag;
    const down = rateAgainstTarget({ actual: av, target: tv, polarity: "lower-is-better", unit, settings }).rag;
    const fitsUp = up === stated;
    const fitsDown = down === stated;
    // Only a clear disagreement tells: a stated Green where the other reading is Red (or the reverse). A Green
    // that the other reading makes Amber may be the publisher's own tolerance, not the polarity.
    const far = (a: Rag, b: Rag) => (a === "green" && b === "red") || (a === "red" && b === "green");
    if (fitsUp !== fitsDown && far(up, down))
      return { polarity: fitsUp ? "higher-is-better" : "lower-is-better", how: `the workbook's ${cap(stated)} for ${latest!.fig.text} against ${target!.fig.text} holds` };
  }
  const pv = previous?.p.value ?? null;
  if (trend?.judgement && trend.judgement !== "no-change" && !trend.direction && av !== null && pv !== null && av !== pv) {
    const wentUp = av > pv;
    const better = trend.judgement === "improving";
    return {
      polarity: wentUp === better ? "higher-is-better" : "lower-is-better",
      how: `the workbook calls the move from ${previous!.fig.text} to ${latest!.fig.text} ${trend.judgement}, which holds`,
    };
  }
  return null;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function polarityWords(p: Polarity | null): string {
  if (!p) return "no better direction";
  return p === "higher-is-better" ? "higher is better" : "lower is better";
}

/** A change written with its sign in a trend column ("+ 106,270", "- 2.9%", "+9% (+27 incidents)"): its direction. */
function signedChange(text: string): StatedDot | null {
  const m = SIGNED_CHANGE.exec(text.trim());
  if (!m) return null;
  if (/^0+(?:[.,]0+)?$/.test(m[2].replace(/[,\s]/g, ""))) return { direction: "flat", judgement: null };
  return { direction: m[1] === "+" ? "up" : "down", judgement: null };
}

/** A trend a trend column states in a phrase ("3 % rise in volume"). */
function phraseTrend(text: string): StatedDot | null {
  const t = trendInPhrase(text);
  return t ? { direction: t.direction, judgement: t.judgement } : null;
}
