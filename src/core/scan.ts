// The engine's front door: a workbook snapshot in, every KPI table recognised, each KPI assessed.
import type { Finding, IsoDate, Kpi, KpiTable, ScanResult, TableColumn, TableLayout } from "./types";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { Settings } from "./settings";
import { rectAddress } from "./address";
import { SheetGrid } from "./recognise/grid";
import { findTables, type FoundTable } from "./recognise/findTables";
import { readKpis, type DraftKpi } from "./recognise/readKpis";
import { buildKpi } from "./assess/buildKpi";
import { applyStaleness } from "./stale";
import { arrowsMeanJudgement } from "./recognise/legend";
import { classifyHeading } from "./recognise/headers";
import { locateCorrections } from "./corrections";
import { guessedColumnsFinding, tableColumns } from "./recognise/tableColumns";
import { judge } from "./assess/dot";
import { FINDING_CODES } from "./validate/codes";
import type { PeriodContext } from "./periods";
import { KEY_HEADER } from "./scorecard/columns";
import { DATA_SHEET_MARKER, SCORECARD_MARKER } from "./scorecard/markers";
import { appendAll } from "./arrays";
import { scorecardStructureFinding } from "./scorecard/liveStructure";
import { assembleKpis, type AssemblyTable } from "./assemble/assemble";
import { commentsSayArrowsJudge, sheetLegendSaysArrowsJudge } from "./assess/arrowMeaning";
import { inconsistentPolarityFindings, siblingPolarities } from "./assess/consistency";
import { mergeRepeatedFindings } from "./validate/repeated";

export interface ScanOptions {
  workbookName: string;
  settings: Settings;
  /** Used when settings.asOf is not set. Pass it in: the core does not read the clock. */
  today: IsoDate;
}

export function scanSnapshot(snapshot: WorkbookSnapshot, options: ScanOptions): ScanResult {
  const { settings } = options;
  const asOf = settings.asOf ?? options.today;
  const findings: Finding[] = [];
  const read = readTables(snapshot, settings, findings);
  // Rows that keep one KPI (period sheets, a long export, tables split by year) become one KPI with one history.
  assembleKpis(read);
  const tables: KpiTable[] = [];
  const legends = new Map<SheetGrid, boolean>();
  for (const r of read) {
    const t = assessTable(r, settings, asOf, findings, legends);
    if (t) tables.push(t);
  }
  return { workbook: options.workbookName, asOf, settings: { ...settings, asOf }, tables, findings };
}

/** A table as read, before its KPIs are assessed: where it is, and which cells are what. */
interface ReadTable extends AssemblyTable {
  sheet: SheetSnapshot;
  found: FoundTable;
  range: string;
  id: string;
  /** How many KPI rows the table had before assembly took some to the table of their newest period. */
  rowsRead: number;
}

/** Every KPI table of every sheet, its rows read as drafts; sheets that cannot be read, or are the add-in's own, left out. */
function readTables(snapshot: WorkbookSnapshot, settings: Settings, findings: Finding[]): ReadTable[] {
  const periodContext: PeriodContext = { planStart: settings.planStart, financialYearStartMonth: settings.financialYearStartMonth };
  // The user's table corrections, found again wherever their tables now stand.
  const { located, findings: dropped } = locateCorrections(snapshot, settings.tables);
  appendAll(findings, dropped);
  const read: ReadTable[] = [];
  for (const sheet of snapshot.sheets) {
    if (sheet.ownedByAddin) {
      // The live scorecard's own check: the source tables changed shape since it was made.
      const stale = scorecardStructureFinding(sheet);
      if (stale) findings.push(stale);
      continue;
    }
    if (sheet.readProblem) {
      findings.push({ code: "sheet-not-read", severity: FINDING_CODES["sheet-not-read"].severity, message: `Sheet "${sheet.name}" could not be read: ${sheet.readProblem}`, sheet: sheet.name });
      continue;
    }
    const grid = new SheetGrid(sheet);
    if (isOwnScorecard(grid)) {
      const stale = scorecardStructureFinding(sheet);
      if (stale) findings.push(stale);
      continue;
    }
    for (const note of sheet.readNotes ?? []) {
      findings.push({ code: "sheet-read-partly", severity: FINDING_CODES["sheet-read-partly"].severity, message: `Sheet "${sheet.name}": ${note}`, sheet: sheet.name });
    }
    for (const found of findTables(grid, periodContext, located.filter((l) => l.sheet === sheet.name))) {
      const range = rectAddress({ row: found.headerRow, col: found.firstCol, rowCount: found.lastRow - found.headerRow + 1, colCount: found.lastCol - found.firstCol + 1 });
      const id = `${sheet.name}!${range}`;
      if (settings.excludedTables.includes(id)) continue;
      const drafts = readKpis(grid, found, found.periodContext);
      read.push({ sheet, grid, found, range, id, drafts, targetsOnly: drafts.some((d) => d.actualRow !== null), rowsRead: drafts.length });
    }
  }
  return read;
}

/** A table's KPIs built and assessed, with the table's own findings; null when it holds no KPI table after all. */
function assessTable(r: ReadTable, settings: Settings, asOf: IsoDate, findings: Finding[], legends: Map<SheetGrid, boolean>): KpiTable | null {
  const { sheet, grid, found, range, id } = r;
  const build = (trendAsJudgement: boolean, siblingPolarity?: ReturnType<typeof siblingPolarities>) =>
    r.drafts.map((d) =>
      buildKpi(d, { grid, settings, asOf, periodContext: found.periodContext, tableHasActualRows: r.targetsOnly, trendAsJudgement, dataRows: [found.firstDataRow, found.lastRow], siblingPolarity }),
    );
  let asJudgement = arrowsMeanJudgement(grid, found);
  let built = build(asJudgement);
  // Arrows that go against the figures on most rows, yet agree with better and worse, are judgements; so are
  // arrows a legend on the sheet or the rows' own comments call better or worse.
  if (!asJudgement && built.some((k) => k.dot.stated === "up" || k.dot.stated === "down")) {
    if (!legends.has(grid)) legends.set(grid, sheetLegendSaysArrowsJudge(grid));
    asJudgement = readsAsJudgements(built) || legends.get(grid)! || commentsSayArrowsJudge(built);
    if (asJudgement) built = build(true);
  }
  // KPIs measured the same way take the polarity the workbook states for one of them.
  const siblings = siblingPolarities(built, r.drafts);
  if (siblings.size) built = build(asJudgement, siblings);
  // Rows the user said are not KPIs.
  const kept = built.map((k, i) => ({ k, d: r.drafts[i] })).filter(({ k }) => !(k.key && settings.kpiCorrections[k.key]?.notKpi));
  const kpis = kept.map(({ k }) => k);
  for (const k of kpis) applyStaleness(k, asOf, settings);
  // Every row of the table is an earlier period of KPIs kept on in another table: it stays listed, its KPIs there.
  const assembledAway = r.rowsRead > 0 && r.drafts.length === 0;
  // A list of indicators with no figures is not a KPI table — unless the user said it is.
  if (!assembledAway && (!kpis.length || (!found.userDefined && !kpis.some(hasFigures)))) return null;
  checkDuplicates(kept, grid);
  appendAll(findings, inconsistentPolarityFindings(kpis, sheet.name));
  appendAll(findings, mergeRepeatedFindings(kpis, sheet.name, range));
  if (sheet.visibility !== "Visible") {
    findings.push({
      code: "hidden-sheet",
      severity: FINDING_CODES["hidden-sheet"].severity,
      message: `The KPI table at ${range} is on the hidden sheet "${sheet.name}"; it is included. Leave it out in Settings if it should not be.`,
      sheet: sheet.name,
      cell: range.split(":")[0],
    });
  }
  const columns = tableColumns(found);
  const guessed = guessedColumnsFinding(sheet.name, range, columns);
  if (guessed) findings.push(guessed);
  if (assembledAway) findings.push(assembledAwayFinding(r));
  return {
    sheet: sheet.name,
    range,
    layout: layoutOf(found, r.drafts, kpis, r.targetsOnly),
    headerRows: found.headerRows,
    confidence: assembledAway ? Math.round(found.headerScore * 100) / 100 : confidence(found, kpis, columns),
    kpis,
    ...(found.excelTable ? { excelTable: found.excelTable } : {}),
    id,
    columns,
    ...(found.userDefined ? { userDefined: true } : {}),
  };
}

/** Says where a table's KPIs went when every row of it is an earlier period of a KPI kept on elsewhere. */
function assembledAwayFinding(r: ReadTable): Finding {
  return {
    code: "rows-assembled",
    severity: FINDING_CODES["rows-assembled"].severity,
    message: `Every row of the table at ${r.range} is an earlier period of a KPI the workbook keeps on in a later table or sheet; each KPI is listed once there, with this table's figures in its history.`,
    sheet: r.sheet.name,
    cell: r.range.split(":")[0],
  };
}

/**
 * A scorecard the add-in wrote but no longer tags (a copy a user made of it) is not read back as KPIs
 * either: it is titled "KPI Scorecard – <workbook>" in A1 and its heading row has the key column only
 * the add-in writes. The tagged sheet itself is marked by readWorkbook (ownedByAddin).
 */
function isOwnScorecard(grid: SheetGrid): boolean {
  // Today's scorecard carries a marker in its hidden key column, its data sheet one in A1.
  for (let r = 0; r < 3; r++) {
    if (grid.filledCols(r).some((c) => { const v = grid.raw(r, c).value; return v === SCORECARD_MARKER || v === DATA_SHEET_MARKER; })) return true;
  }
  const a1 = grid.raw(0, 0).value;
  if (typeof a1 !== "string" || !a1.startsWith("KPI Scorecard – ")) return false;
  for (let r = 0; r < 12; r++) {
    if (grid.filledCols(r).some((c) => grid.raw(r, c).value === KEY_HEADER)) return true;
  }
  return false;
}

/**
 * Stated arrows read as directions disagree with the figures on most rows where both are known (two or more),
 * but read as judgements (up = better) they agree on nearly all: the table's arrows are judgements.
 */
function readsAsJudgements(kpis: Kpi[]): boolean {
  let both = 0;
  let asDirection = 0;
  let asJudgement = 0;
  for (const k of kpis) {
    const stated = k.dot.stated;
    if (!stated || stated === "flat" || !k.dot.direction || k.dot.direction === "flat" || !k.polarity) continue;
    both++;
    if (stated === k.dot.direction) asDirection++;
    if ((stated === "up" ? "improving" : "worsening") === judge(k.dot.direction, k.polarity)) asJudgement++;
  }
  return both >= 2 && asDirection / both < 0.5 && asJudgement / both >= 0.8;
}

function hasFigures(k: Kpi): boolean {
  const figs = [k.baseline, k.target, k.previous, k.latest, ...k.milestones.flatMap((m) => [m.target, m.actual])];
  // An item tracked by its stated status alone (a recovery plan's "RAG rating") reports that status.
  return figs.some((f) => f && (f.value !== null || f.relative || f.several || f.error)) || k.milestones.some((m) => m.statedRag) || k.milestones.filter((m) => m.target).length >= 2 || !!k.statedRag;
}

function layoutOf(t: FoundTable, drafts: DraftKpi[], kpis: Kpi[], actualRows: boolean): TableLayout {
  if (t.periodRows) return "period-rows";
  const roles = t.columns.map((c) => c.cls?.role);
  // Two heading rows whose lower words are answers ("Positive" / "Negative"), not periods or roles: survey results.
  if (t.headerRows > 1 && t.columns.some((c) => c.sub && !classifyHeading(c.sub, t.periodContext))) return "survey";
  if (actualRows) return "target-actual-rows";
  if (roles.includes("previous") || roles.includes("latest")) return "previous-latest";
  const time = t.columns.filter((c) => c.cls?.role === "time");
  if (time.length) {
    if (t.columns.some((c) => c.cls?.role === "rag") && drafts.length && drafts.every((d) => d.measureDerived)) return "qualitative-milestones";
    // Time columns holding targets are staged milestones; holding actuals, a series of periods.
    const ms = kpis.flatMap((k) => k.milestones);
    const targets = ms.filter((m) => m.target).length;
    const actuals = ms.filter((m) => m.actual).length;
    return targets >= actuals ? "milestone-columns" : "period-columns";
  }
  return "previous-latest";
}

/** How sure the reading is: headings recognised, KPIs with figures, and how many of the key columns were guessed. */
function confidence(t: FoundTable, kpis: Kpi[], columns: TableColumn[]): number {
  const withFigures = kpis.filter(hasFigures).length / kpis.length;
  const named = kpis.filter((k) => k.ref || k.measure).length / kpis.length;
  const used = columns.filter((c) => c.role !== "ignore");
  const sure = used.length ? used.reduce((n, c) => n + (c.confidence ?? 0.5), 0) / used.length : 0.5;
  const c = 0.3 * t.headerScore + 0.35 * withFigures + 0.1 * named + 0.25 * sure;
  return Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
}

/** References used twice in one table; "KPI 5/17 & 5/21" counts as 5/17 and 5/21. */
function checkDuplicates(kept: { k: Kpi; d: DraftKpi }[], grid: SheetGrid): void {
  const seen = new Map<string, Kpi>();
  for (const { k, d } of kept) {
    if (!k.ref || d.continuation) continue;
    for (const part of refParts(k.ref)) {
      const first = seen.get(part.toLowerCase());
      if (first && first !== k) {
        k.findings.push({
          code: "duplicate-reference",
          severity: FINDING_CODES["duplicate-reference"].severity,
          message: `Reference ${part} is used twice in this table: by "${first.ref}" (${first.sourceCell}) and "${k.ref}" (${k.sourceCell}).`,
          sheet: grid.name,
          cell: d.refCell ? grid.address(d.refCell.row, d.refCell.col) : k.sourceCell,
        });
      } else seen.set(part.toLowerCase(), k);
    }
  }
}

function refParts(ref: string): string[] {
  const stem = ref.replace(/^kpi\s*/i, "");
  const parts = stem.split(/\s*(?:&|,|\band\b)\s*/i).map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts : [stem];
}
