// The sample workbook's scorecard, opened in LibreOffice and printed: its RAG colours and charts are on the
// pages (npm run test:render). SCORECARD_RENDER_DIR=<folder> keeps the page pictures to look at.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { RAG_COLOURS } from "../../src/core/scorecard";
import { scanAndApply } from "../helpers/scorecard";
import { countColour, describeRender, pdfToRgbPages, renderXlsxToPdf, renderXlsxToPng, scratchDir } from "../helpers/render";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");

describeRender("the sample workbook, rendered", () => {
  test("opens in LibreOffice and prints the scorecard with its RAG colours and charts", async () => {
    const wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
    const { applied, spec } = await scanAndApply(wb, "send-board-kpis.xlsx");
    expect(applied.kpiRows).toBeGreaterThan(10);
    const dir = scratchDir("scorecard-render");
    const out = join(dir, "send-board-scorecard.xlsx");
    writeFileSync(out, await wb.save());
    const pdf = await renderXlsxToPdf(out, dir);
    const pages = await pdfToRgbPages(pdf, dir);
    const pngs = await renderXlsxToPng(out, dir, { dpi: 80 });
    // Keep the pictures where a person can look at them.
    const keep = process.env.SCORECARD_RENDER_DIR;
    if (keep) pngs.forEach((p, i) => copyFileSync(p, join(keep, `page-${i + 1}.png`)));
    const used = new Set(spec.rows.map((r) => r.rag));
    for (const rag of used) {
      const fill = RAG_COLOURS[rag].fill;
      expect(pages.some((p) => countColour(p, fill, 12) > 200)).toBe(true);
    }
  }, 240_000);
});
