// The board pack as LibreOffice prints it (npm run test:render), through `kpi-scorecard pack`: page 1 holds
// the RAG tiles and the exceptions, no page is blank, the charts are drawn whole on their pages, the tables print
// at 9 pt or more and the key at 8, and the pages are A4 landscape. SCORECARD_RENDER_DIR=<folder> keeps the PDFs.
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { runPack, pdfPageCount } from "../../src/cli/packCommand";
import { RAG_COLOURS } from "../../src/core/scorecard";
import { fontEms } from "../../src/core/scorecard/textFit";
import { countColour, countInk, describeRender, pdfToRgbPages, scratchDir, type RgbImage } from "../helpers/render";
import { CORPUS, SAMPLE } from "../helpers/printCheck";

const files = [
  SAMPLE,
  join(CORPUS, "hart-dc-kpi-tiles-q1-2014-15.xlsx"),
  join(CORPUS, "calderdale-mbc-super-kpis-2025-08.xlsx"),
  join(CORPUS, "warwickshire-frs-targets-measures-2016-17.xlsx"),
  join(CORPUS, "bracknell-forest-kpis-q3-2024-25.xlsx"),
  join(CORPUS, "rotherham-mbc-council-plan-measures-2022-23.xlsx"),
];

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" });
}

/**
 * The printed size of a word on a page: as wide as it is on the page, over its width in ems in the font
 * LibreOffice drew it with. "Measure" is a table's heading word (bold, the tables' size on the sheet).
 */
function printedSize(pdf: string, page: number, word = "Measure", bold = true): number {
  const fonts = execFileSync("pdffonts", ["-f", String(page), "-l", String(page), pdf], { encoding: "utf8" });
  const family = /Carlito|Calibri/.test(fonts) ? "calibri" : "dejavu";
  const bbox = execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"], { encoding: "utf8" });
  const m = new RegExp(`<word xMin="([\\d.]+)" yMin="[\\d.]+" xMax="([\\d.]+)" yMax="[\\d.]+">${word}</word>`).exec(bbox);
  if (!m) throw new Error(`no "${word}" on page ${page}`);
  return (Number(m[2]) - Number(m[1])) / fontEms(word, family, bold);
}

/** Ink between the header and the footer: a page with only its header and footer is blank. */
function bodyInk(img: RgbImage): number {
  const top = Math.floor(img.height * 0.1);
  const bottom = Math.floor(img.height * 0.9);
  return countInk({ width: img.width, height: bottom - top, pixels: img.pixels.subarray(top * img.width * 3, bottom * img.width * 3) });
}

describeRender("the board pack, printed by LibreOffice", () => {
  test.each(files)("%s", async (file) => {
    const dir = scratchDir("board-pack");
    const pdf = join(dir, `${basename(file, ".xlsx")}.pdf`);
    let said = "";
    // The sample carries its own reporting date and heading (its settings); the corpus workbooks are printed as at one date.
    const sample = file === SAMPLE;
    expect(await runPack(file, { output: pdf, overrides: sample ? {} : { asOf: "2024-02-29" } }, (s) => (said += s))).toBe(0);
    expect(said).toMatch(/^Wrote .*: \d+ pages?, the scorecard of \d+ KPIs/);
    const bytes = readFileSync(pdf);
    const count = pdfPageCount(bytes);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);

    // Page 1: the title, the tiles (each RAG's colour in a large area) and the exceptions.
    const first = pageText(pdf, 1);
    expect(first).toMatch(sample ? /Performance update on KPIs[\s\S]*Reporting date: 8 Dec 2020/ : /KPI Scorecard/);
    expect(first).toMatch(/Exceptions: every Red and Amber KPI, worst first \(\d+\)/);
    expect(first).toMatch(/Page 1 of \d+/);
    const pages = await pdfToRgbPages(pdf, dir, { dpi: 40 });
    expect(pages).toHaveLength(count);
    for (const rag of ["red", "amber", "green"] as const) expect(countColour(pages[0], RAG_COLOURS[rag].fill, 12)).toBeGreaterThan(300);

    // No page is blank, and the register's heading repeats on its pages (not on page 1).
    pages.forEach((p, i) => expect({ page: i + 1, ink: bodyInk(p) > 400 }).toEqual({ page: i + 1, ink: true }));
    const texts = pages.map((_, i) => pageText(pdf, i + 1));
    const registerPages = texts.map((t, i) => (/^\s*(Ref\s+)?Measure\s/m.test(t.split("\n").slice(0, 6).join("\n")) ? i + 1 : 0)).filter((n) => n > 0);
    expect(registerPages.length).toBeGreaterThan(0);
    // The tables print at 9 pt or more (page 1's exceptions and the register), the key at 8 pt or more.
    expect(printedSize(pdf, registerPages[0])).toBeGreaterThanOrEqual(8.95);
    if (/Exceptions: every Red and Amber KPI, worst first \([1-9]/.test(first)) expect(printedSize(pdf, 1)).toBeGreaterThanOrEqual(8.95);
    expect(printedSize(pdf, 1, "meets", false)).toBeGreaterThanOrEqual(7.95);
    // Page 1 never says a period twice ("69 (Dec 23) (Dec 23)").
    expect(first).not.toMatch(/\(([^()\n]+)\) \(\1\)/);
    // The sample: 47 KPIs in 17 pages before issue 19; now Sefton's report as at 08.12.20 alone (31 KPIs, 11 pages).
    if (file === SAMPLE) expect(count).toBeLessThanOrEqual(12);

    if (process.env.SCORECARD_RENDER_DIR) copyFileSync(pdf, join(process.env.SCORECARD_RENDER_DIR, basename(pdf)));
  }, 240_000);
});
