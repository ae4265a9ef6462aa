// One KPI from the rows that keep it: period sheets ("Nov 23" / "Nov 24", "Apr" … "Mar"), rows of a long export
// (one row per KPI per period), tables split by year on one sheet. Rows are one KPI when the evidence says so —
// the same measure words (and reference and section, where stated) and periods that do not clash — and then
// have one history: milestones in date order across their sources, each figure keeping its own cell; where two
// sources give different figures for one period, the newer source's stands and the KPI says so. Nothing is
// merged on a guess: rows that cover the same periods (a breakdown the table does not name) stay apart.
import type { SheetGrid } from "../recognise/grid";
import type { CellRef, DraftConflict, DraftKpi, DraftMilestone } from "../recognise/drafts";
import { parseFigure, type ParsedFigure } from "../figures";
import { identityKeys, sameKpi } from "./identity";
import { entriesOf, filled, newestEnd, periodKinds, periodsOf, type Entry, type Member } from "./history";

/** The drafts of one table, in reading order, as assembly sees them. */
export interface AssemblyTable {
  grid: SheetGrid;
  drafts: DraftKpi[];
  /** The table keeps actuals on rows of their own: its KPI rows hold targets. */
  targetsOnly: boolean;
}

/**
 * Assemble the KPIs kept in several rows. Each table's drafts are changed in place: the KPI stays in the table of
 * its newest source (the row that holds its latest period), as one draft with the whole history; its other rows
 * leave their tables.
 */
export function assembleKpis(tables: AssemblyTable[]): void {
  for (const members of candidates(tables)) {
    if (members.length < 2) continue;
    for (const cluster of bySection(members)) {
      if (cluster.length < 2 || periodsClash(cluster)) continue;
      const { home, draft } = mergeRows(cluster);
      for (const m of cluster) {
        const list = tables[m.table].drafts;
        const i = list.indexOf(m.d);
        if (m === home) list[i] = draft;
        else list.splice(i, 1);
      }
    }
  }
}

/**
 * Rows that could be one KPI with others — named in their own words or by a reference, with figures, in known
 * periods — grouped where they share a measure's words or a reference (directly or through another row).
 */
function candidates(tables: AssemblyTable[]): Member[][] {
  const members: Member[] = [];
  const firstWith = new Map<string, number>();
  const parent: number[] = [];
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  tables.forEach((t, table) => {
    for (const d of t.drafts) {
      const keys = identityKeys(d);
      if (!keys.length) continue;
      const member: Member = { d, grid: t.grid, targetsOnly: t.targetsOnly, table };
      if (!hasFigures(member) || !periodsOf(member).size) continue;
      const i = members.push(member) - 1;
      parent.push(i);
      for (const k of keys) {
        const j = firstWith.get(k);
        if (j === undefined) firstWith.set(k, i);
        else parent[root(i)] = root(j);
      }
    }
  });
  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), m]));
  return [...groups.values()];
}

/** A row with something in it: a figure in its periods, or a baseline or target of its own (a line of a list has none). */
function hasFigures(member: Member): boolean {
  const on = (c: CellRef | null): CellRef | null => (c ? { ...c, grid: member.grid } : null);
  return entriesOf(member).some((e) => filled(e.m.targetCell) || filled(e.m.actualCell)) || filled(on(member.d.baselineCell)) || filled(on(member.d.targetCell));
}

/** Members split where their references or sections say they are different KPIs. */
function bySection(members: Member[]): Member[][] {
  const clusters: Member[][] = [];
  for (const m of members) {
    const home = clusters.find((c) => c.every((o) => sameKpi(o.d, m.d, o.grid === m.grid)));
    if (home) home.push(m);
    else clusters.push([m]);
  }
  return clusters;
}

/**
 * Two rows covering exactly the same periods are two KPIs (or a breakdown the table does not name), not one. Two
 * series of different kinds of period (a table of years beside a table of quarters) are two views of a measure —
 * its annual outturns and this year's quarters — not earlier and later points of one series; a sheet that holds
 * one period (the year end, then a quarter) is a point of the series whatever its kind.
 */
function periodsClash(cluster: Member[]): boolean {
  if (new Set(cluster.filter((m) => periodsOf(m).size > 1).map(periodKinds)).size > 1) return true;
  const seen = new Set<string>();
  for (const m of cluster) {
    const key = [...periodsOf(m)].sort().join(",");
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** Oldest first: by the newest period each covers where all are dated, else in reading order. */
function inTimeOrder(cluster: Member[]): Member[] {
  const reading = [...cluster].sort((a, b) => a.table - b.table || a.d.row - b.d.row);
  const ends = new Map(reading.map((m) => [m, newestEnd(m)]));
  if (reading.some((m) => !ends.get(m))) return reading;
  return reading.sort((a, b) => (ends.get(a)! < ends.get(b)! ? -1 : ends.get(a)! > ends.get(b)! ? 1 : 0));
}

function mergeRows(cluster: Member[]): { home: Member; draft: DraftKpi } {
  const ordered = inTimeOrder(cluster);
  const home = ordered[ordered.length - 1];
  const newestFirst = [...ordered].reverse();
  const conflicts: DraftConflict[] = [];
  const milestones = history(ordered, conflicts);
  const first = <T>(pick: (m: Member) => T | null | undefined): T | null => newestFirst.map(pick).find((x) => x !== null && x !== undefined) ?? null;
  const on = (m: Member, c: CellRef | null): CellRef | null => (c ? { ...c, grid: m.grid } : null);
  const d = home.d;
  // What the workbook states about the KPI's latest figure (its status, its trend) stands beside that figure.
  const holder = latestHolder(cluster, milestones) ?? home;
  const draft: DraftKpi = {
    ...d,
    milestones,
    ragCell: on(holder, holder.d.ragCell),
    dotCell: on(holder, holder.d.dotCell),
    // The history gives the latest and previous figures and the target in force; a Target column beside period
    // columns states the final target.
    latestCell: null,
    previousCell: null,
    latestPeriodCell: null,
    previousPeriodCell: null,
    targetCell: first((m) => (m.d.milestones.length ? on(m, m.d.targetCell) : null)),
    // A baseline that is a figure ("Baseline December 2019: 39%") over one that says it is yet to be set.
    baselineCell: first((m) => (isFigure(on(m, m.d.baselineCell)) ? on(m, m.d.baselineCell) : null)) ?? first((m) => on(m, m.d.baselineCell)),
    // The section the KPI sits in where a reader reports it from: its newest row's.
    group: d.group,
    frequency: first((m) => m.d.frequency),
    // A comment speaks of its own period: the newest figure's, or none.
    notes: holder.d.notes,
    ownerCell: first((m) => on(m, m.d.ownerCell)),
    polarityCell: first((m) => on(m, m.d.polarityCell)),
    unitCell: first((m) => on(m, m.d.unitCell)),
    unitHint: first((m) => m.d.unitHint),
    period: null,
    sources: [home, ...ordered.slice(0, -1)].map((m) => ({ grid: m.grid, cell: nameCell(m.d), period: m.d.period?.label ?? null })),
    conflicts,
  };
  return { home, draft };
}

/** The row whose cell holds the newest actual of the history. */
function latestHolder(cluster: Member[], milestones: DraftMilestone[]): Member | undefined {
  const cell = [...milestones].reverse().map((m) => slots(m).actual).find(filled);
  if (!cell) return undefined;
  return cluster.find((m) => m.grid === cell.grid && (m.d.row === cell.row || m.d.actualRow === cell.row));
}

/** A cell that holds a figure. */
function isFigure(c: CellRef | null): boolean {
  return filled(c) && readCell(c).p.value !== null;
}

/** The cell that names the row: its measure, else its reference, else its first. */
function nameCell(d: DraftKpi): CellRef {
  return d.measureCell ?? d.refCell ?? { row: d.row, col: 0 };
}

/** One milestone per period across the sources, in date order (reading order where any is undated). */
function history(ordered: Member[], conflicts: DraftConflict[]): DraftMilestone[] {
  const byKey = new Map<string, { m: DraftMilestone; member: Member }>();
  const out: DraftMilestone[] = [];
  for (const e of ordered.flatMap(entriesOf)) {
    const older = e.key ? byKey.get(e.key) : undefined;
    // Two columns of one row for one period (a target and a stretch target) stay two milestones.
    if (!older || older.member === e.member) {
      out.push(e.m);
      if (e.key && !older) byKey.set(e.key, { m: e.m, member: e.member });
      continue;
    }
    const merged = newerOver(older.m, e, conflicts);
    out[out.indexOf(older.m)] = merged;
    byKey.set(e.key!, { m: merged, member: e.member });
  }
  const dated = out.every((m) => m.period?.end);
  const inOrder = dated ? [...out].sort((a, b) => (a.period!.end! < b.period!.end! ? -1 : a.period!.end! > b.period!.end! ? 1 : 0)) : out;
  return inOrder.map((m, seq) => ({ ...m, seq }));
}

/** The newer source's milestone for a period, with the older one's figures where the newer leaves them blank. */
function newerOver(older: DraftMilestone, newer: Entry, conflicts: DraftConflict[]): DraftMilestone {
  const m = newer.m;
  const pick = (a: CellRef | null, b: CellRef | null): CellRef | null => {
    if (!filled(b)) return filled(a) ? a : b;
    if (filled(a) && differ(a, b)) conflicts.push({ label: m.label, kept: b, other: a });
    return b;
  };
  const o = slots(older);
  const n = slots(m);
  // Its cells now say outright which is the target and which the actual.
  return { ...m, headingRole: "target", targetsOnly: false, targetCell: pick(o.target, n.target), actualCell: pick(o.actual, n.actual), ragCell: m.ragCell ?? older.ragCell };
}

/**
 * Which cell of a milestone holds its target and which its actual: a column headed as what happened ("Actual
 * Jul 23", a bare period) holds actuals in its own cell — unless its table keeps actuals on rows of their own, or
 * the cell is written as a target ("Baseline plus 10%", "National average").
 */
function slots(m: DraftMilestone): { target: CellRef | null; actual: CellRef | null } {
  const actualHeaded = m.headingRole === "actual" || (m.headingRole === "period" && m.period?.kind !== "relative-months");
  if (m.actualCell || m.targetsOnly || !actualHeaded || (filled(m.targetCell) && readCell(m.targetCell).p.relative)) return { target: m.targetCell, actual: m.actualCell };
  return { target: null, actual: m.targetCell };
}

/** Two cells that give different figures (or, neither a figure, different words). */
function differ(a: CellRef, b: CellRef): boolean {
  const x = readCell(a);
  const y = readCell(b);
  if (x.p.value !== null && y.p.value !== null) return Math.abs(x.p.value - y.p.value) > 1e-9 * Math.max(1, Math.abs(x.p.value), Math.abs(y.p.value));
  return x.text !== y.text;
}

/** A cell's figure, and its words for comparing where it holds none. */
function readCell(c: CellRef): { p: ParsedFigure; text: string } {
  const cell = c.grid!.raw(c.row, c.col);
  return { p: parseFigure({ text: cell.text, value: cell.value, numberFormat: cell.numberFormat, valueType: cell.valueType }), text: cell.text.trim().toLowerCase() };
}
