// The real-world corpus: every published table scanned as a user's workbook would be, and compared with what
// its publisher says. The figures may only go up: tests/corpus/floor.json holds those reached, in total, per
// field and per entry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEntries } from "../../scripts/corpus/entry";
import { buildEntry, xlsxPath } from "../../scripts/corpus/build";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import { scoreCorpus, type CorpusScore } from "../../scripts/accuracy";
import { SCORED_FIELDS, totals } from "../../scripts/corpus/score";

interface Floor {
  recall: number;
  precision: number;
  fields: number;
  reportingDate?: number;
  byField?: Record<string, number>;
  entries?: Record<string, { recall: number; fields: number }>;
}
const floor = JSON.parse(readFileSync(join(__dirname, "floor.json"), "utf8")) as Floor;

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
/** Floors are written to 3 decimals, rounded down: a figure meets its floor when it is not below it. */
const below = (got: number, min: number) => got < min - 1e-9;

describe("the real-world corpus", () => {
  const entries = loadEntries();
  let scores: CorpusScore[] = [];
  beforeAll(async () => {
    scores = await scoreCorpus();
  }, 120000);

  it("holds at least 40 published tables from at least 25 publishers", () => {
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(entries.map((e) => e.source.publisher)).size).toBeGreaterThanOrEqual(25);
  });

  it("each workbook is built from its entry (npm run corpus)", async () => {
    for (const e of entries) {
      const committed = new Uint8Array(readFileSync(xlsxPath(e)));
      expect({ id: e.id, same: Buffer.from(await workbookBytes(buildEntry(e))).equals(Buffer.from(committed)) }).toEqual({ id: e.id, same: true });
    }
  });

  it(`scans at or above recall ${floor.recall}, precision ${floor.precision}, fields ${floor.fields}`, () => {
    const t = totals(scores);
    expect(t.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(t.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(t.fields).toBeGreaterThanOrEqual(floor.fields);
  });

  it("no field falls below its floor, nor the reporting date inferred", () => {
    const falls: string[] = [];
    for (const f of SCORED_FIELDS) {
      const min = floor.byField?.[f];
      if (min === undefined) continue;
      const got = ratio(
        scores.reduce((n, s) => n + s.byField[f].right, 0),
        scores.reduce((n, s) => n + s.byField[f].scored, 0),
      );
      if (below(got, min)) falls.push(`${f} ${got.toFixed(3)} < ${min}`);
    }
    const dates = ratio(scores.filter((s) => s.inferredRight).length, scores.length);
    if (floor.reportingDate !== undefined && below(dates, floor.reportingDate)) falls.push(`reporting date ${dates.toFixed(3)} < ${floor.reportingDate}`);
    expect(falls).toEqual([]);
  });

  it("no entry falls below its floor", () => {
    const falls: string[] = [];
    for (const s of scores) {
      const min = floor.entries?.[s.id];
      if (!min) continue;
      const recall = ratio(s.found, s.expected);
      const fields = ratio(s.fieldsRight, s.fieldsScored);
      if (below(recall, min.recall)) falls.push(`${s.id}: recall ${recall.toFixed(3)} < ${min.recall}`);
      if (below(fields, min.fields)) falls.push(`${s.id}: fields ${fields.toFixed(3)} < ${min.fields}`);
    }
    expect(falls).toEqual([]);
  });
});
