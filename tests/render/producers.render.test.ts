// Workbooks as other producers write them (tests/fixtures/producers) make a board pack: LibreOffice opens
// each scorecard copy and prints it, with the scorecard's title and every KPI table's measures (npm run test:render).
import { execFile } from "node:child_process";
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { PRODUCERS, PRODUCERS_DIR } from "../../scripts/fixtures/producers";
import { describeRender, scratchDir } from "../helpers/render";

const ROOT = join(__dirname, "..", "..");

describeRender("a board pack from workbooks as other producers write them", () => {
  test.each(PRODUCERS.map(([file]) => [file]))("%s prints as a pack", async (file) => {
    const dir = scratchDir(`producer-pack-${file.replace(/\.xlsx$/, "")}`);
    const input = join(dir, file);
    copyFileSync(join(ROOT, PRODUCERS_DIR, file), input);
    const pdf = join(dir, "pack.pdf");
    let err = "";
    const code = await main(["node", "kpi-scorecard", "pack", input, "-o", pdf, "--as-of", "2024-02-29"], () => undefined, (s) => (err += s));
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    const text = (await promisify(execFile)("pdftotext", [pdf, "-"])).stdout;
    expect(text).toMatch(/Therapy waits/); // a group of the sample (Sefton as at 08.12.20), printed on page 1
  }, 240_000);
});
