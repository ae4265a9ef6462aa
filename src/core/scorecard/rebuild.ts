// What is read from the existing scorecard when it is replaced is merged here, in the core, so src/excel
// makes no domain decisions: it hands over what it read and gets a new spec back.
import { buildScorecardSpec } from "./build";
import { mergeCommentary } from "./commentary";
import type { ScorecardState } from "./readBack";
import type { CommentaryEntry, ScorecardSpec } from "./types";

/** The spec rebuilt with commentary read from the existing sheet (sheet text wins for the same key). */
export function withSheetCommentary(spec: ScorecardSpec, fromSheet: readonly CommentaryEntry[]): ScorecardSpec {
  if (fromSheet.length === 0) return spec;
  const { scan, options } = spec.source;
  return buildScorecardSpec(scan, { ...options, sheetName: spec.sheetName, registerSheetName: spec.register.sheetName, commentary: mergeCommentary(options.commentary, fromSheet) });
}

/**
 * The spec as it is written: under the sheet names it will really have, with the commentary and the
 * previous RAGs read from the scorecard it replaces (null state: there is none, so this is the first).
 */
export function withSheetState(spec: ScorecardSpec, state: ScorecardState | null, names: { sheetName: string; dataSheetName: string; registerSheetName?: string }): ScorecardSpec {
  const { scan, options } = spec.source;
  const registerSheetName = names.registerSheetName ?? spec.register.sheetName;
  const same = names.sheetName === spec.sheetName && names.dataSheetName === spec.dataSheet.sheetName && registerSheetName === spec.register.sheetName;
  if (!state && same) return spec;
  return buildScorecardSpec(scan, {
    ...options,
    sheetName: names.sheetName,
    dataSheetName: names.dataSheetName,
    registerSheetName,
    commentary: state ? mergeCommentary(options.commentary, state.commentary) : options.commentary,
    previous: state ? state.previous : (options.previous ?? null),
  });
}
