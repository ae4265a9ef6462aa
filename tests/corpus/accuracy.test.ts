// The real-world corpus: every published table scanned as a user's workbook would be, and compared with what
// its publisher says. The figures may only go up: tests/corpus/floor.json holds those reached, per set of entries
// (totals, each field, the reporting date inferred) and per entry.
import { readFileSync } from "node:fs";
import { loadEntries } from "../../scripts/corpus/entry";
import { buildEntry, xlsxPath } from "../../scripts/corpus/build";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import { scoreCorpus, type CorpusScore } from "../../scripts/accuracy";
import { falls, readFloor } from "../../scripts/corpus/floor";

const floor = readFloor();

describe("the real-world corpus", () => {
  const entries = loadEntries();
  let scores: CorpusScore[] = [];
  // Scoring every entry takes about a minute on a quiet machine; the limit only guards against a hang, so a
  // crowded machine (a loaded run took over 120 s) does not fail the gauge by chance.
  beforeAll(async () => {
    scores = await scoreCorpus();
  }, 600_000);

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

  it("no set of entries falls below its floors (totals, each field, reporting date), nor any entry below its own", () => {
    expect(falls(floor, scores)).toEqual([]);
  });

  it("every entry is held by a floor (npm run corpus:floor gives a new entry its own)", () => {
    const held = new Set(floor.sets.flatMap((s) => s.ids));
    expect(entries.map((e) => e.id).filter((id) => !held.has(id) || !floor.entries[id])).toEqual([]);
  });
});
