// The scorecard copy of a workbook full of features (pivot table, chart sheet, threaded comments, external
// link, sparklines, header picture, sensitivity label ...), opened in LibreOffice and printed: everything the
// original prints is still printed, after the scorecard's pages (placed first) with their RAG colours (npm run test:render).
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { openWorkbook } from "../../src/host";
import { RAG_COLOURS } from "../../src/core/scorecard";
import { scanAndApply } from "../helpers/scorecard";
import { FEATURES, featureWorkbook } from "../helpers/featureWorkbooks";
import { countColour, describeRender, pdfToRgbPages, renderXlsxToPdf, scratchDir } from "../helpers/render";

const pdfText = async (pdf: string): Promise<string[]> =>
  (await promisify(execFile)("pdftotext", [pdf, "-"])).stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^Printed |^Page \d+ of \d+$/.test(l));

describeRender("the scorecard copy of a feature-rich workbook, rendered", () => {
  test("prints the scorecard (placed first), then everything the original prints", async () => {
    const input = await featureWorkbook(FEATURES.filter((f) => !f.macros));
    const wb = await openWorkbook(input);
    const { applied, spec } = await scanAndApply(wb, "features.xlsx");
    expect(applied.kpiRows).toBeGreaterThanOrEqual(4);
    const dir = scratchDir("patched-copy-render");
    const original = join(dir, "original.xlsx");
    const copy = join(dir, "copy.xlsx");
    writeFileSync(original, input);
    writeFileSync(copy, await wb.saveCopy());
    const [before, after] = await Promise.all([renderXlsxToPdf(original, join(dir, "a")), renderXlsxToPdf(copy, join(dir, "b"))]);
    const linesBefore = await pdfText(before);
    const linesAfter = await pdfText(after);
    expect(linesBefore).toEqual(expect.arrayContaining(["North", "Calls by month", "SEND partnership board"]));
    expect(linesAfter.slice(linesAfter.length - linesBefore.length)).toEqual(linesBefore);
    expect(linesAfter.length).toBeGreaterThan(linesBefore.length);
    const pages = await pdfToRgbPages(after, dir);
    for (const rag of new Set(spec.rows.map((r) => r.rag))) {
      expect(pages.some((p) => countColour(p, RAG_COLOURS[rag].fill, 12) > 200)).toBe(true);
    }
  }, 240_000);
});
