// Settings a user set in Excel (stored in the workbook, as Office add-in settings) are honoured by the
// command line; command-line flags win over them.
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { SETTINGS_KEY } from "../../src/core/settings";
import { main } from "../../src/cli/main";
import { FIXTURES } from "../helpers/scan";
import JSZip from "jszip";

async function withStoredSettings(file: string, settings: Record<string, unknown>): Promise<string> {
  const wb = await openWorkbook(readFileSync(join(FIXTURES, file)));
  await wb.run(async (ctx) => {
    ctx.workbook.settings.add(SETTINGS_KEY, settings);
    await ctx.sync();
  });
  const out = join(mkdtempSync(join(tmpdir(), "kpi-settings-")), file);
  writeFileSync(out, await wb.save());
  return out;
}

async function scanJson(...args: string[]) {
  let out = "";
  const code = await main(["node", "kpi-scorecard", "scan", ...args, "--json"], (s) => (out += s), () => undefined);
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("settings stored in the workbook", () => {
  it("are used by the command line: reporting date, plan start, amber band, excluded tables", async () => {
    const file = await withStoredSettings("seed004-lancashire.xlsx", { asOf: "2020-12-08", planStart: "2020-07-01", excludedTables: ["Impact measures!A26:G29"] });
    const doc = await scanJson(file);
    expect(doc.asOf).toBe("2020-12-08");
    expect(doc.settings.planStart).toBe("2020-07-01");
    expect(doc.tables.map((t: { range: string }) => t.range)).not.toContain("A26:G29");
    const sc = doc.tables.find((t: { sheet: string }) => t.sheet === "Score card");
    expect(sc.kpis[0].currentMilestone).toBe("3 months");
  });

  it("command-line flags win over them", async () => {
    const file = await withStoredSettings("seed000-impact-summary.xlsx", { asOf: "2024-02-29", amberBand: 0 });
    const stored = await scanJson(file);
    const annual = stored.tables[0].kpis.find((k: { measure: string }) => k.measure.startsWith("% of CYP with an up-to-date"));
    expect(annual.rag).toBe("red");
    const flagged = await scanJson(file, "--amber-band", "0.1", "--as-of", "2024-03-31");
    expect(flagged.asOf).toBe("2024-03-31");
    expect(flagged.tables[0].kpis.find((k: { measure: string }) => k.measure.startsWith("% of CYP with an up-to-date")).rag).toBe("amber");
  });

  it("settings of the wrong shape are ignored, not fatal", async () => {
    const file = await withStoredSettings("seed000-impact-summary.xlsx", { asOf: "last Tuesday", amberBand: "lots", defaultPolarity: 7 });
    const doc = await scanJson(file, "--as-of", "2024-02-29");
    expect(doc.settings.amberBand).toBe(0.1);
    expect(doc.settings.defaultPolarity).toBe("higher-is-better");
  });
});

describe("settings in a copy the command line writes", () => {
  async function copyWith(input: string, ...flags: string[]): Promise<JSZip> {
    const out = join(mkdtempSync(join(tmpdir(), "kpi-copy-")), "copy.xlsx");
    const code = await main(["node", "kpi-scorecard", "scorecard", input, "-o", out, "--as-of", "2024-02-29", ...flags], () => undefined, () => undefined);
    expect(code).toBe(0);
    return JSZip.loadAsync(readFileSync(out));
  }

  async function webExtensions(zip: JSZip): Promise<string[]> {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/webextensions\/webextension\d*\.xml$/.test(p));
    return Promise.all(parts.map((p) => zip.file(p)!.async("string")));
  }

  it("are stored under manifest.xml's <Id>, as the deployed add-in looks for them", async () => {
    const manifestId = /<Id>([^<]+)<\/Id>/.exec(readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8"))![1];
    const zip = await copyWith(join(FIXTURES, "seed000-impact-summary.xlsx"), "--organisation", "Sefton Council");
    const [part, ...others] = await webExtensions(zip);
    expect(others).toHaveLength(0);
    expect(part).toContain(`<we:reference id="${manifestId}" version="1.0.0.0" store="EXCatalog" storeType="EXCatalog"/>`);
    expect(part).toContain('name="kpiScorecard.setting.organisation" value="&quot;Sefton Council&quot;"');
  });

  it("go into the workbook's own web extension for the add-in when it has one, and one named by an older copy is renamed", async () => {
    for (const [id, store] of [["2FA87B45-96F9-4206-8125-6EECF05B5C68", 'store="developer" storeType="Registry"'], ["kpi-scorecard", 'store="developer" storeType="Registry"']]) {
      const input = await withStoredSettings("seed000-impact-summary.xlsx", { amberBand: 0.05 });
      const withPart = await JSZip.loadAsync(readFileSync(input));
      const path = Object.keys(withPart.files).find((p) => /webextension\d*\.xml$/.test(p))!;
      const xml = await withPart.file(path)!.async("string");
      withPart.file(path, xml.replace(/<we:reference\b[^>]*\/>/, `<we:reference id="{${id}}" version="1.0.0.0" ${store}/>`));
      writeFileSync(input, await withPart.generateAsync({ type: "uint8array" }));
      const zip = await copyWith(input, "--title", "SEND scorecard");
      const parts = await webExtensions(zip);
      expect(parts).toHaveLength(1);
      expect(parts[0]).toContain('name="kpiScorecard.setting.reportTitle"');
      expect(parts[0]).toContain("0.05"); // the older copy's settings are still there
      expect(parts[0].toLowerCase()).toContain(id === "kpi-scorecard" ? 'id="2fa87b45-96f9-4206-8125-6eecf05b5c68"' : `id="{${id.toLowerCase()}}"`);
    }
  });
});
