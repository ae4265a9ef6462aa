// What a scorecard sheet (and its hidden data sheet) says when it is regenerated, from their values as
// read back from Excel: the commentary people typed, and each KPI's RAG as the sheet showed it. Tables
// are found by their headers, so rows or columns a person inserted do not lose anything; rows with a key
// and empty commentary are returned too, so clearing a comment on the sheet clears it for good.
import type { Rag } from "../types";
import { COMMENTARY_HEADER, KEY_HEADER, MEASURE_HEADER, RAG_HEADER, REF_HEADER, SHEET_HEADER } from "./columns";
import {
  AS_WRITTEN_HEADER,
  COMMENTARY_FROM_HEADER,
  COMPARED_DATE_LABEL,
  COMPARED_GENERATED_LABEL,
  COMPARED_LABEL,
  FROM_WORKBOOK,
  GENERATED_LABEL,
  RAG_THEN_HEADER,
  REPORTING_DATE_LABEL,
} from "./dataSheet";
import { unquote } from "./literal";
import type { CommentaryEntry, PreviousScorecard } from "./types";

type Raw = string | number | boolean | null | undefined;
export type Grid = readonly (readonly Raw[] | undefined)[];

function str(v: Raw): string {
  return v === null || v === undefined ? "" : unquote(String(v));
}

const RAG_WORD = /^\s*(red|amber|green|grey|gray|blue)\b/i;

/** "Red", "red · out of date" -> "red"; anything else -> null. */
export function ragFromText(text: string): Rag | null {
  const m = RAG_WORD.exec(text);
  if (!m) return null;
  const w = m[1].toLowerCase();
  return (w === "gray" ? "grey" : w) as Rag;
}

interface SheetEntry extends CommentaryEntry {
  rag: Rag | null;
}

/** Every row with a key under a heading row that has the key and Commentary headers (the register, the exceptions, the orphans). */
function entriesFromGrid(values: Grid): SheetEntry[] {
  const out: SheetEntry[] = [];
  let cols: { key: number; text: number; sheet: number; ref: number; measure: number; rag: number } | null = null;
  for (const row of values) {
    if (!row) continue;
    const cells = Array.from(row, str);
    const key = cells.indexOf(KEY_HEADER);
    const text = cells.indexOf(COMMENTARY_HEADER);
    if (key >= 0 && text >= 0) {
      cols = { key, text, sheet: cells.indexOf(SHEET_HEADER), ref: cells.indexOf(REF_HEADER), measure: cells.indexOf(MEASURE_HEADER), rag: cells.indexOf(RAG_HEADER) };
      continue;
    }
    if (!cols) continue;
    const k = cells[cols.key]?.trim();
    if (!k) continue;
    out.push({
      key: k,
      sheet: cols.sheet >= 0 ? cells[cols.sheet] || null : null,
      ref: (cols.ref >= 0 && cells[cols.ref]) || null,
      measure: (cols.measure >= 0 && cells[cols.measure]) || null,
      text: cells[cols.text] ?? "",
      rag: cols.rag >= 0 ? ragFromText(cells[cols.rag] ?? "") : null,
    });
  }
  return out;
}

/** Commentary on a scorecard sheet, one entry per row that carries a key (kept for the pane and older callers). */
export function commentaryFromGrid(values: Grid): CommentaryEntry[] {
  return entriesFromGrid(values).map(({ rag: _rag, ...e }) => e);
}

interface WrittenState {
  generatedAt: string | null;
  rags: Map<string, Rag>;
  written: Map<string, string>;
  /** Keys whose commentary as written was the workbook's own, not typed. */
  fromWorkbook: Set<string>;
  names: Map<string, { ref: string | null; measure: string | null }>;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial date-time as ISO (UTC), or null. */
function isoFromSerial(v: Raw): string | null {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > 2958465) return null;
  return new Date(EXCEL_EPOCH_MS + Math.round(v * 1440) * 60_000).toISOString().replace(/\.000Z$/, "Z");
}

/** The date-time in the first row labelled `label` among `rows`: the first number after the label. */
function labelledDate(rows: Grid, label: string): string | null {
  for (const row of rows) {
    if (!row) continue;
    const at = Array.from(row, str).findIndex((c) => c.trim() === label);
    if (at < 0) continue;
    for (const v of row.slice(at + 1)) {
      const iso = isoFromSerial(v);
      if (iso) return iso;
    }
  }
  return null;
}

/** The generation time in a row labelled "Generated (UTC)". */
function generatedFrom(values: Grid): string | null {
  return labelledDate(values.slice(0, 30), GENERATED_LABEL);
}

/** The scorecard the last one compared with, from its block on the data sheet; null when there is none. */
function comparedFrom(values: Grid): PreviousScorecard | null {
  const start = values.findIndex((row) => !!row && str(row[0]).trim() === COMPARED_LABEL);
  if (start < 0) return null;
  const rest = values.slice(start);
  const date = labelledDate(rest.slice(0, 4), COMPARED_DATE_LABEL);
  const base: PreviousScorecard = { generatedAt: labelledDate(rest.slice(0, 4), COMPARED_GENERATED_LABEL), asOf: date ? date.slice(0, 10) : null, rags: {}, names: {} };
  let cols: { key: number; rag: number; ref: number; measure: number } | null = null;
  for (const row of rest) {
    if (!row) continue;
    const cells = Array.from(row, str);
    if (!cols) {
      const key = cells.indexOf(KEY_HEADER);
      const rag = cells.indexOf(RAG_THEN_HEADER);
      if (key >= 0 && rag >= 0) cols = { key, rag, ref: cells.indexOf(REF_HEADER), measure: cells.indexOf(MEASURE_HEADER) };
      continue;
    }
    const k = cells[cols.key]?.trim();
    if (!k) break;
    const rag = ragFromText(cells[cols.rag] ?? "");
    if (!rag) continue;
    base.rags[k] = rag;
    base.names[k] = { ref: (cols.ref >= 0 && cells[cols.ref]) || null, measure: (cols.measure >= 0 && cells[cols.measure]) || null };
  }
  return base;
}

function stateFromDataGrid(values: Grid): WrittenState {
  const state: WrittenState = { generatedAt: generatedFrom(values), rags: new Map(), written: new Map(), fromWorkbook: new Set(), names: new Map() };
  let cols: { key: number; rag: number; written: number; ref: number; measure: number; from: number } | null = null;
  for (const row of values) {
    if (!row) {
      cols = null; // a row with nothing in it ends the state block
      continue;
    }
    const cells = Array.from(row, str);
    const key = cells.indexOf(KEY_HEADER);
    const written = cells.indexOf(AS_WRITTEN_HEADER);
    if (key >= 0 && written >= 0) {
      cols = { key, rag: cells.indexOf(RAG_HEADER), written, ref: cells.indexOf(REF_HEADER), measure: cells.indexOf(MEASURE_HEADER), from: cells.indexOf(COMMENTARY_FROM_HEADER) };
      continue;
    }
    if (!cols) continue;
    const k = cells[cols.key]?.trim();
    if (!k) {
      cols = null; // the state block ends at its first empty row; chart data follows
      continue;
    }
    const rag = cols.rag >= 0 ? ragFromText(cells[cols.rag]) : null;
    if (rag) state.rags.set(k, rag);
    state.written.set(k, cells[cols.written] ?? "");
    if (cols.from >= 0 && cells[cols.from]?.trim() === FROM_WORKBOOK) state.fromWorkbook.add(k);
    state.names.set(k, { ref: (cols.ref >= 0 && cells[cols.ref]) || null, measure: (cols.measure >= 0 && cells[cols.measure]) || null });
  }
  return state;
}

export interface ScorecardState {
  /** One entry per KPI key: what the sheet says now. */
  commentary: CommentaryEntry[];
  previous: PreviousScorecard;
}

/**
 * What the owned sheets say. Commentary for a KPI may stand in two places (its exception row on page 1
 * and its register row): the one that differs from what the add-in wrote last time is the edit and wins.
 * Without that record (a scorecard from an older version) the register, listed last, wins.
 */
export function readScorecardState(scorecard: Grid, data: Grid | null): ScorecardState {
  const entries = entriesFromGrid(scorecard);
  const state = data ? stateFromDataGrid(data) : null;
  const byKey = new Map<string, SheetEntry[]>();
  for (const e of entries) {
    const list = byKey.get(e.key) ?? [];
    list.push(e);
    byKey.set(e.key, list);
  }
  const commentary: CommentaryEntry[] = [];
  const rags: Record<string, Rag> = {};
  const names: PreviousScorecard["names"] = {};
  for (const [key, list] of byKey) {
    const written = state?.written.get(key);
    const edited = written === undefined ? undefined : list.find((e) => e.text.trim() !== written.trim());
    const chosen = edited ?? list[list.length - 1];
    const named = [...list].reverse().find((e) => e.ref || e.measure) ?? chosen;
    // The workbook's own commentary, left as it was written, is not typed commentary: the next scorecard takes
    // the workbook's commentary afresh (it may have changed there).
    const kept = edited ? edited.text : state?.fromWorkbook.has(key) ? "" : (written ?? chosen.text);
    commentary.push({ key, sheet: named.sheet ?? chosen.sheet, ref: named.ref, measure: named.measure, text: kept });
    // What the last scorecard said: the data sheet's record of it first, since a live register cell says what the
    // source says today; the register itself for a scorecard written without that record.
    const rag = state?.rags.get(key) ?? [...list].reverse().find((e) => e.rag)?.rag;
    if (rag) {
      rags[key] = rag;
      names[key] = { ref: named.ref, measure: named.measure };
    }
  }
  // KPIs the data sheet remembers that the scorecard no longer shows (rows deleted by hand).
  for (const [key, rag] of state?.rags ?? []) {
    if (rags[key]) continue;
    rags[key] = rag;
    names[key] = state!.names.get(key) ?? { ref: null, measure: key };
  }
  const reportingDate = data ? labelledDate(data.slice(0, 30), REPORTING_DATE_LABEL) : null;
  return {
    commentary,
    previous: {
      generatedAt: state?.generatedAt ?? generatedFrom(scorecard),
      asOf: reportingDate ? reportingDate.slice(0, 10) : null,
      comparedWith: data ? comparedFrom(data) : null,
      rags,
      names,
    },
  };
}
