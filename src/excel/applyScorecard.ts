// Write the scorecard sheet and its hidden data sheet from the core's spec, updating them in place when they
// exist (never deleting and recreating them), in at most three syncs for a scorecard of ordinary size:
//   1. the tags that find the owned sheets, the sheet list, the workbook's protection and date system;
//   2. (only when the add-in owns a sheet) its protection, what it and its data sheet say, its charts;
//   3. the write, in one request, or in several each under Excel on the web's 5 MB when it is larger.
// Everything that can fail is checked before the first write: a protected sheet or workbook, a spec Excel
// would refuse, a request too large. A write that still fails part-way leaves a scorecard that says in A1
// it is incomplete, and the next run repairs it (scorecardWrite.ts). Two co-authors making the first
// scorecard at the same moment: the second's new sheet clashes with the first's, its write stops at that
// first command, and it regenerates the first's scorecard in place instead, so there is one scorecard.
import { withSheetState, DATA_SHEET_DEFAULT_NAME, registerSheetName, type ScorecardSpec, type SheetSection } from "../core/scorecard";
import { datesTo1904System } from "../core/dateSystem";
import { readOwnedSheet, type OwnedSheetState } from "./scorecardRead";
import { protectedSheetError, structureProtectedError, tooLargeError, unwritableSpecError } from "./scorecardError";
import { freeSheetName } from "./scorecardOwnership";
import { scorecardSteps, type WriteCapabilities, type WritePlan, type WriteStep, type WriteTargets } from "./scorecardWrite";
import { registerPosition, specProblems, writtenArea } from "./scorecardPlan";
import { requestBytes } from "./requestEstimate";
import { isSetSupported, REQUIREMENTS } from "./requirements";

export { readCommentary } from "./scorecardRead";
export { ScorecardError } from "./scorecardError";

export interface ApplyResult {
  sheetName: string;
  /** True when the configured name belonged to a sheet the add-in does not own. */
  renamedBecauseTaken: boolean;
  kpiRows: number;
  charts: number;
  syncs: number;
  /** KPI rows whose commentary was kept. */
  keptCommentary: number;
  /** Commentary kept in the "Commentary for KPIs no longer found" block. */
  orphanedCommentary: number;
  /** Features left out because this Excel does not support them, in words. */
  degraded: string[];
  /** The hidden sheet with the charts' data and what this scorecard said. */
  dataSheetName: string;
  /** The register's own sheet (one row per KPI, its heading row frozen and filterable), right after the scorecard. */
  registerSheetName: string;
  /** Places on the scorecard the pane links to: the summary, the exceptions, the charts, each group of the register. */
  sections: SheetSection[];
  /** KPIs whose RAG changed since the last scorecard; null when there was none. */
  changedSinceLast: number | null;
  /** The existing scorecard was updated in place (false: it was made now). */
  inPlace: boolean;
  /** Each write request: its size as told before it was sent, and its steps. */
  requests: { estimatedBytes: number; steps: number }[];
}

export interface ApplyOptions {
  /** Requirement-set check. Default: src/excel/requirements (Office's answer in Excel, the host's checker elsewhere). */
  isSetSupported?: (name: string, minVersion?: string) => boolean;
  /** Largest request, as told before sending (default REQUEST_BUDGET_BYTES, under Excel on the web's 5 MB). */
  requestBudgetBytes?: number;
}

/** Excel on the web's request limit, less room for what the estimate cannot see (headers, the envelope's frame). */
export const REQUEST_BUDGET_BYTES = 5 * 1024 * 1024 - 256 * 1024;

/**
 * More KPIs than a scorecard is made for: refused before the spec is built (building it for 300,000 KPIs
 * takes half a minute and gigabytes). Anything below is written, in several requests when it must be.
 */
export const MAX_SCORECARD_KPIS = 20_000;
/** About what one KPI adds to the write (register row, formats, link, state), for the refusal's message. */
const TYPICAL_WRITE_BYTES_PER_KPI = 1_000;

export function checkKpiCountFits(kpis: number): void {
  if (kpis > MAX_SCORECARD_KPIS) throw tooLargeError(kpis, kpis * TYPICAL_WRITE_BYTES_PER_KPI);
}

function capabilities(supports: (name: string, version?: string) => boolean): WriteCapabilities {
  return {
    pageLayout: supports(REQUIREMENTS.pageLayout.name, REQUIREMENTS.pageLayout.version),
    hyperlinks: supports("ExcelApi", "1.7"),
    conditionalFormats: supports(REQUIREMENTS.conditionalFormats.name, REQUIREMENTS.conditionalFormats.version),
    gridlines: supports("ExcelApi", "1.8"),
    chartFormats: supports("ExcelApi", "1.8"),
    suspendCalculation: supports("ExcelApi", "1.8"),
    suspendScreen: supports("ExcelApi", "1.9"),
  };
}

function degradedNotes(can: WriteCapabilities, spec: ScorecardSpec): string[] {
  const degraded: string[] = [];
  if (!can.pageLayout) degraded.push("Page setup (A4 landscape, one page wide, page breaks, header and footer) needs a newer Excel and was not set.");
  if (!can.hyperlinks) degraded.push("Links to source cells and frozen panes need a newer Excel and were not added.");
  if (!can.conditionalFormats) degraded.push("RAG colours need conditional formatting (a newer Excel); the RAG words are still shown.");
  if (!can.chartFormats && spec.charts.length > 0) degraded.push("Chart axis formats and the colour of values on the bars need a newer Excel; the charts show Excel's defaults.");
  return degraded;
}

/** The value the spec puts in A1 (the title), written last. */
function titleOf(spec: ScorecardSpec): string | number {
  const b = spec.blocks.find((x) => x.row === 0 && x.col === 0);
  return b?.values[0]?.[0] ?? "";
}

/** The steps in requests: as many as fit each under the budget, in order. */
function requestsOf(steps: WriteStep[], can: WriteCapabilities, budget = REQUEST_BUDGET_BYTES): { steps: WriteStep[]; bytes: number }[] {
  const perRequest = requestBytes(1, (app: Excel.Application) => suspend(app, can));
  const out: { steps: WriteStep[]; bytes: number }[] = [];
  let current = { steps: [] as WriteStep[], bytes: perRequest };
  for (const step of steps) {
    const bytes = requestBytes(4, (workbook: Excel.Workbook, sheet: Excel.Worksheet, data: Excel.Worksheet, register: Excel.Worksheet) => step.queue({ workbook, sheet, data, register }));
    if (bytes + perRequest > budget) throw unwritableSpecError([`its "${step.label}" step alone is too large for one request (${Math.round(bytes / 1e6)} MB)`]);
    if (current.steps.length && current.bytes + bytes > budget) {
      out.push(current);
      current = { steps: [], bytes: perRequest };
    }
    current.steps.push(step);
    current.bytes += bytes;
  }
  if (current.steps.length) out.push(current);
  return out;
}

function suspend(app: Excel.Application, can: WriteCapabilities): void {
  if (can.suspendCalculation) app.suspendApiCalculationUntilNextSync();
  if (can.suspendScreen) app.suspendScreenUpdatingUntilNextSync();
}

/** The size the write of this spec takes, as its requests are told before they are sent (for tests and the pane). */
export function estimatedWriteBytes(spec: ScorecardSpec, can: WriteCapabilities = capabilities(() => true)): number {
  const steps = scorecardSteps(spec, planFor(spec, null), can);
  return requestsOf(steps, can).reduce((n, r) => n + r.bytes, 0);
}

/** A plan for writing `spec` where `state` says what exists (null: nothing yet). */
function planFor(spec: ScorecardSpec, state: OwnedSheetState | null, rename: string | null = null, registerRename: string | null = null): WritePlan {
  const owned = state?.owned ?? null;
  const data = state?.dataSheet ?? null;
  const register = state?.register ?? null;
  const placement = spec.source.options.settings.scorecardPlacement;
  const position = placement !== "first" ? null : owned ? (owned.position !== 0 ? 0 : null) : 0;
  // The sheets in order as they will be when the register is moved: new ones added at the end, the scorecard moved first.
  const scorecardName = owned?.name ?? spec.sheetName;
  const registerName = register?.name ?? spec.register.sheetName;
  const order = [...(state?.sheetNames ?? []), ...(owned ? [] : [scorecardName]), ...(data ? [] : [spec.dataSheet.sheetName]), ...(register ? [] : [registerName])];
  if (position !== null) order.unshift(order.splice(order.indexOf(scorecardName), 1)[0]);
  return {
    sheetName: owned?.name ?? spec.sheetName,
    createSheet: owned ? null : spec.sheetName,
    sheetId: owned?.id ?? null,
    createData: data ? null : spec.dataSheet.sheetName,
    dataId: data?.id ?? null,
    tagSheet: !owned?.tagged,
    tagData: !data?.tagged,
    sheetTagExists: state?.tags.owned ?? false,
    dataTagExists: state?.tags.data ?? false,
    writtenTagExists: state?.tags.written ?? false,
    nameTagExists: state?.tags.sheetName ?? false,
    oldArea: owned?.written ?? null,
    oldDataArea: data?.area ?? null,
    oldCharts: owned?.charts ?? [],
    newArea: writtenArea(spec) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
    rename,
    position,
    hideData: !data || data.visibility === "Visible",
    configuredName: spec.source.options.sheetName,
    title: titleOf(spec),
    createRegister: register ? null : spec.register.sheetName,
    registerId: register?.id ?? null,
    registerName,
    tagRegister: !register?.tagged,
    registerTagExists: state?.tags.register ?? false,
    registerAreaTagExists: state?.tags.registerArea ?? false,
    oldRegisterArea: register?.area ?? null,
    newRegisterArea: writtenArea(spec.register) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 },
    registerRename,
    registerPosition: registerPosition(order, scorecardName, registerName),
  };
}

/** The names the sheets will have: the owned ones keep theirs (a person's rename survives) unless the setting changed. */
function namesFor(specIn: ScorecardSpec, state: OwnedSheetState): { sheetName: string; dataSheetName: string; registerSheetName: string; rename: string | null; registerRename: string | null } {
  const { owned, dataSheet, register } = state;
  const others = state.sheetNames.filter((n) => n !== owned?.name && n !== dataSheet?.name && n !== register?.name);
  const wanted = specIn.sheetName;
  let sheetName = freeSheetName(wanted, others);
  let rename: string | null = null;
  if (owned) {
    const settingChanged = owned.configuredName !== "" && owned.configuredName !== wanted;
    if (settingChanged && owned.name.toLowerCase() !== wanted.toLowerCase()) rename = sheetName;
    else sheetName = owned.name;
  }
  const dataSheetName = dataSheet?.name ?? freeSheetName(specIn.dataSheet.sheetName || DATA_SHEET_DEFAULT_NAME, [...others, sheetName]);
  // The register is named after the scorecard: kept (a person's rename survives) unless the scorecard's setting changed.
  const wantedRegister = freeSheetName(registerSheetName(rename ?? sheetName), [...others, sheetName, dataSheetName]);
  const registerName = register && !rename ? register.name : wantedRegister;
  const registerRename = register && rename && register.name.toLowerCase() !== wantedRegister.toLowerCase() ? wantedRegister : null;
  return { sheetName, dataSheetName, registerSheetName: registerName, rename, registerRename };
}

/** Refuse, before any change, what Excel would refuse part-way. */
function checkWritable(state: OwnedSheetState, spec: ScorecardSpec): void {
  if (state.owned?.protected) throw protectedSheetError(state.owned.name);
  if (state.dataSheet?.protected) throw protectedSheetError(state.dataSheet.name);
  if (state.register?.protected) throw protectedSheetError(state.register.name);
  if (state.structureProtected && (!state.owned || !state.dataSheet || !state.register)) throw structureProtectedError();
  const problems = specProblems(spec);
  if (problems.length) throw unwritableSpecError(problems);
}

/** Dates in the workbook's own system (the core counts in the 1900 system). */
function inWorkbookDates(spec: ScorecardSpec, date1904: boolean): ScorecardSpec {
  if (!date1904) return spec;
  return {
    ...spec,
    blocks: spec.blocks.map(datesTo1904System),
    dataSheet: { ...spec.dataSheet, blocks: spec.dataSheet.blocks.map(datesTo1904System) },
    register: { ...spec.register, blocks: spec.register.blocks.map(datesTo1904System) },
  };
}

class CreationClash extends Error {}

interface Sending {
  plan: WritePlan;
  can: WriteCapabilities;
  targets: WriteTargets;
  counter: { syncs: number };
}

/** Send the requests one after another (recursion, so each sync is its own step: one request for most scorecards). */
async function sendRequests(context: Excel.RequestContext, requests: { steps: WriteStep[] }[], i: number, s: Sending): Promise<void> {
  if (i >= requests.length) return;
  suspend(context.application, s.can);
  for (const step of requests[i].steps) step.queue(s.targets);
  if (i === requests.length - 1) s.targets.sheet.load("name");
  try {
    await context.sync();
  } catch (e) {
    const creating = s.plan.createSheet !== null || s.plan.createData !== null || s.plan.createRegister !== null;
    if (i === 0 && creating && (e as { code?: string }).code === "ItemAlreadyExists") throw new CreationClash();
    throw e;
  } finally {
    s.counter.syncs++;
  }
  return sendRequests(context, requests, i + 1, s);
}

export async function applyScorecard(context: Excel.RequestContext, specIn: ScorecardSpec, options: ApplyOptions = {}): Promise<ApplyResult> {
  const counter = { syncs: 0 };
  try {
    return await applyOnce(context, specIn, options, counter);
  } catch (e) {
    if (!(e instanceof CreationClash)) throw e;
    // A co-author made the scorecard a moment ago: regenerate theirs in place.
    return applyOnce(context, specIn, options, counter);
  }
}

async function applyOnce(context: Excel.RequestContext, specIn: ScorecardSpec, options: ApplyOptions, counter: { syncs: number }): Promise<ApplyResult> {
  const supports = options.isSetSupported ?? isSetSupported;
  const state = await readOwnedSheet(context, () => counter.syncs++, {
    sheet: specIn.sheetName,
    data: specIn.dataSheet.sheetName || DATA_SHEET_DEFAULT_NAME,
    register: specIn.register.sheetName,
  });
  const names = namesFor(specIn, state);
  // An empty sheet taken over (a first write that stopped part-way) has nothing to say about a last scorecard.
  const previous = state.owned && !state.owned.blank ? state.owned.state : null;
  const spec = withSheetState(specIn, previous, { sheetName: names.sheetName, dataSheetName: names.dataSheetName, registerSheetName: names.registerSheetName });
  checkWritable(state, spec);
  const can = capabilities(supports);
  const written = inWorkbookDates(spec, state.date1904);
  const plan = planFor(written, state, names.rename, names.registerRename);
  const requests = requestsOf(scorecardSteps(written, plan, can), can, options.requestBudgetBytes);

  const sheets = context.workbook.worksheets;
  const targets: WriteTargets = {
    workbook: context.workbook,
    sheet: (plan.sheetId !== null ? sheets.getItem(plan.sheetId) : undefined) as Excel.Worksheet,
    data: (plan.dataId !== null ? sheets.getItem(plan.dataId) : undefined) as Excel.Worksheet,
    register: (plan.registerId !== null ? sheets.getItem(plan.registerId) : undefined) as Excel.Worksheet,
  };
  await sendRequests(context, requests, 0, { plan, can, targets, counter });

  return {
    sheetName: targets.sheet.name,
    renamedBecauseTaken: targets.sheet.name !== specIn.sheetName,
    kpiRows: spec.table.rowCount,
    charts: spec.charts.length,
    syncs: counter.syncs,
    keptCommentary: spec.rows.filter((r) => r.commentary.trim() !== "").length,
    orphanedCommentary: spec.orphanedCommentary.length,
    degraded: degradedNotes(can, spec),
    dataSheetName: names.dataSheetName,
    registerSheetName: names.registerRename ?? names.registerSheetName,
    sections: spec.sections,
    changedSinceLast: spec.changes.hasPrevious ? spec.changes.changed.length : null,
    inPlace: plan.createSheet === null,
    requests: requests.map((r) => ({ estimatedBytes: r.bytes, steps: r.steps.length })),
  };
}

export type { WriteCapabilities };
