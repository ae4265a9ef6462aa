// Scan a real .xlsx fixture the way the add-in does: src/excel on the headless host.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import type { Settings } from "../../src/core/settings";
import type { Finding, Kpi, ScanResult } from "../../src/core/types";

export const FIXTURES = join(__dirname, "..", "fixtures");

export async function scanFixture(file: string, overrides: Partial<Settings> = {}): Promise<ScanResult> {
  const wb = await openWorkbook(await readFile(join(FIXTURES, file)));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: file, overrides, today: "2024-02-29" }));
  return result;
}

export function allKpis(result: ScanResult, sheet?: string): Kpi[] {
  return result.tables.filter((t) => !sheet || t.sheet === sheet).flatMap((t) => t.kpis);
}

/** The KPI whose reference (or, without one, whose measure) starts with the given text. */
export function kpi(result: ScanResult, refOrMeasure: string, sheet?: string): Kpi {
  const ks = allKpis(result, sheet);
  const found = ks.find((k) => k.ref === refOrMeasure) ?? ks.find((k) => k.measure.startsWith(refOrMeasure));
  if (!found) throw new Error(`no KPI "${refOrMeasure}" among: ${ks.map((k) => k.ref ?? k.measure.slice(0, 30)).join(" | ")}`);
  return found;
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code).sort();
}

export function allFindings(result: ScanResult): Finding[] {
  return [...result.findings, ...allKpis(result).flatMap((k) => k.findings)];
}
