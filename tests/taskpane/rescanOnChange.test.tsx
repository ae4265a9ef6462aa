/** @jest-environment jsdom */
// Changes in the workbook re-scan after a pause, but not while the user is typing in the pane, and not
// for changes on the add-in's own scorecard sheet, which is known by its tag even after a rename.
// The sample workbook on the headless host, with change events raised by the test (./changeEvents).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen } from "@testing-library/react";
import { polyfillBrowser, renderPane } from "./paneHarness";
import { withChangeEvents, sheetIds } from "./changeEvents";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { RESCAN_DELAY_MS } from "../../src/taskpane/useWatchChanges";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

jest.mock("../../src/excel/scanWorkbook", () => {
  const actual = jest.requireActual("../../src/excel/scanWorkbook");
  return { ...actual, scanWorkbook: jest.fn(actual.scanWorkbook) };
});
jest.mock("../../src/excel/requirements", () => ({ ...jest.requireActual("../../src/excel/requirements"), isSetSupported: () => true }));

const scans = scanWorkbook as jest.Mock;
const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");

async function sample() {
  const wb = await host.openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  return { wb, ...withChangeEvents(wb) };
}

/** Lets the pane's promises (the tag lookup, a scan on the headless host) run to the end. */
async function settle() {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => jest.requireActual<typeof import("timers")>("timers").setImmediate(r));
    });
  }
}

async function scanned(runner: Parameters<typeof renderPane>[0]) {
  renderPane(runner, { watch: true });
  fireEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await settle();
}

beforeEach(() => scans.mockClear());
afterEach(() => jest.useRealTimers());

it("re-scans once, 1.5 s after the last of several changes", async () => {
  const { wb, runner, change } = await sample();
  const ids = await sheetIds(wb);
  const data = Object.values(ids)[0];
  await scanned(runner);
  expect(scans).toHaveBeenCalledTimes(1);
  jest.useFakeTimers({ doNotFake: ["setImmediate"] });
  await act(() => change(data));
  act(() => jest.advanceTimersByTime(1000));
  await act(() => change(data));
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS - 1));
  await settle();
  expect(scans).toHaveBeenCalledTimes(1);
  act(() => jest.advanceTimersByTime(1));
  await settle();
  expect(scans).toHaveBeenCalledTimes(2);
});

it("waits while an input in the pane has focus", async () => {
  const { wb, runner, change } = await sample();
  const data = Object.values(await sheetIds(wb))[0];
  await scanned(runner);
  const input = screen.getByRole("textbox", { name: /Find a KPI/ });
  act(() => input.focus());
  jest.useFakeTimers({ doNotFake: ["setImmediate"] });
  await act(() => change(data));
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS * 3));
  await settle();
  expect(scans).toHaveBeenCalledTimes(1);
  act(() => input.blur());
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await settle();
  expect(scans).toHaveBeenCalledTimes(2);
});

it("ignores changes to its own scorecard sheet by its tag: inserted after the watch began, then renamed", async () => {
  const { wb, runner, change } = await sample();
  await scanned(runner);
  fireEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
  await screen.findByTestId("insert-result", {}, { timeout: 30_000 });
  await settle();
  // Someone renames the scorecard: the watcher must still know it as the add-in's own.
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Scorecard").name = "Board pack March";
    await ctx.sync();
  });
  const ids = await sheetIds(wb);
  expect(Object.keys(ids)).not.toContain("Scorecard");
  const scansBefore = scans.mock.calls.length;
  jest.useFakeTimers({ doNotFake: ["setImmediate"] });
  await act(() => change(ids["Board pack March"]));
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await settle();
  expect(scans).toHaveBeenCalledTimes(scansBefore);
  // Nor does one to the register's own sheet.
  await act(() => change(ids["Scorecard register"]));
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await settle();
  expect(scans).toHaveBeenCalledTimes(scansBefore);
  // A change to one of the user's sheets still re-scans.
  const userSheet = Object.keys(ids).find((n) => !["Board pack March", "Scorecard register", "KPI Scorecard data"].includes(n))!;
  await act(() => change(ids[userSheet]));
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await settle();
  expect(scans).toHaveBeenCalledTimes(scansBefore + 1);
});
