// From a draft (which cells are what) to a Kpi: figures parsed, units settled, relative targets
// resolved, polarity decided, DoT and RAG computed, and every problem met on the way reported.
import type { Direction, Figure, Finding, IsoDate, Judgement, Kpi, Milestone, Polarity, Rag, Unit } from "../types";
import type { Settings } from "../settings";
import { parseFigure, type ParsedFigure } from "../figures";
import { parsePeriodCell, type PeriodContext } from "../periods";
import { addMonthsIso, compareIso } from "../dates";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi, DraftMilestone } from "../recognise/readKpis";
import { FINDING_CODES, type FindingCode } from "../validate/codes";
import { decidePolarity } from "./polarity";
import { computeDot, judge, parseStatedDot } from "./dot";
import { rateAgainstTarget } from "./rag";
import { readStatedStatus } from "../stated/status";
import { isNeutralGrey, ragFromColour } from "../stated/colour";
import { checkFigures } from "../validate/figureChecks";
import { staleness, staleWords } from "../stale";

export interface BuildContext {
  grid: SheetGrid;
  settings: Settings;
  asOf: IsoDate;
  periodContext: PeriodContext;
  /** Whether the table has ACTUAL(S) rows: then every KPI row holds targets. */
  tableHasActualRows: boolean;
  /** The table's arrows state judgements (a legend says "↑ = improving"), not directions. */
  trendAsJudgement?: boolean;
  /** The table's first and last data rows: where a status column's other cells are. */
  dataRows?: readonly [number, number];
}

interface Parsed {
  fig: Figure;
  p: ParsedFigure;
  ref: CellRef;
}

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(%|percent|percentage|per ?cent|rate %)$/i, "percent"],
  [/^(weeks?|wks?)$/i, "weeks"],
  [/^(days?|working days)$/i, "days"],
  [/^(months?)$/i, "months"],
  [/^(£|gbp|currency|cost|£s|£k)$/i, "currency"],
  [/^(number|no\.?|count|#|numbers|total)$/i, "count"],
  [/^(ratio|rate|per \d[\d,]*)$/i, "ratio"],
  [/^(score|points|average score)$/i, "score"],
];

function unitFromWord(text: string): Unit | null {
  const t = text.trim();
  for (const [re, u] of UNIT_WORDS) if (re.test(t)) return u;
  return null;
}

export function buildKpi(d: DraftKpi, bc: BuildContext): Kpi {
  const { grid, settings } = bc;
  const sheet = grid.name;
  const findings: Finding[] = [];
  const add = (code: FindingCode, message: string, cell?: CellRef | null) => {
    findings.push({ code, severity: FINDING_CODES[code].severity, message, sheet, ...(cell ? { cell: grid.address(cell.row, cell.col) } : {}) });
  };
  const name = d.ref ? `${d.ref}` : `"${short(d.measure)}"`;

  // 1. Parse every cell once without a unit, to learn the KPI's unit; then again with it, for bare numbers.
  const cells = collectCells(d);
  const firstPass = cells.map((ref) => parseAt(grid, ref, bc.periodContext, null));
  const statedUnit = d.unitCell ? unitFromWord(grid.text(d.unitCell.row, d.unitCell.col)) : null;
  const unit = statedUnit ?? majorityUnit(firstPass) ?? d.unitHint;
  const parsedByKey = new Map<string, Parsed>();
  for (const ref of cells) parsedByKey.set(key(ref), parseAt(grid, ref, bc.periodContext, unit));
  const get = (ref: CellRef | null): Parsed | null => (ref ? (parsedByKey.get(key(ref)) ?? null) : null);

  // 2. Baseline, final target, milestones.
  const baseline = get(d.baselineCell);
  const milestoneDrafts = d.milestones;
  const ms = milestoneDrafts.map((m) => readMilestone(m, bc, get));
  // A milestone whose target is "N/A" is no milestone (ASD's quarterly backlog targets: "638 | N/A | N/A | 579").
  const msWithTarget = ms.filter((m) => m.target && (m.target.p.missing !== "not-applicable" || ms.every((o) => !o.target || o.target.p.missing === "not-applicable")));
  const explicitTarget = get(d.targetCell);
  const finalTarget: Parsed | null = explicitTarget ?? [...msWithTarget].reverse().find((m) => m.target!.p.value !== null || m.target!.p.relative)?.target ?? msWithTarget[msWithTarget.length - 1]?.target ?? null;

  // 3. Resolve relative targets ("Baseline plus 10%") against the baseline, or a milestone that states the baseline ("Baseline 50%").
  const baselineValue = baseline?.p.value ?? ms.map((m) => m.target).find((t) => t && t.p.value !== null && /baseline/i.test(t.p.qualifier ?? ""))?.p.value ?? null;
  const allTargets = [explicitTarget, ...ms.map((m) => m.target)].filter((t): t is Parsed => !!t);
  for (const t of allTargets) resolveRelative(t, baselineValue, unit);

  // 5. The actual series: previous/latest columns, or the actuals of the milestone columns in time order.
  let previous: Parsed | null = get(d.previousCell);
  let latest: Parsed | null = get(d.latestCell);
  if (previous && d.previousPeriodCell) attachPeriod(previous, grid, d.previousPeriodCell, bc.periodContext);
  if (latest && d.latestPeriodCell) attachPeriod(latest, grid, d.latestPeriodCell, bc.periodContext);
  if (!previous || !latest) {
    const series = ms
      .filter((m) => m.actual && m.actual.p.value !== null && (m.due === null || compareIso(m.periodStart ?? m.due, bc.asOf) <= 0))
      .sort(seriesOrder);
    // The actual written under the baseline column (therapy tables) is the first point of the series.
    const baselineActual = d.actualRow !== null && d.baselineCell ? get({ row: d.actualRow, col: d.baselineCell.col }) : null;
    const points = series.map((m) => m.actual!);
    if (baselineActual && baselineActual.p.value !== null) points.unshift(baselineActual);
    else if (!d.actualRow && baseline && baseline.p.value !== null && points.length === 1) points.unshift(baseline);
    if (latest) {
      // A Latest / Year-to-date column with earlier periods as columns beside it: the last of those is the previous.
      previous = points.filter((p) => p !== latest).pop() ?? null;
    } else {
      latest = points[points.length - 1] ?? null;
      previous = previous ?? points[points.length - 2] ?? null;
    }
  }

  // 6. The milestone in force at the reporting date — or, for an out-of-date figure, at the figure's own
  // period: an October 2020 actual is rated against the October 2020 milestone, not one due after it.
  const msPeriods = ms.map((m) => ({ due: m.due, target: m.target?.fig ?? null, actual: m.actual?.fig ?? null }));
  const age = staleness({ frequency: d.frequency, latest: latest?.fig ?? null, previous: previous?.fig ?? null, milestones: msPeriods }, bc.asOf);
  const ratedAt = age.stale && latest?.fig.periodEnd ? latest.fig.periodEnd : bc.asOf;
  const dated = msWithTarget.filter((m) => m.due !== null);
  let current: ReadMilestone | null = null;
  let currentTarget: Parsed | null = null;
  let noneDueYet = false;
  if (dated.length) {
    const due = dated.filter((m) => compareIso(m.inForceFrom!, ratedAt) <= 0).sort((a, b) => cmpDue(a.due, b.due));
    current = due[due.length - 1] ?? null;
    // A later milestone that says why no target applies ("NA new statutory reporting period") supersedes the older
    // target: the KPI is not rated against a target that no longer stands. A bare "N/A" between quarterly targets
    // only says this month has none.
    const superseding = ms
      .filter((m) => m.due !== null && m.target?.p.missing === "not-applicable" && statesWhy(m.target.fig.text) && compareIso(m.inForceFrom!, ratedAt) <= 0 && (!current || compareIso(m.due!, current.due!) > 0))
      .sort((a, b) => cmpDue(a.due, b.due))
      .pop();
    if (superseding) current = superseding;
    if (!current) noneDueYet = true;
    currentTarget = current?.target ?? null;
  } else if (msWithTarget.length && !explicitTarget) {
    // Milestones without dates ("By 6 months" with no plan start): the final one stands, and we say so.
    current = msWithTarget[msWithTarget.length - 1];
    currentTarget = current.target;
    if (ms.some((m) => m.relativeMonths !== null)) add("plan-start-needed", `${name}: milestones count from the plan start date, which is not set; the final milestone was used. Set the plan start date in Settings.`, d.refCell ?? d.measureCell);
  } else {
    currentTarget = explicitTarget;
  }
  // A target the user set for this KPI stands over whatever the workbook gives.
  const userTarget = settings.kpiCorrections[keyFor(sheet, d)]?.target;
  if (userTarget !== undefined) {
    const cell = d.targetCell ?? d.measureCell ?? d.refCell ?? { row: d.row, col: grid.firstCol };
    const fig: Figure = { value: userTarget, text: `${fmt(userTarget, unit)} (set by the user)`, cell: grid.address(cell.row, cell.col), unit, period: null, periodStart: null, periodEnd: null, missing: null, relative: null };
    const p: ParsedFigure = { value: userTarget, unit, period: null, missing: null, relative: null, qualifier: "set by the user", several: null, error: null, scaled: false, unitFrom: null };
    currentTarget = { fig, p, ref: cell };
    current = null;
    noneDueYet = false;
  }
  if (noneDueYet) add("no-milestone-due", `${name}: no staged milestone is due yet at ${ratedAt}${ratedAt !== bc.asOf ? " (the out-of-date latest figure's period)" : ""}; the first applies from ${dated.map((m) => m.inForceFrom!).sort()[0]}.`, d.refCell ?? d.measureCell);

  // 4. Polarity, with what the workbook states about the KPI: its status and its trend.
  const polarityText = d.polarityCell ? grid.text(d.polarityCell.row, d.polarityCell.col) : "";
  const statedKpiRag = statusAt(grid, d.ragCell, d.ragYesNo, bc.dataRows);
  const statedTrendText = d.dotCell ? grid.text(d.dotCell.row, d.dotCell.col) : "";
  const statedTrend = statedTrendText ? parseStatedDot(statedTrendText, grid.fontName(d.dotCell!.row, d.dotCell!.col)) : null;
  const staged = ms
    .filter((m) => m.target && targetValue(m.target) !== null)
    .sort((a, b) => cmpDue(a.due, b.due))
    .map((m) => targetValue(m.target!)!);
  const targetForWords = currentTarget ?? finalTarget;
  const decision = decidePolarity({
    stated: polarityText || null,
    setting: settings.polarityOverrides[keyFor(sheet, d)] ?? (d.ref ? settings.polarityOverrides[d.ref] : undefined) ?? null,
    baseline: baselineValue,
    finalTarget: finalTarget ? targetValue(finalTarget) : null,
    stagedTargets: staged,
    measure: d.measure,
    defaultPolarity: settings.defaultPolarity,
    targetText: targetForWords && targetForWords.p.unitFrom !== "format" ? targetForWords.fig.text : null,
    fromStated: polarityFromStated(statedKpiRag, latest, currentTarget, previous, statedTrend, unit, settings),
  });
  const polarity: Polarity = decision.polarity;
  if (decision.unreadableStated) add("polarity-not-recognised", `${name}: the polarity "${polarityText}" could not be read; use High or Low.`, d.polarityCell);
  const hasNumbers = [baseline, explicitTarget, get(d.previousCell), get(d.latestCell), ...ms.flatMap((m) => [m.target, m.actual])].some((x) => x && (x.p.value !== null || x.p.relative));
  if (decision.source === "default" && hasNumbers) add("polarity-assumed", `${name}: ${decision.reason}. Set the polarity if lower is better.`, d.measureCell ?? d.refCell);
  if (decision.conflict) add("polarity-conflict", `${name}: polarity taken as ${words(polarity)} because ${decision.reason}, but ${decision.conflict}.`, d.polarityCell ?? d.measureCell ?? d.refCell);

  // 7. Milestone RAGs and the KPI's RAG.
  const milestones: Milestone[] = ms.map((m) => {
    const statedRag = m.ragCell ? statusAt(grid, m.ragCell, false, bc.dataRows) : null;
    let rag: Rag | null = null;
    const tv = m.target ? targetValue(m.target) : null;
    const av = m.actual?.p.value ?? null;
    if (tv !== null && av !== null) rag = rateAgainstTarget({ actual: av, target: tv, polarity, unit, settings }).rag;
    else if (statedRag) rag = statedRag; // qualitative milestones keep the RAG a person entered
    else if (m.target || m.actual) rag = "grey";
    return { label: m.label, due: m.due, target: m.target?.fig ?? null, actual: m.actual?.fig ?? null, rag, statedRag };
  });

  const currentMs = current ? milestones[ms.indexOf(current)] : null;
  const tv = currentTarget ? targetValue(currentTarget) : null;
  const av = latest?.p.value ?? null;
  let rag: Rag;
  let ragExplanation: string;
  const inForce = ratedAt === bc.asOf ? "the milestone in force" : "the milestone in force then";
  const targetWords = currentTarget ? `${current ? `${inForce}, "${current.label}"` : "the target"} (${currentTarget.fig.text || "blank"})` : "no target";
  if (tv !== null && av !== null) {
    const out = rateAgainstTarget({ actual: av, target: tv, polarity, unit, settings });
    rag = out.rag;
    ragExplanation =
      `${cap(out.rag)}: the latest actual ${latest!.fig.text}${latest!.fig.period ? ` (${latest!.fig.period})` : ""} against ${targetWords}` +
      (currentTarget!.p.relative?.explanation ? `, ${currentTarget!.p.relative.explanation}` : "") +
      `, ${words(polarity)} (${decision.source === "default" ? "assumed" : decision.reason}). ` +
      (out.rag === "green" ? "It meets or beats the target." : out.rag === "amber" ? `It misses, but ${out.bandWords}.` : `It misses by more than the amber band (${out.bandWords}).`);
    if (settings.blueWhenFinalTargetMet && finalTarget && targetValue(finalTarget) !== null) {
      const fin = rateAgainstTarget({ actual: av, target: targetValue(finalTarget)!, polarity, unit, settings });
      if (fin.rag === "green") {
        rag = "blue";
        ragExplanation += " The final target is achieved (blue).";
      }
    }
  } else if (currentMs?.statedRag && (tv === null || av === null)) {
    rag = currentMs.statedRag;
    ragExplanation = `${cap(rag)} as entered in the workbook for "${currentMs.label}": ${tv === null ? "the milestone is not a figure" : "there is no actual figure"}, so the RAG a person entered is kept.`;
  } else if (statedKpiRag && av === null) {
    rag = statedKpiRag;
    ragExplanation = `${cap(rag)} as entered in the workbook: there is no actual figure to check it against.`;
  } else {
    rag = "grey";
    const noneApplies = current && currentTarget?.p.missing === "not-applicable" ? `the milestone in force, "${current.label}", says no target applies (${currentTarget.fig.text})` : null;
    ragExplanation = `Grey: ${noneApplies ?? (av === null ? "there is no actual figure" : "there is no numeric target")}${noneDueYet ? " due yet" : ""}${currentTarget?.p.relative && tv === null ? ` (${currentTarget.p.relative.explanation ?? "the target is relative to a figure not given"})` : ""}.`;
    if (currentTarget?.p.relative?.kind === "at-least-comparator" && currentTarget.p.relative.amount !== null && av !== null) {
      // "50% or national average, whichever is higher": below the floor is a miss whatever the average is.
      const floor = rateAgainstTarget({ actual: av, target: currentTarget.p.relative.amount, polarity, unit, settings });
      if (floor.rag !== "green") {
        rag = floor.rag;
        ragExplanation = `${cap(rag)}: the latest actual ${latest!.fig.text} is below the floor of ${currentTarget.fig.text}, whatever the comparator turns out to be.`;
      }
    }
  }
  if (age.stale) {
    ragExplanation = `Out of date, so rated at its own period (${latest!.fig.period || ratedAt}): the latest figure is ${staleWords(age)} at ${bc.asOf}. ${ragExplanation}`;
  }
  if (statedKpiRag && rag !== statedKpiRag && tv !== null && av !== null) {
    add("stated-rag-contradicts-data", `${name}: the workbook states ${cap(statedKpiRag)} but the figures give ${cap(rag)} (${latest!.fig.text} against ${currentTarget!.fig.text}).`, d.ragCell);
  } else if (!statedKpiRag && currentMs?.statedRag && !currentMs.actual && tv !== null && av !== null && rag !== currentMs.statedRag) {
    // The RAG written beside a period's target ("Target 2023/24 | RAG") rates the latest actual against it.
    add("stated-rag-contradicts-data", `${name}: the workbook states ${cap(currentMs.statedRag)} for "${currentMs.label}" but the figures give ${cap(rag)} (${latest!.fig.text} against ${currentTarget!.fig.text}).`, ms[ms.indexOf(current!)].ragCell);
  }
  for (const [i, m] of milestones.entries()) {
    const tv2 = ms[i].target ? targetValue(ms[i].target!) : null;
    if (m.statedRag && tv2 !== null && m.actual?.value != null && m.rag && m.rag !== m.statedRag) {
      add("stated-rag-contradicts-data", `${name}, "${m.label}": the workbook states ${cap(m.statedRag)} but ${m.actual.text} against ${m.target!.text} gives ${cap(m.rag)}.`, ms[i].ragCell);
    }
  }

  // 8. Direction of travel, and the stated one checked against it.
  const dot = computeDot(previous?.p.value ?? null, latest?.p.value ?? null, polarity, settings.noChangeBand);
  const statedText = statedTrendText;
  const stated = statedTrend && bc.trendAsJudgement && statedTrend.direction ? { direction: null, judgement: judgementOf(statedTrend.direction) } : statedTrend;
  if (stated) {
    const statedDirection = stated.direction ?? null;
    const statedJudgement = stated.judgement ?? (statedDirection ? judge(statedDirection, polarity) : null);
    dot.stated = statedDirection;
    if (stated.judgement) dot.statedJudgement = stated.judgement;
    if (dot.direction && statedDirection && statedDirection !== dot.direction && !(statedDirection === "flat" && Math.abs((latest!.p.value ?? 0) - (previous!.p.value ?? 0)) <= Math.abs(previous!.p.value ?? 0) * 0.05)) {
      add("stated-dot-contradicts-data", `${name}: the workbook states ${statedText} (${statedDirection}) but the figures go ${dot.direction}, from ${previous!.fig.text} to ${latest!.fig.text}.`, d.dotCell);
    } else if (dot.judgement && statedJudgement && !statedDirection && statedJudgement !== dot.judgement) {
      add("stated-dot-contradicts-data", `${name}: the workbook states "${statedText}" but the figures are ${dot.judgement} (${previous!.fig.text} to ${latest!.fig.text}, ${words(polarity)}).`, d.dotCell);
    }
  }

  // 9. Figure-level checks (errors, several values, units, scale, ranges, staleness, order, staged direction).
  checkFigures({
    name,
    add,
    d,
    unit,
    polarity,
    baseline,
    explicitTarget,
    finalTarget,
    currentTarget,
    previous,
    latest,
    ms,
    all: [...parsedByKey.values()],
    grid,
    asOf: bc.asOf,
    hasTargetColumn: !!d.targetCell || milestoneDrafts.some((m) => m.headingRole === "target" || m.headingRole === "final-target") || ms.some((m) => m.target),
    hasBaselineColumn: !!d.baselineCell,
    qualitative: ms.some((m) => m.ragCell) && !hasNumbers,
  });
  if (d.frequencyCell && !d.frequency) {
    const ft = grid.text(d.frequencyCell.row, d.frequencyCell.col);
    if (ft) add("frequency-not-recognised", `${name}: the Frequency cell holds "${ft}", which is not a reporting frequency${/\d/.test(ft) ? " (it looks like a target)" : ""}.`, d.frequencyCell);
  }

  return {
    ref: d.ref,
    measure: d.measure,
    group: d.group,
    frequency: d.frequency,
    unit,
    polarity,
    polaritySource: decision.source === "default" ? "setting" : decision.source,
    baseline: baseline?.fig ?? null,
    target: finalTarget?.fig ?? null,
    currentTarget: currentTarget?.fig ?? null,
    previous: previous?.fig ?? null,
    latest: latest?.fig ?? null,
    milestones,
    dot,
    rag,
    statedRag: statedKpiRag ?? currentMs?.statedRag ?? null,
    findings,
    sheet,
    sourceCell: grid.address((d.measureCell ?? d.refCell ?? { row: d.row, col: grid.firstCol }).row, (d.measureCell ?? d.refCell ?? { row: d.row, col: grid.firstCol }).col),
    currentMilestone: current?.label ?? null,
    notes: d.notes,
    key: keyFor(sheet, d),
    ragExplanation,
    ...(d.benchmarkCells.length ? { benchmarks: d.benchmarkCells.map((b) => ({ label: b.label, value: parseAt(grid, b.cell, bc.periodContext, unit).fig })) } : {}),
    ...(d.ownerCell && grid.text(d.ownerCell.row, d.ownerCell.col) ? { owner: grid.text(d.ownerCell.row, d.ownerCell.col) } : {}),
  };
}

/** A status the workbook states in a cell, in words, symbols or fill. */
function statusAt(grid: SheetGrid, cell: CellRef | null, yesNo: boolean, rows: readonly [number, number] = [cell ? cell.row : 0, cell ? cell.row : 0]): Rag | null {
  if (!cell) return null;
  const stated = readStatedStatus({ text: grid.text(cell.row, cell.col), fontName: grid.fontName(cell.row, cell.col), fontColor: grid.fontColor(cell.row, cell.col), fill: grid.fill(cell.row, cell.col) }, { yesNo });
  if (stated || grid.text(cell.row, cell.col) !== "" || !isNeutralGrey(grid.fill(cell.row, cell.col))) return stated;
  return greyAmongColouredStatuses(grid, cell, rows) ? "grey" : null;
}

/**
 * An empty grey cell reads as a stated Grey only where its table's column states statuses by colour: another
 * cell of the column in the same table, also empty, is filled red, amber or green. A grey band says nothing.
 */
function greyAmongColouredStatuses(grid: SheetGrid, cell: CellRef, [first, last]: readonly [number, number]): boolean {
  for (let r = first; r <= last; r++) {
    if (r === cell.row || grid.text(r, cell.col) !== "") continue;
    const rag = ragFromColour(grid.fill(r, cell.col));
    if (rag === "red" || rag === "amber" || rag === "green") return true;
  }
  return false;
}

function judgementOf(direction: Direction): Judgement {
  return direction === "up" ? "improving" : direction === "down" ? "worsening" : "no-change";
}

/**
 * The polarity that makes what the workbook states agree with its figures: the stated RAG against the latest
 * actual and the target in force (only one polarity gives that RAG), or a stated judgement ("Better") against
 * the direction the figures moved.
 */
function polarityFromStated(
  stated: Rag | null,
  latest: Parsed | null,
  target: Parsed | null,
  previous: Parsed | null,
  trend: { direction: Direction | null; judgement: Judgement | null } | null,
  unit: Unit | null,
  settings: Settings,
): { polarity: Polarity; how: string } | null {
  const av = latest?.p.value ?? null;
  const tv = target ? targetValue(target) : null;
  if (stated && stated !== "grey" && stated !== "blue" && av !== null && tv !== null && av !== tv) {
    const up = rateAgainstTarget({ actual: av, target: tv, polarity: "higher-is-better", unit, settings }).rag;
    const down = rateAgainstTarget({ actual: av, target: tv, polarity: "lower-is-better", unit, settings }).rag;
    const fitsUp = up === stated;
    const fitsDown = down === stated;
    // Only a clear disagreement tells: a stated Green where the other reading is Red (or the reverse). A Green
    // that the other reading makes Amber may be the publisher's own tolerance, not the polarity.
    const far = (a: Rag, b: Rag) => (a === "green" && b === "red") || (a === "red" && b === "green");
    if (fitsUp !== fitsDown && far(up, down)) return { polarity: fitsUp ? "higher-is-better" : "lower-is-better", how: `the workbook's ${cap(stated)} for ${latest!.fig.text} against ${target!.fig.text} holds` };
  }
  const pv = previous?.p.value ?? null;
  if (trend?.judgement && trend.judgement !== "no-change" && !trend.direction && av !== null && pv !== null && av !== pv) {
    const wentUp = av > pv;
    const better = trend.judgement === "improving";
    return { polarity: wentUp === better ? "higher-is-better" : "lower-is-better", how: `the workbook calls the move from ${previous!.fig.text} to ${latest!.fig.text} ${trend.judgement}, which holds` };
  }
  return null;
}

export function keyFor(sheet: string, d: { ref: string | null; measure: string }): string {
  return `${sheet}!${d.ref ?? d.measure}`;
}

export interface ReadMilestone {
  label: string;
  due: IsoDate | null;
  /**
   * When the milestone's target starts to apply. A target for a month or a date applies once it is due; a target
   * for a year, quarter or term ("Target 2023/24") applies through that period, from its start.
   */
  inForceFrom: IsoDate | null;
  periodStart: IsoDate | null;
  relativeMonths: number | null;
  target: Parsed | null;
  actual: Parsed | null;
  ragText: string;
  ragCell: CellRef | null;
  col: number;
}

function readMilestone(m: DraftMilestone, bc: BuildContext, get: (r: CellRef | null) => Parsed | null): ReadMilestone {
  let due: IsoDate | null = m.period?.end ?? null;
  let periodStart: IsoDate | null = m.period?.start ?? null;
  const planStart = bc.periodContext.planStart ?? bc.settings.planStart;
  if (!due && m.relativeMonths !== null && planStart) {
    due = addMonthsIso(planStart, m.relativeMonths);
    periodStart = due;
  }
  let target = nonBlank(get(m.targetCell));
  let actual = nonBlank(get(m.actualCell));
  // Without ACTUAL rows, a cell under a heading that names performance or just a period is an actual —
  // unless it is written as a target ("National average", "Baseline plus 10%").
  // A heading that is only a time from the plan start ("3 months") is a milestone: its cells are targets.
  const relativeOnly = m.headingRole === "period" && m.relativeMonths !== null && m.period?.kind === "relative-months";
  if (!bc.tableHasActualRows && target && (m.headingRole === "actual" || m.headingRole === "period") && !relativeOnly && !target.p.relative) {
    actual = target;
    target = null;
  }
  // An actual under a period heading is for that period, unless the cell names its own ("116 (Jan 23)").
  for (const f of [actual, target]) {
    if (f && !f.fig.period && m.period && (m.period.start || m.period.end)) {
      f.fig.period = m.period.label;
      f.fig.periodStart = m.period.start;
      f.fig.periodEnd = m.period.end;
    }
  }
  const ragText = m.ragCell ? bc.grid.text(m.ragCell.row, m.ragCell.col) : "";
  const longPeriod = !!m.period && ["year", "academic-year", "financial-year", "quarter", "term", "half-term"].includes(m.period.kind);
  const inForceFrom = longPeriod && periodStart ? periodStart : due;
  return { label: m.label, due, inForceFrom, periodStart, relativeMonths: m.relativeMonths, target, actual, ragText, ragCell: m.ragCell, col: m.col };
}

function nonBlank(p: Parsed | null): Parsed | null {
  return p && p.p.missing !== "blank" ? p : null;
}

function collectCells(d: DraftKpi): CellRef[] {
  const out: CellRef[] = [];
  const push = (r: CellRef | null) => r && out.push(r);
  [d.baselineCell, d.targetCell, d.previousCell, d.latestCell].forEach(push);
  for (const m of d.milestones) [m.targetCell, m.actualCell].forEach(push);
  if (d.actualRow !== null && d.baselineCell) out.push({ row: d.actualRow, col: d.baselineCell.col });
  return out;
}

function key(r: CellRef): string {
  return `${r.row}:${r.col}`;
}

function parseAt(grid: SheetGrid, ref: CellRef, periodContext: PeriodContext, expectedUnit: Unit | null): Parsed {
  // Data cells are read as Excel holds them: a merged cell's value belongs to its first row only.
  const c = grid.raw(ref.row, ref.col);
  const p = parseFigure({ text: c.text, value: c.value, numberFormat: c.numberFormat, valueType: c.valueType }, { expectedUnit, periodContext });
  const fig: Figure = {
    value: p.value,
    text: c.text,
    cell: grid.address(ref.row, ref.col),
    unit: p.unit,
    period: p.period?.label ?? null,
    periodStart: p.period?.start ?? null,
    periodEnd: p.period?.end ?? null,
    missing: p.missing,
    relative: p.relative,
    qualifier: p.qualifier,
    ...(p.several ? { several: p.several } : {}),
    ...(p.error ? { error: p.error } : {}),
  };
  return { fig, p, ref };
}

function attachPeriod(target: Parsed, grid: SheetGrid, cell: CellRef, ctx: PeriodContext): void {
  const c = grid.raw(cell.row, cell.col);
  if (!c.text) return;
  const period = parsePeriodCell({ text: c.text, value: c.value, numberFormat: c.numberFormat }, ctx);
  target.fig.period = c.text;
  target.fig.periodStart = period?.start ?? null;
  target.fig.periodEnd = period?.end ?? null;
}

function majorityUnit(parsed: Parsed[]): Unit | null {
  const counts = new Map<Unit, number>();
  for (const { p } of parsed) if (p.value !== null && p.unit && p.unit !== "text" && p.unitFrom !== "context") counts.set(p.unit, (counts.get(p.unit) ?? 0) + (p.unit === "count" ? 0.5 : 1));
  let best: Unit | null = null;
  let n = 0;
  for (const [u, c] of counts) if (c > n) [best, n] = [u, c];
  return best;
}

export function targetValue(t: Parsed): number | null {
  return t.p.value ?? t.p.relative?.resolved ?? null;
}

function resolveRelative(t: Parsed, baselineValue: number | null, unit: Unit | null): void {
  const rel = t.p.relative;
  if (!rel) return;
  if (rel.kind === "baseline-plus" && rel.amount !== null) {
    if (baselineValue === null) {
      rel.resolved = null;
      rel.explanation = "relative to a baseline that is not yet known";
      return;
    }
    const points = rel.mode !== "relative" && unit === "percent";
    rel.resolved = points ? baselineValue + rel.amount : baselineValue * (1 + rel.amount);
    rel.explanation = points
      ? `baseline ${fmt(baselineValue, unit)} plus ${fmt(rel.amount, "percent")} points = ${fmt(rel.resolved, unit)}`
      : `baseline ${fmt(baselineValue, unit)} plus ${Math.round(rel.amount * 100)}% = ${fmt(rel.resolved, unit)}`;
  } else if (!rel.explanation) {
    rel.explanation = `needs the ${rel.comparator ?? "comparator"}, which the workbook does not give`;
  }
  t.fig.relative = rel;
}

function fmt(v: number, unit: Unit | null): string {
  if (unit === "percent") return `${Math.round(v * 1000) / 10}%`;
  return String(Math.round(v * 100) / 100);
}

/** "NA new statutory reporting period": a not-applicable that gives its reason, beyond the letters themselves. */
function statesWhy(text: string): boolean {
  return /^\s*(?:n\s?\/?\s?a|not applicable)\b[\s\-–—:,.]*[a-z]{3,}/i.test(text);
}

/** Points of a series in time order: by date where both have one, else as the columns stand (left to right). */
function seriesOrder(a: ReadMilestone, b: ReadMilestone): number {
  if (a.due !== null && b.due !== null) return compareIso(a.due, b.due) || a.col - b.col;
  return a.col - b.col;
}

function cmpDue(a: IsoDate | null, b: IsoDate | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareIso(a, b);
}

function words(p: Polarity): string {
  return p === "higher-is-better" ? "higher is better" : "lower is better";
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export type { Parsed };
