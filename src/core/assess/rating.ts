// A KPI's RAG and each milestone's: the actual against the target, for the KPI's polarity; where there is no
// figure to rate, the RAG a person entered is kept; and where the workbook's stated RAG disagrees with the
// figures, a finding names both.
import type { Milestone, Polarity, Rag, Unit } from "../types";
import type { Settings } from "../settings";
import type { FindingCode } from "../validate/codes";
import type { CellRef } from "../recognise/drafts";
import { rateAgainstTarget } from "./rag";
import { statusAt, cap, polarityWords } from "./stated";
import { targetValue, type Parsed } from "./kpiCells";
import type { Plan, ReadMilestone } from "./plan";
import { statesWhy, type InForce } from "./inForce";
import { gridOf, type BuildContext } from "./context";

type Add = (code: FindingCode, message: string, cell?: CellRef | null) => void;

export interface Judged {
  /** The side a target is met on: the polarity, or for a KPI with no better direction the side its targets imply; null: not rated. */
  polarity: Polarity | null;
  /** Set for a KPI with no better direction: why, for the explanation. */
  noBetterDirection?: string | null;
  /** How the polarity was decided, for the explanation ("assumed" for the default). */
  how: string;
  unit: Unit | null;
  settings: Settings;
}

/** Each milestone with its RAG: rated where it has a numeric target and actual, else as a person entered it. */
export function rateMilestones(plan: Plan, bc: BuildContext, j: Judged): Milestone[] {
  return plan.ms.map((m) => {
    const statedRag = m.ragCell ? statusAt(gridOf(bc.grid, m.ragCell), m.ragCell, false, m.ragCell.grid ? undefined : bc.dataRows) : null;
    let rag: Rag | null = null;
    const tv = m.target ? targetValue(m.target) : null;
    const av = m.actual?.p.value ?? null;
    if (tv !== null && av !== null) rag = j.polarity ? rateAgainstTarget({ actual: av, target: tv, polarity: j.polarity, unit: j.unit, settings: j.settings }).rag : "grey";
    else if (statedRag) rag = statedRag; // qualitative milestones keep the RAG a person entered
    else if (m.target || m.actual) rag = "grey";
    return { label: m.label, due: m.due, target: m.target?.fig ?? null, actual: m.actual?.fig ?? null, rag, statedRag };
  });
}

export interface KpiRating {
  rag: Rag;
  explanation: string;
}

/** The KPI's RAG: the latest actual against the target in force, with its explanation in plain English. */
export function rateKpi(latest: Parsed | null, inForce: InForce, finalTarget: Parsed | null, currentMs: Milestone | null, statedKpiRag: Rag | null, j: Judged): KpiRating {
  const { current, currentTarget, noneDueYet } = inForce;
  const tv = currentTarget ? targetValue(currentTarget) : null;
  const av = latest?.p.value ?? null;
  if (tv !== null && av !== null && !j.polarity) {
    return { rag: "grey", explanation: `Grey: ${j.noBetterDirection ?? "no better direction"}; ${sidelessWords(current, currentTarget!)}, so it is not rated. Set which way is better to rate it.` };
  }
  if (tv !== null && av !== null) return rateAgainst(latest!, av, currentTarget!, tv, current, finalTarget, j);
  if (currentMs?.statedRag) {
    return {
      rag: currentMs.statedRag,
      explanation: `${cap(currentMs.statedRag)} as entered in the workbook for "${currentMs.label}": ${tv === null ? "the milestone is not a figure" : "there is no actual figure"}, so the RAG a person entered is kept.`,
    };
  }
  if (statedKpiRag && av === null) return { rag: statedKpiRag, explanation: `${cap(statedKpiRag)} as entered in the workbook: there is no actual figure to check it against.` };
  const noneApplies = noTargetWords(latest, inForce);
  const unresolved = currentTarget?.p.relative && tv === null ? ` (${currentTarget.p.relative.explanation ?? "the target is relative to a figure not given"})` : "";
  const grey: KpiRating = {
    rag: "grey",
    explanation: `Grey: ${noneApplies ?? (av === null ? "there is no actual figure" : "there is no numeric target")}${noneDueYet ? " due yet" : ""}${unresolved}.`,
  };
  return belowFloor(latest, av, currentTarget, j) ?? grey;
}

/** A target with no side to meet it on, in words: nothing says whether it is a ceiling or a floor. */
export function sidelessWords(current: ReadMilestone | null, target: Parsed): string {
  return `nothing says whether ${targetWords(current, target)} is a ceiling or a floor`;
}

function targetWords(current: ReadMilestone | null, target: Parsed): string {
  return `${current ? `the milestone in force, "${current.label}"` : "the target"} (${target.fig.text || "blank"})`;
}

/**
 * Why there is no target to rate against, when the workbook says: the latest figure's own period states none
 * ("no target for 2022/23"), or the milestone in force says none applies (and why).
 */
function noTargetWords(latest: Parsed | null, inForce: InForce): string | null {
  const { current, currentTarget } = inForce;
  if (!current || !currentTarget) return null;
  const missing = currentTarget.p.missing;
  const notApplicable = missing === "not-applicable" ? `the milestone in force, "${current.label}", says no target applies (${currentTarget.fig.text})` : null;
  if (inForce.noTargetForLatest && latest?.fig.period && (missing === "not-applicable" || missing === "to-be-confirmed") && !(notApplicable && statesWhy(currentTarget.fig.text))) {
    return `no target for ${latest.fig.period} (the workbook says "${currentTarget.fig.text}")`;
  }
  return notApplicable;
}

function rateAgainst(latest: Parsed, av: number, currentTarget: Parsed, tv: number, current: ReadMilestone | null, finalTarget: Parsed | null, j: Judged): KpiRating {
  const side = j.polarity!;
  const out = rateAgainstTarget({ actual: av, target: tv, polarity: side, unit: j.unit, settings: j.settings });
  let rag: Rag = out.rag;
  let explanation =
    `${cap(out.rag)}: the latest actual ${latest.fig.text}${latest.fig.period ? ` (${latest.fig.period})` : ""} against ${targetWords(current, currentTarget)}` +
    (currentTarget.p.relative?.explanation ? `, ${currentTarget.p.relative.explanation}` : "") +
    `, ${j.noBetterDirection ? `no better direction (${j.noBetterDirection})` : `${polarityWords(side)} (${j.how})`}. ` +
    (out.rag === "green" ? "It meets or beats the target." : out.rag === "amber" ? `It misses, but ${out.bandWords}.` : `It misses by more than the amber band (${out.bandWords}).`);
  if (j.settings.blueWhenFinalTargetMet && finalTarget && targetValue(finalTarget) !== null) {
    const fin = rateAgainstTarget({ actual: av, target: targetValue(finalTarget)!, polarity: side, unit: j.unit, settings: j.settings });
    if (fin.rag === "green") {
      rag = "blue";
      explanation += " The final target is achieved (blue).";
    }
  }
  return { rag, explanation };
}

/** "50% or national average, whichever is higher": below the floor is a miss whatever the average is. */
function belowFloor(latest: Parsed | null, av: number | null, currentTarget: Parsed | null, j: Judged): KpiRating | null {
  const rel = currentTarget?.p.relative;
  if (rel?.kind !== "at-least-comparator" || rel.amount === null || av === null || !j.polarity) return null;
  const floor = rateAgainstTarget({ actual: av, target: rel.amount, polarity: j.polarity, unit: j.unit, settings: j.settings });
  if (floor.rag === "green") return null;
  return { rag: floor.rag, explanation: `${cap(floor.rag)}: the latest actual ${latest!.fig.text} is below the floor of ${currentTarget!.fig.text}, whatever the comparator turns out to be.` };
}

/** Where the workbook's stated RAG (for the KPI, or for a milestone) disagrees with the figures, a finding names both. */
export function checkStatedRags(
  name: string,
  add: Add,
  ctx: { rag: Rag; statedKpiRag: Rag | null; ragCell: CellRef | null; latest: Parsed | null; inForce: InForce; currentMs: Milestone | null; plan: Plan; milestones: Milestone[] },
): void {
  const { rag, statedKpiRag, latest, inForce, currentMs, plan, milestones } = ctx;
  const { current, currentTarget } = inForce;
  const tv = currentTarget ? targetValue(currentTarget) : null;
  const av = latest?.p.value ?? null;
  if (statedKpiRag && rag !== statedKpiRag && tv !== null && av !== null) {
    add("stated-rag-contradicts-data", `${name}: the workbook states ${cap(statedKpiRag)} but the figures give ${cap(rag)} (${latest!.fig.text} against ${currentTarget!.fig.text}).`, ctx.ragCell);
  } else if (!statedKpiRag && currentMs?.statedRag && !currentMs.actual && tv !== null && av !== null && rag !== currentMs.statedRag) {
    // The RAG written beside a period's target ("Target 2023/24 | RAG") rates the latest actual against it.
    add(
      "stated-rag-contradicts-data",
      `${name}: the workbook states ${cap(currentMs.statedRag)} for "${currentMs.label}" but the figures give ${cap(rag)} (${latest!.fig.text} against ${currentTarget!.fig.text}).`,
      plan.ms[plan.ms.indexOf(current!)].ragCell,
    );
  }
  for (const [i, m] of milestones.entries()) {
    const tv2 = plan.ms[i].target ? targetValue(plan.ms[i].target!) : null;
    if (m.statedRag && tv2 !== null && m.actual?.value != null && m.rag && m.rag !== m.statedRag) {
      add("stated-rag-contradicts-data", `${name}, "${m.label}": the workbook states ${cap(m.statedRag)} but ${m.actual.text} against ${m.target!.text} gives ${cap(m.rag)}.`, plan.ms[i].ragCell);
    }
  }
}
