// The hidden sheet the add-in owns beside the scorecard: what this scorecard said (each KPI's RAG and the
// commentary as written, and when it was generated), so the next one can say what changed and tell an
// edit from what it wrote itself; and the charts' data, which never prints.
import { KEY_HEADER, MEASURE_HEADER, RAG_HEADER, REF_HEADER } from "./columns";
import { BlockBuilder } from "./grid";
import { literal } from "./literal";
import { DATA_SHEET_MARKER } from "./markers";
import { DATETIME_FORMAT, DATE_FORMAT, GENERAL, excelSerial } from "./numberFormat";
import { RAG_WORDS } from "./palette";
import type { PlacedKpi } from "./rows";
import type { Rag } from "../types";
import type { PreviousScorecard } from "./types";

export const DATA_SHEET_DEFAULT_NAME = "KPI Scorecard data";
export const GENERATED_LABEL = "Generated (UTC)";
export const REPORTING_DATE_LABEL = "Reporting date";
/** The block of the scorecard this one compared with: its own labels, so it is never read as this one's state. */
export const COMPARED_LABEL = "Compared with";
export const COMPARED_GENERATED_LABEL = "Its generation (UTC)";
export const COMPARED_DATE_LABEL = "Its reporting date";
export const RAG_THEN_HEADER = "RAG then";
export const AS_WRITTEN_HEADER = "Commentary as written";
export const STALE_HEADER = "Out of date";
/** "workbook" where the commentary written was the workbook's own (its notes), not typed on the scorecard. */
export const COMMENTARY_FROM_HEADER = "Commentary from";
export const FROM_WORKBOOK = "workbook";

export interface StateBlock {
  block: BlockBuilder;
  /** The next free row. */
  endRow: number;
}

export function stateBlock(placed: readonly PlacedKpi[], commentary: ReadonlyMap<string, string>, fromWorkbook: ReadonlySet<string>, generatedAt: string, asOf: string): StateBlock {
  const b = new BlockBuilder("state", 0, 0, 7);
  b.set(0, 0, DATA_SHEET_MARKER);
  const gen = excelSerial(generatedAt);
  b.set(1, 0, GENERATED_LABEL);
  b.set(1, 1, gen ?? literal(generatedAt), gen === null ? GENERAL : DATETIME_FORMAT);
  const date = excelSerial(asOf);
  b.set(2, 0, REPORTING_DATE_LABEL);
  b.set(2, 1, date ?? literal(asOf), date === null ? GENERAL : DATE_FORMAT);
  const header = 4;
  [KEY_HEADER, RAG_HEADER, STALE_HEADER, AS_WRITTEN_HEADER, REF_HEADER, MEASURE_HEADER, COMMENTARY_FROM_HEADER].forEach((h, i) => b.set(header, i, h));
  placed.forEach((p, i) => {
    const r = header + 1 + i;
    b.set(r, 0, literal(p.key));
    b.set(r, 1, RAG_WORDS[p.rag]);
    b.set(r, 2, p.stale ? "yes" : "");
    b.set(r, 3, literal(commentary.get(p.key) ?? ""));
    b.set(r, 4, literal(p.kpi.ref ?? ""));
    b.set(r, 5, literal(p.kpi.measure));
    b.set(r, 6, fromWorkbook.has(p.key) ? FROM_WORKBOOK : "");
  });
  return { block: b, endRow: header + 1 + placed.length + 1 };
}

/**
 * The scorecard this one compared with, kept so that the next scorecard for the same reporting date compares
 * with it too. Nothing is written on a first scorecard.
 */
export function comparedBlock(base: PreviousScorecard | null, row: number): StateBlock {
  const b = new BlockBuilder("compared", row, 0, 4);
  if (!base) return { block: b, endRow: row };
  b.set(row, 0, COMPARED_LABEL);
  const date = base.asOf ? excelSerial(base.asOf) : null;
  b.set(row + 1, 0, COMPARED_DATE_LABEL);
  if (date !== null) b.set(row + 1, 1, date, DATE_FORMAT);
  const gen = base.generatedAt ? excelSerial(base.generatedAt) : null;
  b.set(row + 2, 0, COMPARED_GENERATED_LABEL);
  if (gen !== null) b.set(row + 2, 1, gen, DATETIME_FORMAT);
  const header = row + 3;
  [KEY_HEADER, RAG_THEN_HEADER, REF_HEADER, MEASURE_HEADER].forEach((h, i) => b.set(header, i, h));
  Object.entries(base.rags).forEach(([key, rag], i) => {
    const r = header + 1 + i;
    const name = base.names[key];
    b.set(r, 0, literal(key));
    b.set(r, 1, RAG_WORDS[rag as Rag]);
    b.set(r, 2, literal(name?.ref ?? ""));
    b.set(r, 3, literal(name?.measure ?? ""));
  });
  return { block: b, endRow: header + 1 + Object.keys(base.rags).length + 1 };
}
