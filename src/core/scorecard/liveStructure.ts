// The live scorecard checks, with a formula, that the source tables still have the shape it follows (rows and
// columns, nothing new beside them, each KPI's measure where it was). When the check says they changed, the
// scan says so too, so the pane shows it: regenerate the scorecard.
import type { Finding } from "../types";
import type { SheetSnapshot } from "../snapshot";
import { FINDING_CODES } from "../validate/codes";
import { STRUCTURE_CHANGED, STRUCTURE_LABEL, STRUCTURE_OK } from "./liveWords";

/** A finding when the scorecard sheet's "Source tables" cell says the source changed shape (or is an error). */
export function scorecardStructureFinding(sheet: SheetSnapshot): Finding | null {
  for (const b of sheet.blocks) {
    for (let r = 0; r < Math.min(b.rowCount, 8); r++) {
      const c = b.values[r].indexOf(STRUCTURE_LABEL);
      if (c < 0 || c + 1 >= b.colCount) continue;
      const value = b.values[r][c + 1];
      if (value === STRUCTURE_OK || value === "" || value === null) return null;
      if (value !== STRUCTURE_CHANGED && b.valueTypes[r][c + 1] !== "Error") return null;
      return {
        code: "scorecard-needs-regenerating",
        severity: FINDING_CODES["scorecard-needs-regenerating"].severity,
        message: `The scorecard on "${sheet.name}" was made from source tables that have since changed shape (KPI rows or period columns added or moved): its live figures may point at the wrong cells. Regenerate the scorecard.`,
        sheet: sheet.name,
      };
    }
  }
  return null;
}
