// Issue 19, page 1 whole as LibreOffice prints it (npm run test:render): the pack is printed through `pack`, and each
// printed page is read back (pdftotext, and its ink from pdftoppm). Page 1 holds the tiles, the counts by group, the
// changes and every exception of a scorecard of up to about 15 of them; no page is more than half blank, except the
// last of a section. Measured on the print, not on the model the layout is worked out from.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { runPack } from "../../src/cli/packCommand";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { buildScorecardSpec, type ScorecardSpec } from "../../src/core/scorecard";
import { describeRender, pdfToRgbPages, scratchDir, type RgbImage } from "../helpers/render";
import { CORPUS, SAMPLE } from "../helpers/printCheck";
import { FIXTURES } from "../helpers/scan";

/** The scorecard `pack` prints, as data: the same scan and settings (the workbook's own, or the reporting date given). */
async function specOf(file: string, asOf?: string): Promise<ScorecardSpec> {
  const wb = await openWorkbook(await readFile(file));
  const { result, settings } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: basename(file), overrides: asOf ? { asOf } : {}, today: "2026-12-06" }));
  return buildScorecardSpec(result, { sheetName: settings.scorecardSheetName, generatedAt: "2026-12-06T05:00:00Z", commentary: [], settings });
}

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
}

/** Words as one line: a cell's text wraps over lines in the printout. */
const flat = (s: string) => s.replace(/\s+/g, " ");

/** How far down its body (between the top and bottom margins) a page's ink reaches, from 0 to 1. */
function filled(img: RgbImage): number {
  // A4 landscape: 595 pt high, margins of 36 pt top and bottom; the header and footer stand inside the margins.
  const top = Math.ceil((img.height * 36) / 595.3);
  const bottom = Math.floor((img.height * (595.3 - 36)) / 595.3);
  let lowest = top;
  for (let y = top; y < bottom; y++) {
    const row = img.pixels.subarray(y * img.width * 3, (y + 1) * img.width * 3);
    for (let i = 0; i < row.length; i += 3) {
      if (row[i] + row[i + 1] + row[i + 2] < 720) {
        lowest = y;
        break;
      }
    }
  }
  return (lowest - top) / (bottom - top);
}

/** Which part of the pack a page belongs to, from the words under its header (a page without a heading continues the part before). */
function partOf(text: string, before: string): string {
  const body = flat(text.split("\n").filter((l) => l.trim()).slice(1).join(" ")).trim().slice(0, 200);
  if (/^Exceptions, continued/.test(body)) return "summary";
  if (/^Charts/.test(body)) return "charts";
  if (/^Findings/.test(body)) return "findings";
  if (/^Commentary for KPIs no longer found/.test(body)) return "orphans";
  if (/^(Ref )?Measure /.test(body)) return "register";
  return before;
}

const CASES: [string, string, string | undefined][] = [
  // A district council's quarter sheets, Q2 2014-15: 44 KPIs, 11 Red or Amber, long measures and commentary.
  ["Hart's quarter sheets (11 exceptions)", join(CORPUS, "hart-dc-kpis-2014-15-quarter-sheets.xlsx"), undefined],
  // A SEND milestone plan with its counts by group (seven groups).
  ["a SEND milestone plan (seed 002)", join(FIXTURES, "seed002-sefton.xlsx"), "2020-12-08"],
  // The sample, with its own settings.
  ["the sample", SAMPLE, undefined],
  // A district council's KPI tiles, Q1 2014-15: 14 Red or Amber, measures and commentary of 2-3 lines. Page 1 sized
  // for LibreOffice's lines (what `pack` prints) holds them all, cut to 2 lines; sized for Excel's, 5 fitted.
  ["Hart's KPI tiles (14 exceptions, measures of 2-3 lines)", join(CORPUS, "hart-dc-kpi-tiles-q1-2014-15.xlsx"), "2014-06-30"],
];

/** The pack printed, each page's text and ink. */
async function printed(file: string, asOf: string | undefined): Promise<{ texts: string[]; images: RgbImage[] }> {
  const dir = scratchDir("page-one");
  const pdf = join(dir, `${basename(file, ".xlsx")}.pdf`);
  expect(await runPack(file, { output: pdf, overrides: asOf ? { asOf } : {} }, () => undefined)).toBe(0);
  const images = await pdfToRgbPages(pdf, dir, { dpi: 30 });
  return { images, texts: images.map((_, i) => pageText(pdf, i + 1)) };
}

/** Where an exception is named in print: its reference, else its measure's first words. */
const named = (e: ScorecardSpec["exceptions"][number]) => e.ref ?? flat(e.measure).split(" ").slice(0, 3).join(" ");

/** No page more than half blank, except the last of a section (the summary, the charts, the findings, the register). */
function expectNoHalfBlankPage(texts: readonly string[], images: readonly RgbImage[]): void {
  const parts: string[] = [];
  texts.forEach((t, i) => parts.push(i === 0 ? "summary" : partOf(t, parts[i - 1])));
  images.forEach((img, i) => {
    const lastOfPart = i === images.length - 1 || parts[i + 1] !== parts[i];
    if (!lastOfPart) expect({ page: i + 1, part: parts[i], halfFull: filled(img) >= 0.5 }).toEqual({ page: i + 1, part: parts[i], halfFull: true });
  });
}

describeRender("page 1 as LibreOffice prints it", () => {
  test.each(CASES)("%s: page 1 holds the tiles, the counts by group, the changes and every exception; no page is more than half blank but a section's last", async (_name, file, asOf) => {
    const spec = await specOf(file, asOf);
    expect(spec.exceptions.length).toBeLessThanOrEqual(15);
    const { texts, images } = await printed(file, asOf);
    const first = flat(texts[0]);

    // The tiles and the counts by group.
    expect(first).toMatch(new RegExp(`${spec.tiles[0].count}\\s+KPIs?`));
    for (const t of spec.tiles) expect(first).toContain(String(t.count));
    if (spec.summary.length >= 2) for (const g of spec.summary) expect(first).toContain(flat(`${g.group} (${g.total})`));
    // The changes.
    expect(first).toMatch(/Changed since/);
    // Every exception, and none continued on a later page.
    expect(first).toContain(`worst first (${spec.exceptions.length})`);
    for (const e of spec.exceptions) expect({ exception: e.key, onPageOne: first.includes(named(e)) }).toEqual({ exception: e.key, onPageOne: true });
    texts.forEach((t, i) => expect({ page: i + 1, continued: /Exceptions, continued/.test(t) }).toEqual({ page: i + 1, continued: false }));
    expectNoHalfBlankPage(texts, images);
  }, 240_000);
});
