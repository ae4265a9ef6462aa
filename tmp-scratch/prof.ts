import { buildSheet } from "../scripts/bench";
import { scanSnapshot } from "../src/core/scan";
import { resolveSettings } from "../src/core/settings";
const snapshot = { sheets: Array.from({ length: 4 }, (_, i) => buildSheet(i)), settings: {} };
const settings = resolveSettings({}, { asOf: "2024-02-29" });
const t0 = Date.now();
const r = scanSnapshot(snapshot, { workbookName: "b", settings, today: "2024-02-29" });
console.log("ms", Date.now() - t0, "kpis", r.tables.reduce((n, t) => n + t.kpis.length, 0), "tables", r.tables.length);
