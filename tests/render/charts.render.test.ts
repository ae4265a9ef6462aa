// LibreOffice draws the charts added to an ExcelJS workbook, in their series colours (npm run test:render).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { addChartsToXlsx } from "../../src/host/xlsx/chartXml";
import { AMBER, BLUE, GREEN, RED, baseWorkbook, charts } from "../helpers/chartWorkbook";
import { countColour, countInk, describeRender, pdfToRgbPages, renderXlsxToPdf, renderXlsxToPng, scratchDir } from "../helpers/render";

describeRender("LibreOffice renders the charts", () => {
  test("the workbook converts to PDF and the chart colours appear on the page", async () => {
    const dir = scratchDir("charts-render");
    const file = join(dir, "charts.xlsx");
    writeFileSync(file, await addChartsToXlsx(await baseWorkbook(), charts()));
    const pdf = await renderXlsxToPdf(file, dir);
    const pages = await pdfToRgbPages(pdf, dir, { dpi: 60 });
    expect(pages.length).toBeGreaterThan(0);
    const ink = pages.reduce((n, p) => n + countInk(p), 0);
    expect(ink).toBeGreaterThan(2000);
    // Bars and slices are filled areas in the series colours: without the charts these colours are absent.
    const covered = (hex: string): number => pages.reduce((n, p) => n + countColour(p, hex, 30), 0);
    for (const hex of [RED, AMBER, GREEN, BLUE]) expect(covered(hex)).toBeGreaterThan(100);
    // The RAG pie is alone on its sheet's page: its slices are red, amber and green, not theme colours.
    const piePage = pages.find((p) => countColour(p, BLUE, 30) === 0 && countColour(p, GREEN, 30) > 100);
    expect(piePage).toBeDefined();
    for (const hex of [RED, AMBER]) expect(countColour(piePage!, hex, 30)).toBeGreaterThan(100);
    const pngs = await renderXlsxToPng(file, dir);
    expect(pngs.length).toBe(pages.length);
    if (process.env.KEEP_RENDER) console.warn(`rendered pages: ${pngs.join(", ")}`);
  }, 240_000);

  test("the same workbook without charts has none of the series colours (the check above can fail)", async () => {
    const dir = scratchDir("charts-render-none");
    const file = join(dir, "plain.xlsx");
    writeFileSync(file, await baseWorkbook());
    const pages = await pdfToRgbPages(await renderXlsxToPdf(file, dir), dir, { dpi: 60 });
    const covered = (hex: string): number => pages.reduce((n, p) => n + countColour(p, hex, 30), 0);
    for (const hex of [RED, AMBER, GREEN, BLUE]) expect(covered(hex)).toBeLessThan(100);
  }, 240_000);
});
