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

type Raw = string | number | boolean | null | undefined;

/**
 * The scorecard as it was written, from its values and formulas as read back: a live cell (one still holding its
 * formula) says what the source says today, not what the scorecard said, so it is left blank and the data
 * sheet's record of what was written stands for it; a cell a person typed over keeps what they typed.
 */
export function asWritten(values: readonly (readonly Raw[])[], formulas: readonly (readonly Raw[])[] | null): Raw[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const f = formulas?.[r]?.[c];
      return typeof f === "string" && f.startsWith("=") && f !== v ? "" : v;
    }),
  );
}
