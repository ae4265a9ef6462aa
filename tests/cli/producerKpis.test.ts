// KPI tables written by other programs (tests/fixtures/producers: openpyxl, XlsxWriter, SheetJS, LibreOffice; Google
// Sheets and the Open XML SDK imitated) read as a user expects: every KPI found with its figures as shown, rated, and
// a scorecard written whose copy opens and scans again. The pack and LibreOffice opening the copy are in
// tests/render/producerKpis.render.test.ts.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { KPI_PRODUCER_FIXTURES } from "../../scripts/fixtures/producers/catalog";
import { readKpiTablesSpec } from "../../scripts/fixtures/producers/imitations";

const DIR = join(__dirname, "..", "fixtures", "producers");
const SPEC = readKpiTablesSpec();
const AS_OF = "2020-12-08";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

interface Figure {
  value: number | null;
  text: string;
}
interface JsonKpi {
  ref: string | null;
  measure: string;
  latest: Figure | null;
  previous: Figure | null;
  currentTarget?: Figure | null;
  target: Figure | null;
  rag: string;
}

/** What the user sees of each KPI: its words, its last two figures as shown, the target in force and the rating. */
function seen(k: JsonKpi) {
  return { ref: k.ref, measure: k.measure, latest: k.latest?.value, previous: k.previous?.value, target: (k.currentTarget ?? k.target)?.value, rag: k.rag };
}

function expected() {
  return SPEC.sheets.map((sheet) => ({
    sheet: sheet.name,
    kpis: sheet.rows.map((row, i) => ({ ref: row[0], measure: row[1], latest: row[row.length - 1], previous: row[row.length - 2], target: row[row.length - 3], rag: sheet.rag[i].toLowerCase() })),
  }));
}

const FILES = KPI_PRODUCER_FIXTURES.map((f) => [f.file, f.producer]);

describe("KPI tables as other programs write them", () => {
  it.each(FILES)("%s (%s): scan finds every KPI with its figures", async (file) => {
    const { code, out, err } = await run("scan", "--json", join(DIR, file), "--as-of", AS_OF);
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out) as { tables: { sheet: string; kpis: JsonKpi[] }[] };
    expect(result.tables.map((t) => ({ sheet: t.sheet, kpis: t.kpis.map(seen) }))).toEqual(expected());
    const shown = result.tables.flatMap((t) => t.kpis.map((k) => k.latest?.text));
    expect(shown).toEqual(["4.7 weeks", "5.3 weeks", "5.2 weeks", "12.6 weeks", "87.3%", "51.9%"]);
  });

  it.each(FILES)("%s (%s): scorecard writes a copy that opens and scans again", async (file) => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-producer-kpis-"));
    const input = join(dir, file);
    copyFileSync(join(DIR, file), input);
    const { code, out, err } = await run("scorecard", input, "--as-of", AS_OF);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/KPIs: 6 in 2 tables, reporting date 2020-12-08 — 4 green, 1 amber, 1 red/);
    const copy = await openWorkbook(readFileSync(input.replace(/\.xlsx$/, "-scorecard.xlsx")));
    const { snapshot, result } = await copy.run((ctx) => scanWorkbook(ctx, { workbookName: "copy", overrides: { asOf: AS_OF } }));
    expect(snapshot.sheets.map((s) => [s.name, s.ownedByAddin])).toEqual(expect.arrayContaining([["Scorecard", true], ["Therapy waits", false], ["CAMHS", false]]));
    expect(result.tables.flatMap((t) => t.kpis.map((k) => k.ref))).toEqual(["KPI 5/1", "KPI 5/2", "KPI 5/3", "KPI 5/4", "5/5", "5/6"]);
  });

  it("holds every file under tests/fixtures/producers that the catalog names, and says which are imitations", () => {
    for (const f of KPI_PRODUCER_FIXTURES) {
      expect(readFileSync(join(DIR, f.file)).length).toBeGreaterThan(1000);
      expect(/IMITATION/.test(f.producer)).toBe(!f.real);
    }
  });
});
