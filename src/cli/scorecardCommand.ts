// `kpi-scorecard scorecard`: the scorecard the add-in would insert, written to a copy of the workbook.
import type { Settings } from "../core/settings";
import { CliError } from "./loadWorkbook";

export interface ScorecardCommandOptions {
  output?: string;
  stats?: boolean;
  overrides: Partial<Settings>;
}

export async function runScorecard(_file: string, _opts: ScorecardCommandOptions, _out: (s: string) => void): Promise<number> {
  throw new CliError("the scorecard command is not available in this build yet.");
}
