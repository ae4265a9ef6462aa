// Commentary read from the sheet when the scorecard is applied is merged here, in the core, so
// src/excel makes no domain decisions: it hands over what it read and gets a new spec back.
import { buildScorecardSpec } from "./build";
import { mergeCommentary } from "./commentary";
import type { CommentaryEntry, ScorecardSpec } from "./types";

/** The spec rebuilt with commentary read from the existing sheet (sheet text wins for the same key). */
export function withSheetCommentary(spec: ScorecardSpec, fromSheet: readonly CommentaryEntry[]): ScorecardSpec {
  if (fromSheet.length === 0) return spec;
  const { scan, options } = spec.source;
  return buildScorecardSpec(scan, { ...options, sheetName: spec.sheetName, commentary: mergeCommentary(options.commentary, fromSheet) });
}
