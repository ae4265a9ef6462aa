// The real-world corpus: every published table scanned as a user's workbook would be, and compared with what
// its publisher says. The totals may only go up: tests/corpus/floor.json holds the figures reached.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEntries } from "../../scripts/corpus/entry";
import { buildEntry, xlsxPath } from "../../scripts/corpus/build";
import { workbookBytes } from "../../scripts/fixtures/workbook";
import { scoreCorpus } from "../../scripts/accuracy";
import { totals } from "../../scripts/corpus/score";

const floor = JSON.parse(readFileSync(join(__dirname, "floor.json"), "utf8")) as { recall: number; precision: number; fields: number };

describe("the real-world corpus", () => {
  const entries = loadEntries();

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

  it(`scans at or above recall ${floor.recall}, precision ${floor.precision}, fields ${floor.fields}`, async () => {
    const t = totals(await scoreCorpus());
    expect(t.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(t.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(t.fields).toBeGreaterThanOrEqual(floor.fields);
  });
});
