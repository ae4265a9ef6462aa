// The scan as a person reads it in a terminal: one line per KPI, then the findings.
import type { Figure, Kpi, ScanResult } from "../core/types";

const ARROW = { up: "↑", down: "↓", flat: "→" } as const;

function fig(f: Figure | null): string {
  if (!f) return "";
  return f.text.length > 18 ? `${f.text.slice(0, 17)}…` : f.text;
}

function dot(k: Kpi): string {
  if (!k.dot.direction) return "";
  return `${ARROW[k.dot.direction]} ${k.dot.judgement ?? ""}`.trim();
}

function pad(s: string, n: number): string {
  const t = s.length > n ? `${s.slice(0, n - 1)}…` : s;
  return t + " ".repeat(Math.max(0, n - t.length));
}

/** Where the reporting date came from, when the user did not give it. */
function asOfNote(result: ScanResult): string {
  switch (result.asOfSource) {
    case "setting":
      return " (the workbook's setting)";
    case "latest-period":
      return " (not set in the workbook: the end of the latest period with figures; use --as-of for another)";
    case "today":
      return " (not set in the workbook: today's date; use --as-of for another)";
    default:
      return "";
  }
}

export function formatScanText(result: ScanResult): string {
  const lines: string[] = [];
  const kpis = result.tables.flatMap((t) => t.kpis);
  const findings = [...result.findings, ...kpis.flatMap((k) => k.findings)];
  lines.push(
    `${result.workbook}: ${result.tables.length} KPI table${result.tables.length === 1 ? "" : "s"}, ${kpis.length} KPI${kpis.length === 1 ? "" : "s"}, reporting date ${result.asOf}${asOfNote(result)}`,
  );
  if (!result.tables.length)
    lines.push("No KPI tables were found. A KPI table has a heading row naming the measure (or a reference) and at least one column of figures: Target, Latest, Baseline, or periods.");
  const counts: Record<string, number> = {};
  for (const k of kpis) counts[k.rag ?? "grey"] = (counts[k.rag ?? "grey"] ?? 0) + 1;
  if (kpis.length) lines.push(`RAG: ${["blue", "green", "amber", "red", "grey"].filter((r) => counts[r]).map((r) => `${counts[r]} ${r}`).join(", ")}`);
  for (const t of result.tables) {
    lines.push("", `${t.sheet}!${t.range} — ${t.layout}, confidence ${t.confidence}, ${t.kpis.length} KPI${t.kpis.length === 1 ? "" : "s"}`);
    lines.push(`  ${pad("Ref", 14)} ${pad("Measure", 44)} ${pad("Latest", 18)} ${pad("Target", 18)} ${pad("DoT", 14)} ${pad("RAG", 6)} Findings`);
    for (const k of t.kpis) {
      lines.push(
        `  ${pad(k.ref ?? "", 14)} ${pad(k.measure, 44)} ${pad(fig(k.latest), 18)} ${pad(fig(k.currentTarget ?? k.target), 18)} ${pad(dot(k), 14)} ${pad(k.rag ?? "", 6)} ${k.findings.length || ""}`,
      );
    }
  }
  if (findings.length) {
    const by = (s: string) => findings.filter((f) => f.severity === s);
    lines.push("", `Findings: ${by("error").length} error, ${by("warning").length} warning, ${by("info").length} info`);
    for (const sev of ["error", "warning", "info"]) {
      for (const f of by(sev)) lines.push(`  ${pad(sev, 7)} ${pad(f.code, 28)} ${f.sheet ? `${f.sheet}!${f.cell ?? ""}` : ""}  ${f.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
