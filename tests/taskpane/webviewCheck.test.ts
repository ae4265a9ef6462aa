/** @jest-environment jsdom */
// webview-check.js runs before office.js and the bundle: in a web view too old for the pane (Safari before
// 14.1 on an older Mac, Internet Explorer or Edge Legacy in an old Office) it says so instead of a blank
// pane, and if the bundle never starts (it could not be parsed or fetched) it says that.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getByRole, queryByRole } from "@testing-library/dom";

const ROOT = join(__dirname, "..", "..");
const SCRIPT = readFileSync(join(ROOT, "src", "taskpane", "webview-check.js"), "utf8");
const TARGETS = JSON.parse(readFileSync(join(ROOT, "src", "taskpane", "webviewTargets.json"), "utf8")) as { WEBVIEW_TARGETS: string[]; MINIMUM_WORDS: string };

type Flags = { kpiScorecardStarted?: boolean; kpiScorecardUnsupported?: string[]; WeakRef?: unknown; ResizeObserver?: unknown };
const w = window as unknown as Flags;
const realWeakRef = w.WeakRef;

/** Runs the script as the page would: a <script> element in the document. */
function runCheck(): void {
  const el = document.createElement("script");
  el.textContent = SCRIPT;
  document.head.appendChild(el);
}

beforeEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = '<div id="container"></div>';
  w.ResizeObserver = class {};
  w.WeakRef = realWeakRef;
  delete w.kpiScorecardStarted;
  delete w.kpiScorecardUnsupported;
});

it("says in words that this web view is too old, naming what to update", () => {
  delete w.WeakRef; // Safari before 14.1
  runCheck();
  const alert = getByRole(document.body, "alert");
  expect(alert.textContent).toContain("KPI Scorecard cannot run in this version of Office");
  expect(alert.textContent).toContain(`${TARGETS.MINIMUM_WORDS} or later`);
  expect(alert.textContent).toContain("Your workbook was not changed");
  // The bundle, if it parses at all, sees the flag and leaves the message alone.
  expect(w.kpiScorecardUnsupported).toEqual(["WeakRef"]);
});

it("stays silent in a web view that has what the pane needs, once the bundle has started", () => {
  runCheck();
  w.kpiScorecardStarted = true;
  window.dispatchEvent(new Event("load"));
  expect(queryByRole(document.body, "alert")).toBeNull();
  expect(w.kpiScorecardUnsupported).toBeUndefined();
});

it("says the pane could not start when the page loaded but the bundle never ran", () => {
  runCheck();
  window.dispatchEvent(new Event("load"));
  expect(getByRole(document.body, "alert").textContent).toContain("KPI Scorecard could not start");
});

it("names the same oldest Safari that the build targets", () => {
  expect(SCRIPT).toContain(`var MINIMUM = "${TARGETS.MINIMUM_WORDS}";`);
  const version = TARGETS.MINIMUM_WORDS.replace(/^Safari /, "");
  expect(TARGETS.WEBVIEW_TARGETS).toContain(`safari${version}`);
});
