// `kpi-scorecard scorecard` writes the user's workbook with the scorecard patched in: every part it does
// not need to touch is the input's, byte for byte; a macro-enabled workbook keeps its macros as .xlsm.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FEATURES, featureWorkbook } from "../helpers/featureWorkbooks";
import { sameBytes, zipEntries } from "../helpers/zipEntries";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const TOUCHED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

function changedParts(input: Uint8Array, output: Uint8Array): string[] {
  const a = zipEntries(input);
  const b = zipEntries(output);
  return [...a.keys()].filter((n) => !b.has(n) || !sameBytes(a.get(n)!.compressed, b.get(n)!.compressed)).sort();
}

describe("the scorecard copy from the command line", () => {
  it("keeps every part of a workbook with pivot tables, threaded comments, a chart sheet, a sensitivity label ... as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-copy-"));
    const input = join(dir, "board.xlsx");
    const bytes = await featureWorkbook(FEATURES.filter((f) => !f.macros));
    writeFileSync(input, bytes);
    const r = await run("scorecard", input, "--as-of", "2024-02-29", "--stats");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/KPIs: \d+ in \d+ tables?, reporting date 2024-02-29/);
    expect(Number(/syncs: read \d+, write (\d+)/.exec(r.out)![1])).toBeLessThanOrEqual(3);
    const output = readFileSync(join(dir, "board-scorecard.xlsx"));
    expect(changedParts(bytes, output)).toEqual([...TOUCHED].sort());
    expect(readFileSync(input).equals(Buffer.from(bytes))).toBe(true);
  });

  it("a macro-enabled workbook: the copy is .xlsm with the VBA project unchanged; -o out.xlsx is refused in words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-xlsm-"));
    const input = join(dir, "board.xlsm");
    const bytes = await featureWorkbook(FEATURES.filter((f) => f.macros || f.name.startsWith("native charts")));
    writeFileSync(input, bytes);
    const refused = await run("scorecard", input, "-o", join(dir, "copy.xlsx"));
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`kpi-scorecard: -o must end in .xlsm for this workbook (it has macros, which the copy keeps) (got "${join(dir, "copy.xlsx")}").\n`);
    expect(existsSync(join(dir, "copy.xlsx"))).toBe(false);

    const r = await run("scorecard", input, "--as-of", "2024-02-29");
    expect(r.code).toBe(0);
    const output = join(dir, "board-scorecard.xlsm");
    expect(r.out).toContain(output);
    const out = readFileSync(output);
    expect(changedParts(bytes, out)).toEqual([...TOUCHED].sort());
    expect(zipEntries(out).has("xl/vbaProject.bin")).toBe(true);
  });
});
