// Every corpus workbook's scorecard prints as it stands, checked on the saved workbook (no LibreOffice
// needed, but slow: npm run test:render). The fast suite checks the sample and three of them.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, checkPrintable, scorecardOf } from "../helpers/printCheck";

const files = readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx")).sort();

describe.each(files)("%s", (file) => {
  test("prints as it stands", async () => {
    const printed = await scorecardOf(join(CORPUS, file));
    const report = await checkPrintable(printed);
    expect(report.problems).toEqual([]);
    expect(report.registerPrintedFont).toBeGreaterThanOrEqual(9.5);
  }, 60_000);
});
