// RAG against a target: green when the actual meets or beats it; amber when it misses by no more
// than the amber band (relative to the target by default, or in percentage points); red beyond.
import type { Polarity, Rag, Unit } from "../types";
import type { Settings } from "../settings";
import { statusFromWords } from "../stated/status";

export interface RagInput {
  actual: number;
  target: number;
  polarity: Polarity;
  unit: Unit | null;
  settings: Pick<Settings, "amberBand" | "amberMode">;
}

export interface RagOutcome {
  rag: Exclude<Rag, "grey" | "blue">;
  /** How far the actual misses the target, in the band's own terms (0 when met). */
  miss: number;
  /** The amber limit in the figure's units. */
  amberLimit: number;
  bandWords: string;
}

export function rateAgainstTarget({ actual, target, polarity, unit, settings }: RagInput): RagOutcome {
  const shortfall = polarity === "higher-is-better" ? target - actual : actual - target;
  const points = settings.amberMode === "points" && unit === "percent";
  const amberLimit = points ? settings.amberBand : Math.abs(target) * settings.amberBand;
  const bandWords = points
    ? `within ${round(settings.amberBand * 100)} percentage points of the target`
    : `within ${round(settings.amberBand * 100)}% of the target`;
  const eps = 1e-9;
  if (shortfall <= eps) return { rag: "green", miss: 0, amberLimit, bandWords };
  if (shortfall <= amberLimit + eps) return { rag: "amber", miss: shortfall, amberLimit, bandWords };
  return { rag: "red", miss: shortfall, amberLimit, bandWords };
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Read a stated RAG from words alone: "Green", "G", "Amber", "A/G", "Red", "Below target", "Complete" (see src/core/stated/status.ts). */
export function parseStatedRag(text: string): Rag | null {
  return statusFromWords(text);
}
