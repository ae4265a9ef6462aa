// From a draft (which cells are what) to a Kpi, in named steps: the cells read as figures in one unit; the plan
// (baseline, milestones, final target); the actual series (latest, previous); the target in force; polarity;
// RAG; direction of travel; and the checks a careful reader makes — every problem met on the way reported.
import type { Figure, Finding, IsoDate, Kpi, Polarity } from "../types";
import { gridOf, type BuildContext } from "./context";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi } from "../recognise/drafts";
import { FINDING_CODES, type FindingCode } from "../validate/codes";
import { checkFigures } from "../validate/figureChecks";
import { decidePolarity, type PolarityDecision } from "./polarity";
import { parseAt, readKpiCells, targetValue, timesStated, type KpiCells } from "./kpiCells";
import { readPlan, cmpDue, type Plan } from "./plan";
import { readSeries, type Series } from "./series";
import { targetInForce, userTargetInForce, type InForce } from "./inForce";
import { polarityFromStated, polarityWords, readStatedAboutKpi, type StatedAboutKpi } from "./stated";
import { checkStatedRags, rateKpi, rateMilestones, sidelessWords, type Judged } from "./rating";
import { directionOfTravel } from "./travel";
import { figureCells } from "./figureCells";
import { staleness, staleWords } from "../stale";

export type { BuildContext } from "./context";


type Add = (code: FindingCode, message: string, cell?: CellRef | null) => void;

export function buildKpi(d: DraftKpi, bc: BuildContext): Kpi {
  const findings: Finding[] = [];
  const add = findingsOf(bc.grid, findings);
  const name = d.ref ? `${d.ref}` : `"${short(d.measure)}"`;

  const cells = readKpiCells(d, bc.grid, bc.periodContext);
  reportConflicts(d, bc, cells, name, add);
  const plan = readPlan(d, bc, cells);
  const series = readSeries(d, bc, cells, plan);
  const { age, ratedAt } = whenRated(d, bc, plan, series);
  const inForce = settleTargetInForce(d, bc, plan, cells, series, name, add, ratedAt);
  const stated = readStatedAboutKpi(d, bc);
  const decision = judgePolarity(d, bc, { cells, plan, series, inForce, stated }, name, add);
  // Rated on the side a target is met: the polarity, or for a KPI with no better direction the side its targets imply.
  const judged: Judged = {
    polarity: decision.ratedAs,
    how: decision.source === "default" ? "assumed" : decision.reason,
    noBetterDirection: decision.noBetterDirection?.reason ?? null,
    unit: cells.unit,
    settings: bc.settings,
  };

  const milestones = rateMilestones(plan, bc, judged);
  const currentMs = inForce.current ? milestones[plan.ms.indexOf(inForce.current)] : null;
  const rating = rateKpi(series.latest, inForce, plan.finalTarget, currentMs, stated.rag, judged);
  checkStatedRags(name, add, { rag: rating.rag, statedKpiRag: stated.rag, ragCell: d.ragCell, latest: series.latest, inForce, currentMs, plan, milestones });
  const dot = directionOfTravel(name, add, { ...series, polarity: decision.polarity, settings: bc.settings, stated, trendAsJudgement: !!bc.trendAsJudgement, dotCell: d.dotCell });
  // Staged targets are "easier" or "harder" only for a KPI with a better direction, not on a side a target implies.
  checkKpiFigures(d, bc, { cells, plan, series, inForce, polarity: decision.polarity, hasNumbers: hasNumbers(d, cells, plan) }, name, add);
  if (decision.noBetterDirection && hasNumbers(d, cells, plan)) reportNoBetterDirection(d, decision, inForce, name, add);

  return {
    ref: d.ref,
    measure: d.measure,
    group: d.group,
    frequency: d.frequency,
    unit: cells.unit,
    ...(cells.unit === "rate" ? { ratePer: cells.ratePer } : {}),
    polarity: decision.polarity,
    polaritySource: decision.source === "default" ? "setting" : decision.source,
    ...(decision.noBetterDirection ? { noBetterDirection: decision.noBetterDirection } : {}),
    baseline: plan.baseline?.fig ?? null,
    target: plan.finalTarget?.fig ?? null,
    currentTarget: inForce.currentTarget?.fig ?? null,
    previous: series.previous?.fig ?? null,
    latest: series.latest?.fig ?? null,
    milestones,
    dot,
    rag: rating.rag,
    statedRag: stated.rag ?? currentMs?.statedRag ?? null,
    findings,
    sheet: bc.grid.name,
    sourceCell: sourceCellOf(d, bc.grid),
    currentMilestone: inForce.current?.label ?? null,
    notes: d.notes,
    key: keyFor(bc.grid.name, d),
    ragExplanation: age.stale
      ? `Out of date, so rated at its own period (${series.latest!.fig.period || ratedAt}): the latest figure is ${staleWords(age)} at ${bc.asOf}. ${rating.explanation}`
      : rating.explanation,
    ...benchmarksAndOwner(d, bc, cells),
    figureCells: figureCells(d, plan.ms, bc.grid),
    ...(d.sources ? { sources: d.sources.map((s) => ({ sheet: s.grid.name, cell: s.grid.address(s.cell.row, s.cell.col), period: s.period })) } : {}),
  };
}

/** How old the latest figure is; an out-of-date figure is rated at its own period, not against a milestone due after it. */
function whenRated(d: DraftKpi, bc: BuildContext, plan: Plan, series: Series): { age: ReturnType<typeof staleness>; ratedAt: IsoDate } {
  const milestones = plan.ms.map((m) => ({ due: m.due, target: m.target?.fig ?? null, actual: m.actual?.fig ?? null }));
  const age = staleness({ frequency: d.frequency, latest: series.latest?.fig ?? null, previous: series.previous?.fig ?? null, milestones }, bc.asOf);
  const ratedAt = age.stale && series.latest?.fig.periodEnd ? series.latest.fig.periodEnd : bc.asOf;
  return { age, ratedAt };
}

/** A KPI with no better direction: its movement is shown without a judgement, and a target with no side is not rated. */
function reportNoBetterDirection(d: DraftKpi, decision: PolarityDecision, inForce: InForce, name: string, add: Add): void {
  const target = inForce.currentTarget && targetValue(inForce.currentTarget) !== null ? inForce.currentTarget : null;
  const sideless = target && !decision.ratedAs ? `; ${sidelessWords(inForce.current, target)}, so it is not rated` : "";
  add(
    "no-better-direction",
    `${name}: ${decision.reason}${sideless}. Its movement is shown without "improving" or "worsening"; set which way is better if one is.`,
    d.polarityCell ?? d.measureCell ?? d.refCell,
  );
}

/** Where the rows that keep the KPI disagree about a period, the newer source's figure stands; the finding names both. */
function reportConflicts(d: DraftKpi, bc: BuildContext, cells: KpiCells, name: string, add: Add): void {
  for (const c of d.conflicts ?? []) {
    const kept = cells.get(c.kept)?.fig ?? parseAt(bc.grid, c.kept, bc.periodContext, cells.unit).fig;
    const other = parseAt(bc.grid, c.other, bc.periodContext, cells.unit).fig;
    const where = (f: Figure) => `${f.sheet ?? bc.grid.name}!${f.cell}`;
    add(
      "sources-disagree",
      `${name}, "${c.label}": ${where(kept)} gives ${kept.text || "blank"} but ${where(other)} gives ${other.text || "blank"} for the same period; the newer, ${kept.text || "blank"}, is used.`,
      c.kept,
    );
  }
}

/** A finding about the KPI, on its own sheet, at the cell it names. */
function findingsOf(grid: SheetGrid, findings: Finding[]): Add {
  return (code, message, cell) => {
    const on = cell ? gridOf(grid, cell) : grid;
    findings.push({ code, severity: FINDING_CODES[code].severity, message, sheet: on.name, ...(cell ? { cell: on.address(cell.row, cell.col) } : {}) });
  };
}

/**
 * The target in force at the reporting date (or at `at`, an out-of-date figure's own period); a target the user
 * set for this KPI stands over the workbook's.
 */
function settleTargetInForce(d: DraftKpi, bc: BuildContext, plan: Plan, cells: KpiCells, series: Series, name: string, add: Add, at: IsoDate): InForce {
  let inForce = targetInForce(plan, bc, series.latest, at);
  if (inForce.needsPlanStart)
    add("plan-start-needed", `${name}: milestones count from the plan start date, which is not set; the final milestone was used. Set the plan start date in Settings.`, d.refCell ?? d.measureCell);
  const userTarget = bc.settings.kpiCorrections[keyFor(bc.grid.name, d)]?.target;
  if (userTarget !== undefined) inForce = userTargetInForce(userTarget, d, bc, cells.unit);
  if (inForce.noneDueYet) {
    const first = plan.msWithTarget
      .filter((m) => m.due !== null)
      .map((m) => m.inForceFrom!)
      .sort()[0];
    add(
      "no-milestone-due",
      `${name}: no staged milestone is due yet at ${at}${at !== bc.asOf ? " (the out-of-date latest figure's period)" : ""}; the first applies from ${first}.`,
      d.refCell ?? d.measureCell,
    );
  }
  const earlier = inForce.noTargetForLatest?.earlier;
  if (earlier && inForce.current?.target && series.latest) {
    // Said where an earlier period has a target one might carry over (else the target checks say it already).
    const own = inForce.current.target;
    const when = series.latest.fig.period ?? inForce.current.label;
    add(
      own.p.missing === "to-be-confirmed" ? "target-to-be-confirmed" : "target-not-applicable",
      `${name}: no target for ${when} (the workbook says "${own.fig.text}"), so the ${when} figure ${series.latest.fig.text} is not rated; the earlier target (${earlier.target!.fig.text}, "${earlier.label}") is not carried over.`,
      own.ref,
    );
  }
  return inForce;
}

interface Read {
  cells: KpiCells;
  plan: Plan;
  series: Series;
  inForce: InForce;
  stated: StatedAboutKpi;
}

/** Polarity, from what the workbook states about the KPI (its polarity, status and trend) and its figures. */
function judgePolarity(d: DraftKpi, bc: BuildContext, r: Read, name: string, add: Add): PolarityDecision {
  const { settings } = bc;
  const { plan, series, inForce, stated, cells } = r;
  // Targets kept period by period (a sheet's, an export row's) are set one at a time, not staged towards an aim:
  // their moves say nothing of which way is better.
  const planned = plan.ms.filter((m) => !m.periodTarget);
  const staged = planned
    .filter((m) => m.target && targetValue(m.target) !== null)
    .sort((a, b) => cmpDue(a.due, b.due))
    .map((m) => targetValue(m.target!)!);
  const targetForWords = inForce.currentTarget ?? plan.finalTarget;
  const decision = decidePolarity({
    stated: stated.polarityText || null,
    setting: settings.polarityOverrides[keyFor(bc.grid.name, d)] ?? (d.ref ? settings.polarityOverrides[d.ref] : undefined) ?? null,
    baseline: plan.baselineValue,
    finalTarget: plan.finalTarget && !plan.ms.some((m) => m.periodTarget && m.target === plan.finalTarget) ? targetValue(plan.finalTarget) : null,
    stagedTargets: staged,
    measure: d.measure,
    defaultPolarity: settings.defaultPolarity,
    targetText: targetForWords && targetForWords.p.unitFrom !== "format" ? targetForWords.fig.text : null,
    fromStated: polarityFromStated(stated.rag, series.latest, inForce.currentTarget, series.previous, stated.overSpan ? null : stated.trend, cells.unit, settings),
    sibling: bc.siblingPolarity?.get(d) ?? null,
  });
  const polarity = decision.polarity;
  if (decision.unreadableStated) add("polarity-not-recognised", `${name}: the polarity "${stated.polarityText}" could not be read; use High or Low.`, d.polarityCell);
  if (decision.source === "default" && hasNumbers(d, cells, plan)) add("polarity-assumed", `${name}: ${decision.reason}. Set the polarity if lower is better.`, d.measureCell ?? d.refCell);
  if (decision.conflict)
    add("polarity-conflict", `${name}: polarity taken as ${polarityWords(polarity)} because ${decision.reason}, but ${decision.conflict}.`, d.polarityCell ?? d.measureCell ?? d.refCell);
  return decision;
}

/** Whether any of the KPI's own cells holds a figure (or a target relative to one). */
function hasNumbers(d: DraftKpi, cells: KpiCells, plan: Plan): boolean {
  return [plan.baseline, plan.explicitTarget, cells.get(d.previousCell), cells.get(d.latestCell), ...plan.ms.flatMap((m) => [m.target, m.actual])].some(
    (x) => x && (x.p.value !== null || x.p.relative),
  );
}

/** The figure-level checks (errors, several values, units, scale, ranges, staleness, order, staged direction). */
function checkKpiFigures(d: DraftKpi, bc: BuildContext, r: Omit<Read, "stated"> & { polarity: Polarity | null; hasNumbers: boolean }, name: string, add: Add): void {
  const { cells, plan, series, inForce } = r;
  checkFigures({
    name,
    add,
    d,
    unit: cells.unit,
    ratePer: cells.ratePer,
    polarity: r.polarity,
    baseline: plan.baseline,
    explicitTarget: plan.explicitTarget,
    finalTarget: plan.finalTarget,
    currentTarget: inForce.currentTarget,
    previous: series.previous,
    latest: series.latest,
    ms: plan.ms,
    all: cells.all,
    grid: bc.grid,
    asOf: bc.asOf,
    hasTargetColumn: !!d.targetCell || d.milestones.some((m) => m.headingRole === "target" || m.headingRole === "final-target") || plan.ms.some((m) => m.target),
    hasBaselineColumn: !!d.baselineCell,
    qualitative: plan.ms.some((m) => m.ragCell) && !r.hasNumbers,
  });
  if (d.frequencyCell && !d.frequency) {
    const ft = bc.grid.text(d.frequencyCell.row, d.frequencyCell.col);
    if (ft) add("frequency-not-recognised", `${name}: the Frequency cell holds "${ft}", which is not a reporting frequency${/\d/.test(ft) ? " (it looks like a target)" : ""}.`, d.frequencyCell);
  }
}

/** Comparators stated beside the KPI, read in its unit, and the owner it names. */
function benchmarksAndOwner(d: DraftKpi, bc: BuildContext, cells: KpiCells): Pick<Kpi, "benchmarks" | "owner"> {
  const { grid } = bc;
  const owner = d.ownerCell ? gridOf(grid, d.ownerCell).text(d.ownerCell.row, d.ownerCell.col) : "";
  const comparator = (cell: CellRef) => timesStated(parseAt(grid, cell, bc.periodContext, cells.unit), grid, d, cells.unit);
  return {
    ...(d.benchmarkCells.length ? { benchmarks: d.benchmarkCells.map((b) => ({ label: b.label, value: comparator(b.cell).fig })) } : {}),
    ...(owner ? { owner } : {}),
  };
}

function sourceCellOf(d: DraftKpi, grid: SheetGrid): string {
  const cell = d.measureCell ?? d.refCell ?? { row: d.row, col: grid.firstCol };
  return grid.address(cell.row, cell.col);
}

export function keyFor(sheet: string, d: { ref: string | null; measure: string }): string {
  return `${sheet}!${d.ref ?? d.measure}`;
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}


