// The rules of DESIGN.md are defaults; every one is a setting stored in the workbook
// (context.workbook.settings, key SETTINGS_KEY) so that everyone who opens a shared workbook
// sees the same results and the command line honours what a user set in Excel.
import type { IsoDate, Polarity } from "./types";

export const SETTINGS_KEY = "kpiScorecard.settings";

export interface Settings {
  /** The reporting date: milestones due on or before it are in force. Default: none, and the scan uses the latest period in the data, else today (core/reportingDate.ts). */
  asOf: IsoDate | null;
  /** Where "By 6 months" milestones count from. Default: none (relative milestones get no due date). */
  planStart: IsoDate | null;
  /** How far a miss may be and still be amber. Default 0.1. */
  amberBand: number;
  /** "relative": within 10% of the target (UK council convention). "points": within 10 percentage points. */
  amberMode: "relative" | "points";
  /** Changes no larger than this (in the figure's own units, fractions for percentages) count as flat. Default 0. */
  noChangeBand: number;
  /** Applied where nothing in the workbook tells the polarity. Default higher-is-better. */
  defaultPolarity: Polarity;
  /** Polarity set for a KPI by key (see Kpi.key) or reference. */
  polarityOverrides: Record<string, Polarity>;
  /** Blue for "final target achieved" (BRAG). Default off. */
  blueWhenFinalTargetMet: boolean;
  /** Name of the scorecard sheet the add-in owns. */
  scorecardSheetName: string;
  /** Tables left out of the scan, by table id ("Sheet!A1:G19"). */
  excludedTables: string[];
  /** First month of the financial year, 1-12 (April in UK public bodies). */
  financialYearStartMonth: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  asOf: null,
  planStart: null,
  amberBand: 0.1,
  amberMode: "relative",
  noChangeBand: 0,
  defaultPolarity: "higher-is-better",
  polarityOverrides: {},
  blueWhenFinalTargetMet: false,
  scorecardSheetName: "Scorecard",
  excludedTables: [],
  financialYearStartMonth: 4,
}) as Settings;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Merge stored settings (untrusted JSON from a workbook) over the defaults, then explicit
 * overrides (command-line flags, the pane). Anything of the wrong shape is ignored, never thrown.
 */
export function resolveSettings(stored: unknown, overrides: Partial<Settings> = {}): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, polarityOverrides: {}, excludedTables: [] };
  for (const src of [stored, overrides]) {
    if (!src || typeof src !== "object") continue;
    const s = src as Record<string, unknown>;
    if (typeof s.asOf === "string" && ISO.test(s.asOf)) out.asOf = s.asOf;
    if (typeof s.planStart === "string" && ISO.test(s.planStart)) out.planStart = s.planStart;
    if (s.planStart === null) out.planStart = null;
    if (typeof s.amberBand === "number" && s.amberBand >= 0 && s.amberBand < 10) out.amberBand = s.amberBand;
    if (s.amberMode === "relative" || s.amberMode === "points") out.amberMode = s.amberMode;
    if (typeof s.noChangeBand === "number" && s.noChangeBand >= 0) out.noChangeBand = s.noChangeBand;
    if (s.defaultPolarity === "higher-is-better" || s.defaultPolarity === "lower-is-better") out.defaultPolarity = s.defaultPolarity;
    if (s.polarityOverrides && typeof s.polarityOverrides === "object") {
      for (const [k, v] of Object.entries(s.polarityOverrides as Record<string, unknown>)) {
        if (v === "higher-is-better" || v === "lower-is-better") out.polarityOverrides[k] = v;
      }
    }
    if (typeof s.blueWhenFinalTargetMet === "boolean") out.blueWhenFinalTargetMet = s.blueWhenFinalTargetMet;
    if (typeof s.scorecardSheetName === "string" && validSheetName(s.scorecardSheetName)) out.scorecardSheetName = s.scorecardSheetName;
    if (Array.isArray(s.excludedTables)) out.excludedTables = s.excludedTables.filter((t): t is string => typeof t === "string");
    if (typeof s.financialYearStartMonth === "number" && Number.isInteger(s.financialYearStartMonth) && s.financialYearStartMonth >= 1 && s.financialYearStartMonth <= 12) {
      out.financialYearStartMonth = s.financialYearStartMonth;
    }
  }
  return out;
}

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";
}
