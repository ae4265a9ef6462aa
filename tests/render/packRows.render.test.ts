// Issue 19, the register as `pack` prints it (npm run test:render): each KPI's row is as tall as its text in
// LibreOffice, not a line taller (rows sized for Excel's 15 pt lines print a third taller than Carlito's), and every
// line of it is printed whole (the next row begins below it). Measured on the printout's words (pdftotext -bbox), not on the model.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { printsWithCarlito, runPack } from "../../src/cli/packCommand";
import { describeRender, scratchDir } from "../helpers/render";
import { SAMPLE } from "../helpers/printCheck";

interface Word {
  page: number;
  x: number;
  top: number;
  bottom: number;
  text: string;
}

function wordsOf(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, x: Number(m[1]), top: Number(m[2]), bottom: Number(m[3]), text: m[4] });
  }
  return out;
}

/** The distance between two lines of one wrapped cell: the smallest common step down between words that start at the same x. */
function linePitch(words: readonly Word[]): number {
  const steps = new Map<number, number>();
  const byStart = new Map<string, number[]>();
  for (const w of words) {
    const key = `${w.page}:${w.x.toFixed(1)}`;
    byStart.set(key, [...(byStart.get(key) ?? []), w.top]);
  }
  for (const tops of byStart.values()) {
    const sorted = [...new Set(tops)].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const step = Math.round((sorted[i] - sorted[i - 1]) * 2) / 2;
      if (step > 4) steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  // The smallest step seen often: rows are a line or more apart, so their steps are larger.
  return [...steps].filter(([, n]) => n >= 3).sort((a, b) => a[0] - b[0])[0][0];
}

describeRender("the register as the pack prints it", () => {
  test("the sample's register rows are as tall as their text, each line whole, with no blank line under it", async () => {
    // Rows are sized for LibreOffice's lines where it prints Calibri as Carlito (README: fonts-crosextra-carlito).
    expect(printsWithCarlito()).toBe(true);
    const dir = scratchDir("pack-rows");
    const pdf = join(dir, "sample.pdf");
    expect(await runPack(SAMPLE, { output: pdf, overrides: {} }, () => undefined)).toBe(0);
    const words = wordsOf(pdf);
    // The register's pages: those under its heading row ("Source" is its last heading).
    const pages = [...new Set(words.filter((w) => w.text === "Source").map((w) => w.page))];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const rows: { page: number; row: number; spare: number }[] = [];
    for (const page of pages) {
      const on = words.filter((w) => w.page === page);
      const heading = on.find((w) => w.text === "Source")!;
      // Each KPI row's top: its Source cell (a cell address, top-aligned in the last column).
      const tops = on.filter((w) => w.x >= heading.x - 2 && w.top > heading.bottom && /^[A-Z]{1,3}\d+$/.test(w.text)).map((w) => w.top).sort((a, b) => a - b);
      const pitch = linePitch(on);
      for (let i = 0; i + 1 < tops.length; i++) {
        const inRow = on.filter((w) => w.top >= tops[i] - 1 && w.top < tops[i + 1] - 1);
        const lastLine = Math.max(...inRow.map((w) => w.top));
        // Room under the row's last line before the next row begins, in lines.
        rows.push({ page, row: i + 1, spare: (tops[i + 1] - lastLine - pitch) / pitch });
      }
    }
    expect(rows.length).toBeGreaterThanOrEqual(20);
    // Every last line whole: the next row begins below it.
    expect(rows.filter((r) => r.spare <= -0.15)).toEqual([]);
    // No blank line under the text: a row may keep a line to spare only where a line fits LibreOffice's column by a
    // point or two more than the layout allows for (sized for Excel's lines, every wrapped row had one).
    const blank = rows.filter((r) => r.spare >= 0.5);
    expect(blank.length / rows.length).toBeLessThanOrEqual(0.1);
  }, 240_000);
});
