// What the pane was opened to do. The ribbon's "Use selection as KPI table" opens the same task pane as "KPI
// Scorecard" (same TaskpaneId in manifest.xml) at taskpane.html?start=use-selection; the pane scans, then
// reads the selection and asks for its heading rows. Office may add its own parameters (_host_Info).
import type { StartIntent } from "./Pane";

export function startIntent(search: string): StartIntent | undefined {
  return new URLSearchParams(search).get("start") === "use-selection" ? "use-selection" : undefined;
}
