// KPI tables written by other programs (tests/fixtures/producers, see scripts/fixtures/producers/catalog.ts): `pack`
// prints each, and LibreOffice opens each scorecard copy and prints it whole — the scorecard with its ratings and the
// producer's own sheets after it (npm run test:render).
import { execFile } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { KPI_PRODUCER_FIXTURES } from "../../scripts/fixtures/producers/catalog";
import { describeRender, renderXlsxToPdf, scratchDir } from "../helpers/render";

const DIR = join(__dirname, "..", "fixtures", "producers");
const pdfText = async (pdf: string): Promise<string> => (await promisify(execFile)("pdftotext", [pdf, "-"])).stdout;

async function run(...args: string[]): Promise<void> {
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], () => undefined, (s) => (err += s));
  expect(err).toBe("");
  expect(code).toBe(0);
}

describeRender("KPI tables as other programs write them, printed", () => {
  test.each(KPI_PRODUCER_FIXTURES.map((f) => [f.file]))("%s: pack prints, and LibreOffice opens the scorecard copy", async (file) => {
    const dir = scratchDir(`producer-kpis-${file.replace(/\.xlsx$/, "")}`);
    const input = join(dir, file);
    copyFileSync(join(DIR, file), input);
    await run("pack", input, "-o", join(dir, "pack.pdf"), "--as-of", "2020-12-08");
    const pack = await pdfText(join(dir, "pack.pdf"));
    expect(pack).toMatch(/% overall pathway wait within 18 weeks/); // the Red exception, on page 1
    expect(pack).toMatch(/Average waiting time for paediatric dietetics/);

    const copy = join(dir, "copy.xlsx");
    await run("scorecard", input, "-o", copy, "--as-of", "2020-12-08");
    const printed = await pdfText(await renderXlsxToPdf(copy, join(dir, "copy")));
    expect(printed).toMatch(/Red/);
    expect(printed).toMatch(/Therapy services for children and young people/); // the producer's own sheet, after the scorecard
    expect(printed).toMatch(/CAMHS – targets and performance/);
  }, 240_000);
});
