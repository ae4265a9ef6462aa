// The rules of DESIGN.md are defaults; every one is a setting stored in the workbook
// (context.workbook.settings, key SETTINGS_KEY) so that everyone who opens a shared workbook
// sees the same results and the command line honours what a user set in Excel.
import type { IsoDate, Polarity } from "./types";
import { readKpiCorrections, readTableCorrections, type KpiCorrection, type TableCorrection } from "./corrections";

export const SETTINGS_KEY = "kpiScorecard.settings";

export interface Settings {
  /**
   * The reporting date: milestones due on or before it are in force. Default: none, and the scan uses the end of
   * the latest period with figures if before today, else today (core/reportingDate.ts).
   */
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
  /** Tables the user declared or corrected (heading rows, column roles), anchored so they survive edits. */
  tables: TableCorrection[];
  /** Corrections to single KPIs by key: a target, or "not a KPI". */
  kpiCorrections: Record<string, KpiCorrection>;
  /** The organisation named at the top of the scorecard and in its printed header ("" for none). */
  organisation: string;
  /** The scorecard's title. */
  reportTitle: string;
  /** The meeting or board the scorecard goes to ("SEND Partnership Board, 14 March 2024"; "" for none). */
  meetingName: string;
  /** The period reported on, as the board names it ("Quarter 3 2023/24"); "" shows the reporting date instead. */
  reportingPeriod: string;
  /** Register rows within a group: worst RAG first, or as they stand in the workbook. */
  registerOrder: RegisterOrder;
  /** A KPI whose latest figure is out of date for its frequency rates Grey rather than on an old figure. */
  staleRatesGrey: boolean;
  /** Where the scorecard sheet goes: first among the sheets, or last (or where it already is). */
  scorecardPlacement: ScorecardPlacement;
}

export type RegisterOrder = "worst-first" | "workbook";
export type ScorecardPlacement = "first" | "last";

/** Longest organisation, title, meeting name or period a setting may hold (a printed header line). */
export const MAX_HEADING_LENGTH = 120;

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
  tables: [],
  kpiCorrections: {},
  organisation: "",
  reportTitle: "KPI Scorecard",
  meetingName: "",
  reportingPeriod: "",
  registerOrder: "worst-first",
  staleRatesGrey: false,
  scorecardPlacement: "first",
}) as Settings;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Merge stored settings (untrusted JSON from a workbook) over the defaults, then explicit
 * overrides (command-line flags, the pane). Anything of the wrong shape is ignored, never thrown.
 */
export function resolveSettings(stored: unknown, overrides: Partial<Settings> = {}): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, polarityOverrides: {}, excludedTables: [], tables: [], kpiCorrections: {} };
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
    if (Array.isArray(s.tables)) out.tables = readTableCorrections(s.tables);
    if (s.kpiCorrections && typeof s.kpiCorrections === "object") out.kpiCorrections = readKpiCorrections(s.kpiCorrections);
    if (typeof s.financialYearStartMonth === "number" && Number.isInteger(s.financialYearStartMonth) && s.financialYearStartMonth >= 1 && s.financialYearStartMonth <= 12) {
      out.financialYearStartMonth = s.financialYearStartMonth;
    }
    for (const k of ["organisation", "meetingName", "reportingPeriod"] as const) {
      if (typeof s[k] === "string" && headingProblem(s[k]) === null) out[k] = s[k].trim();
    }
    if (typeof s.reportTitle === "string" && s.reportTitle.trim() !== "" && headingProblem(s.reportTitle) === null) out.reportTitle = s.reportTitle.trim();
    if (s.registerOrder === "worst-first" || s.registerOrder === "workbook") out.registerOrder = s.registerOrder;
    if (typeof s.staleRatesGrey === "boolean") out.staleRatesGrey = s.staleRatesGrey;
    if (s.scorecardPlacement === "first" || s.scorecardPlacement === "last") out.scorecardPlacement = s.scorecardPlacement;
  }
  return out;
}

/**
 * What is wrong with a heading setting (organisation, title, meeting, period), in words, or null: one line
 * of printable text, short enough for the printed header.
 */
export function headingProblem(text: string): string | null {
  if ([...text].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return "must be one line of text, without tabs or line breaks";
  if (text.trim().length > MAX_HEADING_LENGTH) return `must be at most ${MAX_HEADING_LENGTH} characters`;
  return null;
}

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";
}

/** The add-in's setting as stored in a workbook: Office stores objects as JSON text, older copies may hold the object itself. */
export function parseStoredSetting(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
