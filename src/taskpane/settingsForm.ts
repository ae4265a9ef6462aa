// The Settings tab edits text; this turns it into Settings, or says in words what is wrong.
import { headingProblem, validSheetName, type Settings } from "../core/settings";
import type { Polarity } from "../core/types";

export interface SettingsForm {
  asOf: string;
  planStart: string;
  /** Amber band as the user reads it: "10" means 10% (relative) or 10 points. */
  amberBand: string;
  amberMode: Settings["amberMode"];
  noChangeBand: string;
  defaultPolarity: Polarity;
  polarityOverrides: Record<string, Polarity>;
  scorecardSheetName: string;
  organisation: string;
  reportTitle: string;
  meetingName: string;
  reportingPeriod: string;
  registerOrder: Settings["registerOrder"];
  staleRatesGrey: boolean;
  scorecardPlacement: Settings["scorecardPlacement"];
}

/** The board paper's headings: what the form calls each in its messages. */
const HEADINGS = { organisation: "The organisation", reportTitle: "The report title", meetingName: "The meeting name", reportingPeriod: "The reporting period" } as const;

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

export function formFromSettings(s: Settings): SettingsForm {
  return {
    asOf: s.asOf ?? "",
    planStart: s.planStart ?? "",
    amberBand: trimNumber(s.amberBand * 100),
    amberMode: s.amberMode,
    noChangeBand: trimNumber(s.noChangeBand),
    defaultPolarity: s.defaultPolarity,
    polarityOverrides: { ...s.polarityOverrides },
    scorecardSheetName: s.scorecardSheetName,
    organisation: s.organisation,
    reportTitle: s.reportTitle,
    meetingName: s.meetingName,
    reportingPeriod: s.reportingPeriod,
    registerOrder: s.registerOrder,
    staleRatesGrey: s.staleRatesGrey,
    scorecardPlacement: s.scorecardPlacement,
  };
}

function trimNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function dateError(label: string, text: string, required: boolean): string | undefined {
  if (text.trim() === "") return required ? `${label} is needed.` : undefined;
  if (!isIsoDate(text.trim())) return `${label} must be a real date, such as 2024-03-31 or 31/03/2024.`;
  return undefined;
}

export function validateForm(f: SettingsForm): FormErrors {
  const errors: FormErrors = {};
  const asOf = dateError("The reporting date", f.asOf, false);
  if (asOf) errors.asOf = asOf;
  const plan = dateError("The plan start date", f.planStart, false);
  if (plan) errors.planStart = plan;
  const band = Number(f.amberBand);
  if (f.amberBand.trim() === "" || !Number.isFinite(band) || band < 0 || band >= 1000) {
    errors.amberBand = "The amber band must be a number from 0 upwards, for example 10.";
  }
  const flat = Number(f.noChangeBand);
  if (f.noChangeBand.trim() === "" || !Number.isFinite(flat) || flat < 0) {
    errors.noChangeBand = "The no-change band must be a number from 0 upwards (0 means any change counts).";
  }
  if (!validSheetName(f.scorecardSheetName)) {
    errors.scorecardSheetName =
      "The sheet name must be 1 to 31 characters, without : \\ / ? * [ ], not start or end with an apostrophe, and not be \"History\".";
  }
  for (const [k, label] of Object.entries(HEADINGS) as [keyof typeof HEADINGS, string][]) {
    const problem = headingProblem(f[k]);
    if (problem) errors[k] = `${label} ${problem}.`;
  }
  if (f.reportTitle.trim() === "") errors.reportTitle = "The report title is needed: it heads page 1.";
  return errors;
}

/** The form applied over the current settings; call only when validateForm found nothing. */
export function settingsFromForm(f: SettingsForm, base: Settings): Settings {
  return {
    ...base,
    asOf: f.asOf.trim() || null,
    planStart: f.planStart.trim() || null,
    amberBand: Number(f.amberBand) / 100,
    amberMode: f.amberMode,
    noChangeBand: Number(f.noChangeBand),
    defaultPolarity: f.defaultPolarity,
    polarityOverrides: { ...f.polarityOverrides },
    scorecardSheetName: f.scorecardSheetName,
    organisation: f.organisation.trim(),
    reportTitle: f.reportTitle.trim(),
    meetingName: f.meetingName.trim(),
    reportingPeriod: f.reportingPeriod.trim(),
    registerOrder: f.registerOrder,
    staleRatesGrey: f.staleRatesGrey,
    scorecardPlacement: f.scorecardPlacement,
  };
}
