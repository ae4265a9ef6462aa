// Checks on a KPI's figures that a careful performance officer would make by eye: errors, several
// values in a cell, missing or "tbc" targets and baselines, units and scale, percentages out of
// range, periods out of order, stale data, staged targets that move the wrong way.
import type { IsoDate, Polarity, Unit } from "../types";
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftKpi } from "../recognise/drafts";
import type { Parsed } from "../assess/kpiCells";
import type { ReadMilestone } from "../assess/plan";
import type { FindingCode } from "./codes";
import { compareIso } from "../dates";
import { staleness, staleWords } from "../stale";

export interface CheckInput {
  name: string;
  add: (code: FindingCode, message: string, cell?: CellRef | null) => void;
  d: DraftKpi;
  unit: Unit | null;
  /** For a rate: the base it is per, where stated. */
  ratePer?: number | null;
  /** Which way is better: null for a KPI with no better direction, whatever side its targets are rated on. */
  polarity: Polarity | null;
  baseline: Parsed | null;
  explicitTarget: Parsed | null;
  finalTarget: Parsed | null;
  currentTarget: Parsed | null;
  previous: Parsed | null;
  latest: Parsed | null;
  ms: ReadMilestone[];
  all: Parsed[];
  grid: SheetGrid;
  asOf: IsoDate;
  hasTargetColumn: boolean;
  hasBaselineColumn: boolean;
  /** Milestones written as words with RAG columns beside them: text targets are the design, not a fault. */
  qualitative: boolean;
}

export function checkFigures(c: CheckInput): void {
  const { name, add, grid } = c;
  const cellOf = (p: Parsed) => p.ref;

  for (const p of c.all) {
    if (p.p.error) add("excel-error", `${name}: cell ${p.fig.cell} holds the Excel error ${p.p.error}; the figure cannot be used until the formula is fixed.`, cellOf(p));
    if (p.p.several) {
      const parts = p.p.several.map((s) => `${s.label ? `${s.label} ` : ""}${s.unit === "percent" ? `${Math.round(s.value * 1000) / 10}%` : s.value}`);
      add("several-values", `${name}: cell ${p.fig.cell} holds several values (${parts.join("; ")}); split them into one KPI per value so each can be rated.`, cellOf(p));
    }
    if (p.p.value !== null && (p.p.unit === "percent" || (c.unit === "percent" && p.p.unit === null)) && (p.p.value < 0 || p.p.value > 1)) {
      add("percent-out-of-range", `${name}: ${p.fig.text} in ${p.fig.cell} is outside 0%–100%.`, cellOf(p));
    }
    if (p.p.scaled) {
      add(
        "scale-mismatch",
        `${name}: ${cellName(p)} says "${p.fig.text}" where the other figures are ${scaleWords(c.unit, c.ratePer)}; it was read as ${c.unit === "percent" ? `${Math.round(p.p.value! * 1000) / 10}%` : p.p.value}. Write it with its unit to be sure.`,
        cellOf(p),
      );
    }
    const m = (p.ref.grid ?? grid).mergeAt(p.ref.row, p.ref.col);
    if (m && m.rowCount > 1 && m.row === p.ref.row && m.col === p.ref.col) {
      add("merged-data-cells", `${name}: ${p.fig.cell} is merged over ${m.rowCount} rows; its value is read once, for the first row only.`, cellOf(p));
    }
  }

  // Units: figures written with explicit, different units.
  const explicit = c.all.filter((p) => p.p.value !== null && p.p.unit && p.p.unit !== "text" && (p.p.unitFrom === "text" || p.p.unitFrom === "format"));
  const units = new Set(explicit.map((p) => p.p.unit));
  units.delete("count"); // a bare count beside weeks is usually the unit left off, reported as scale if so
  if (units.size > 1) {
    const example = [...units].map((u) => `${u} (${explicit.find((p) => p.p.unit === u)!.fig.cell})`).join(" and ");
    add("unit-mismatch", `${name}: figures are in different units: ${example}.`, explicit[0].ref);
  }

  // Target.
  const t = c.finalTarget;
  if (c.hasTargetColumn) {
    if (!t || t.p.missing === "blank") {
      add("missing-target", `${name}: no target is given${t ? ` (${t.fig.cell} is ${t.fig.text ? `"${t.fig.text}"` : "blank"})` : ""}, so it cannot be rated.`, t?.ref ?? c.d.targetCell);
    } else if (t.p.missing === "not-applicable" && !c.ms.some((m) => m.target && m.target.p.value !== null)) {
      add("target-not-applicable", `${name}: the target is "${t.fig.text}", so the KPI is reported as data only (grey).`, t.ref);
    } else if (t.p.missing === "to-be-confirmed") {
      add("target-to-be-confirmed", `${name}: the target is "${t.fig.text}"; set a figure so the KPI can be rated.`, t.ref);
    } else if (t.p.missing === "text" && !t.p.several && !t.p.error && !c.qualitative) {
      add("target-not-numeric", `${name}: the target "${short(t.fig.text)}" is not a figure that can be measured against.`, t.ref);
    }
  }
  const relTargets = [c.explicitTarget, c.currentTarget, c.finalTarget].filter((x, i, a): x is Parsed => !!x && a.indexOf(x) === i);
  for (const rt of relTargets) {
    const rel = rt.p.relative;
    if (!rel) continue;
    if ((rel.kind === "comparator" || rel.kind === "at-least-comparator") && rel.resolved === null) {
      add(
        "target-needs-comparator",
        `${name}: the target "${short(rt.fig.text)}" depends on the ${rel.comparator ?? "comparator"}, which the workbook does not give; add that figure to rate against it.`,
        rt.ref,
      );
    } else if (rel.kind === "baseline-plus" && rel.resolved === null) {
      add("target-needs-baseline", `${name}: the target "${rt.fig.text}" is relative to a baseline that is not known yet.`, rt.ref);
    }
  }

  // Baseline.
  const b = c.baseline;
  if (c.hasBaselineColumn && b) {
    if (b.p.missing === "blank") add("missing-baseline", `${name}: no baseline is given.`, b.ref);
    else if (b.p.missing === "to-be-confirmed") add("baseline-to-be-confirmed", `${name}: the baseline is "${short(b.fig.text)}" — still to be established.`, b.ref);
    else if (b.p.missing === "text" && !b.p.several && !b.p.error) add("baseline-not-numeric", `${name}: the baseline "${short(b.fig.text)}" is text, not a figure.`, b.ref);
  }

  // Actuals written as words.
  for (const p of [c.previous, c.latest]) {
    if (p && p.p.missing === "text" && !p.p.several && !p.p.error) add("value-not-numeric", `${name}: "${short(p.fig.text)}" in ${p.fig.cell} is not a figure.`, p.ref);
  }
  for (const m of c.ms) {
    const a = m.actual;
    if (a && a.p.missing === "text" && !a.p.several && !a.p.error) add("actual-not-numeric", `${name}: the actual for "${m.label}" is "${short(a.fig.text)}", words rather than a figure.`, a.ref);
  }

  // Periods in order: milestone columns, and previous before latest. A period that holds others ("Target
  // 2023/24" before "Q1 2023/24 … Q4 2023/24") stands over them, not in their sequence.
  const holdsAnother = (m: (typeof c.ms)[number]) =>
    c.ms.some(
      (o) =>
        o !== m &&
        o.due &&
        o.periodStart &&
        m.due &&
        m.periodStart &&
        compareIso(m.periodStart, o.periodStart) <= 0 &&
        compareIso(m.due, o.due) >= 0 &&
        (m.periodStart !== o.periodStart || m.due !== o.due),
    );
  const dues = c.ms.filter((m) => m.due && !holdsAnother(m)).map((m) => m.due!);
  if (dues.length >= 3) {
    const up = dues.every((d, i) => i === 0 || compareIso(dues[i - 1], d) <= 0);
    const down = dues.every((d, i) => i === 0 || compareIso(dues[i - 1], d) >= 0);
    if (!up && !down)
      add(
        "periods-out-of-order",
        `${name}: the milestone columns are not in time order (${c.ms
          .filter((m) => m.due && !holdsAnother(m))
          .map((m) => m.label)
          .join(", ")}).`,
        c.d.refCell ?? c.d.measureCell,
      );
  }
  if (c.previous?.fig.periodEnd && c.latest?.fig.periodEnd && c.d.previousCell && compareIso(c.previous.fig.periodEnd, c.latest.fig.periodEnd) > 0) {
    add("periods-out-of-order", `${name}: the previous figure (${c.previous.fig.period}) is later than the latest (${c.latest.fig.period}).`, c.latest.ref);
  }

  // Out-of-date figures: older than the frequency (stated, or read from the period) allows, or than 18 months.
  const milestones = c.ms.map((m) => ({ due: m.due, target: m.target?.fig ?? null, actual: m.actual?.fig ?? null }));
  const age = c.latest ? staleness({ frequency: c.d.frequency, latest: c.latest.fig, previous: c.previous?.fig ?? null, milestones }, c.asOf) : null;
  if (age?.stale) {
    add("stale-data", `${name}: the latest figure is for ${c.latest!.fig.period}, out of date at ${c.asOf}: ${staleWords(age)}.`, c.latest!.ref);
  }

  // Staged targets moving the wrong way for the polarity.
  const staged = c.ms.filter((m) => m.target && (m.target.p.value ?? m.target.p.relative?.resolved ?? null) !== null);
  const ordered = staged.every((m) => m.due) ? [...staged].sort((a, b) => compareIso(a.due!, b.due!)) : staged;
  for (let i = 1; i < ordered.length && c.polarity; i++) {
    const a = ordered[i - 1].target!;
    const z = ordered[i].target!;
    const av = a.p.value ?? a.p.relative!.resolved!;
    const zv = z.p.value ?? z.p.relative!.resolved!;
    const wrong = c.polarity === "higher-is-better" ? zv < av - 1e-9 : zv > av + 1e-9;
    if (wrong) {
      add(
        "staged-targets-wrong-way",
        `${name}: the staged target for "${ordered[i].label}" (${z.fig.text}) is easier than the one before it (${a.fig.text}) for a KPI where ${c.polarity === "higher-is-better" ? "higher" : "lower"} is better.`,
        z.ref,
      );
      break;
    }
  }
}

/** The figures' scale in words: "percentages", "rates per 100", "weeks". */
function scaleWords(unit: Unit | null, ratePer: number | null | undefined): string {
  if (unit === "percent") return "percentages";
  if (unit === "rate") return ratePer ? `rates per ${ratePer.toLocaleString("en-GB")}` : "rates, not percentages";
  return unit ?? "plain numbers";
}

/** A cell's address, with its sheet where it is not the KPI's own. */
function cellName(p: Parsed): string {
  return p.fig.sheet ? `'${p.fig.sheet}'!${p.fig.cell}` : p.fig.cell;
}

function short(s: string): string {
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}
