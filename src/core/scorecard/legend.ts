// The legend: every RAG word with its colour and meaning, and the DoT arrows and words.
import type { Rag } from "../types";
import type { Settings } from "../settings";
import { RAG_COLOURS, RAG_WORDS } from "./palette";
import { DOT_ARROWS } from "./dot";
import type { LegendEntry } from "./types";

function bandText(settings: Settings): string {
  const band = settings.amberBand;
  if (settings.amberMode === "points") return `${+(band * 100).toFixed(2)} percentage points`;
  return `${+(band * 100).toFixed(2)}%`;
}

export function ragMeaning(rag: Rag, settings: Settings): string {
  switch (rag) {
    case "green":
      return "meets or beats the current milestone target";
    case "amber":
      return `misses the target by no more than ${bandText(settings)}`;
    case "red":
      return `misses the target by more than ${bandText(settings)}`;
    case "grey":
      return "no latest figure, no numeric target, or data only";
    case "blue":
      return "final target achieved";
  }
}

export function buildLegend(settings: Settings, showBlue: boolean): LegendEntry[] {
  const rags: Rag[] = showBlue ? ["blue", "green", "amber", "red", "grey"] : ["green", "amber", "red", "grey"];
  const rag = rags.map<LegendEntry>((r) => ({
    kind: "rag",
    rag: r,
    symbol: RAG_WORDS[r],
    meaning: ragMeaning(r, settings),
    fill: RAG_COLOURS[r].fill,
    fontColour: RAG_COLOURS[r].text,
  }));
  const dot: LegendEntry[] = [
    { kind: "dot", symbol: DOT_ARROWS.up, meaning: "latest figure is higher than the previous one" },
    { kind: "dot", symbol: DOT_ARROWS.down, meaning: "latest figure is lower than the previous one" },
    { kind: "dot", symbol: DOT_ARROWS.flat, meaning: "no change from the previous figure" },
    { kind: "dot", symbol: "improving / worsening", meaning: "whether that change is better or worse, given whether higher or lower is better for the KPI" },
  ];
  return [...rag, ...dot];
}

/** Page 1's key in two lines: what each RAG word means, out of date, and the trend arrows. */
export function pageOneKey(settings: Settings, showBlue: boolean, staleMonths: number): string {
  const band = bandText(settings);
  return (
    `${showBlue ? "Blue: final target achieved. " : ""}Green: meets or beats the target in force. Amber: misses it by no more than ${band}. Red: misses it by more. ` +
    "Grey: not rated (no latest figure, no numeric target, or data only). " +
    `Out of date: older than its frequency allows, or over ${staleMonths} months; rated at its own period${settings.staleRatesGrey ? " and counted Grey" : ", counted in its RAG too"}. ` +
    "Trend: ▲ up, ▼ down, ► no change; improving or worsening."
  );
}
