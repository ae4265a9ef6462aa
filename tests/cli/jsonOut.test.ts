// `scan --json` writes its JSON piece by piece (a workbook of 300,000 KPIs made one string too long for
// V8): the text is exactly what JSON.stringify(result, null, 2) gives, for real scans and any JSON.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { jsonChunks, writeJson } from "../../src/cli/jsonOut";
import { scanFile } from "../../src/cli/loadWorkbook";

const ROOT = join(__dirname, "..", "..");

function printed(value: unknown): string {
  return [...jsonChunks(value)].join("");
}

/** Where two long texts first differ (-1 when equal): a failure names the place, not a diff of megabytes. */
function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

describe("scan --json written in pieces", () => {
  it.each(["assets/samples/send-board-kpis.xlsx", "tests/fixtures/seed002-sefton.xlsx", "tests/fixtures/empty.xlsx"])("%s prints what JSON.stringify prints, and parses back", async (file) => {
    const { result } = await scanFile(join(ROOT, file), (p) => readFile(p), { workbookName: "x.xlsx", today: "2024-02-29" });
    const text = printed(result);
    expect(text).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it("any JSON object prints as JSON.stringify prints it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))), fc.constant(undefined), fc.date({ noInvalidDate: true })))), (value) => {
        expect(printed(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
    );
  });

  it("never builds one string for the whole result, however large one table: pieces stay near 64 KB", () => {
    const kpis = Array.from({ length: 20_000 }, (_, i) => ({ id: i, measure: `KPI ${i}`, notes: "x".repeat(200) }));
    let longest = 0, total = 0;
    const chunks: string[] = [];
    for (const s of jsonChunks({ tables: [{ kpis }], findings: [] })) {
      longest = Math.max(longest, s.length);
      total += s.length;
      chunks.push(s);
    }
    expect(total).toBeGreaterThan(5_000_000);
    expect(longest).toBeLessThan(70 * 1024);
    expect(firstDifference(chunks.join(""), `${JSON.stringify({ tables: [{ kpis }], findings: [] }, null, 2)}\n`)).toBe(-1);
  });

  it("values mixing subtrees written whole and subtrees written member by member print as JSON.stringify prints them", () => {
    // Strings long enough that the whole value, and some of its members, pass the size written whole.
    const long = fc.string({ minLength: 200, maxLength: 4000, unit: "grapheme" });
    const leaf = fc.oneof(long, fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const member = fc.dictionary(fc.string(), fc.oneof(leaf, fc.array(leaf, { maxLength: 8 })), { minKeys: 1, maxKeys: 8 });
    fc.assert(
      fc.property(fc.array(fc.oneof(member, fc.array(member, { minLength: 1, maxLength: 12 })), { minLength: 4, maxLength: 12 }), (value) => {
        const text = printed({ tables: value });
        expect(firstDifference(text, `${JSON.stringify({ tables: value }, null, 2)}\n`)).toBe(-1);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it("waits for the output whenever it asks to (a full pipe), and writes every chunk in order", async () => {
    const kpis = Array.from({ length: 2_000 }, (_, i) => ({ id: i, notes: "x".repeat(100) }));
    const written: string[] = [];
    let pending = 0, overlapped = false;
    await writeJson({ kpis }, async (s) => {
      if (pending) overlapped = true;
      pending++;
      await new Promise((r) => setTimeout(r, 1));
      written.push(s);
      pending--;
    });
    expect(overlapped).toBe(false);
    expect(written.length).toBeGreaterThan(2);
    expect(written.join("")).toBe(`${JSON.stringify({ kpis }, null, 2)}\n`);
  });
});
