/** @jest-environment jsdom */
// The automatic re-scan respects the person using the workbook, on the headless host's own change events:
// it follows their edits only (a co-author's are announced), clears none of their undo stack (merged areas
// come from the last scan they asked for), waits while they edit a cell, keeps edits that arrive while the
// pane is busy, and re-scans when a co-author's settings arrive, but not for the pane's own.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { polyfillBrowser, renderPane } from "./paneHarness";
import type { HeadlessWorkbook } from "../../src/host";
import type { Runner } from "../../src/taskpane/runner";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { saveSettings } from "../../src/excel/settingsStore";
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

/** While `held` is set, the pane's batches wait for it: a test can keep the pane busy as long as it needs. */
type Gate = { held: Promise<void> | null };

function runnerOf(wb: HeadlessWorkbook, gate: Gate): Runner {
  return async (batch, options) => {
    if (gate.held) await gate.held;
    return wb.run(options ?? {}, batch);
  };
}

async function opened(options: import("../../src/host").HostOptions = {}, gate: Gate = { held: null }): Promise<{ wb: HeadlessWorkbook; sheet: string }> {
  const wb = await host.openWorkbook(new Uint8Array(readFileSync(SAMPLE)), options);
  renderPane(runnerOf(wb, gate), { watch: true });
  fireEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled());
  const sheet = await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets;
    s.load("items/name");
    await ctx.sync();
    return s.items[0].name;
  });
  return { wb, sheet };
}

async function edit(wb: HeadlessWorkbook, sheet: string, value: string): Promise<void> {
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange("Z40").values = [[value]];
    await ctx.sync();
  });
}

/** Long enough for the debounce and the scan after it. */
const AFTER_DEBOUNCE = { timeout: RESCAN_DELAY_MS + 8_000 };
const pause = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

beforeEach(() => scans.mockClear());

test("the person's own edit re-scans, and the automatic re-scan clears none of their undo stack", async () => {
  const { wb, sheet } = await opened();
  // The scan they asked for read the merged areas (which in Excel on Windows clears the undo stack: office-js 5918).
  expect(wb.stats.undoClears.map((u) => u.api)).toContain("Range.getMergedAreasOrNullObject");
  wb.resetStats();
  await edit(wb, sheet, "typed by the user");
  await waitFor(() => expect(scans).toHaveBeenCalledTimes(2), AFTER_DEBOUNCE);
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled());
  expect(wb.stats.undoClears).toEqual([]);
});

test("in an Excel whose own API changes cannot be undone (before ExcelApi 1.20), the automatic re-scan changes nothing, so clears no undo", async () => {
  const { wb, sheet } = await opened({ unsupportedRequirementSets: ["ExcelApi 1.20"] });
  await edit(wb, sheet, "typed by the user");
  // The edit itself was made through the API here, so it counts; what follows it must not.
  wb.resetStats();
  await waitFor(() => expect(scans).toHaveBeenCalledTimes(2), AFTER_DEBOUNCE);
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled());
  expect(wb.stats.syncs).toBeGreaterThan(0);
  expect(wb.stats.undoClears).toEqual([]);
});

test("a co-author's edit is announced, not re-scanned under the person's hands; Scan picks it up", async () => {
  const { wb, sheet } = await opened();
  await edit(wb.coauthor(), sheet, "typed by a co-author");
  expect(await screen.findByTestId("coauthor-changed")).toHaveTextContent("Updated by a co-author");
  await pause(RESCAN_DELAY_MS + 500);
  expect(scans).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByRole("button", { name: "Scan" }));
  await waitFor(() => expect(scans).toHaveBeenCalledTimes(2));
  await waitFor(() => expect(screen.queryByTestId("coauthor-changed")).toBeNull());
});

test("while the person edits a cell the re-scan waits (delayForCellEdit), then runs", async () => {
  const { wb, sheet } = await opened();
  await edit(wb, sheet, "first");
  wb.setCellEditing(true);
  await pause(RESCAN_DELAY_MS + 1_500);
  // Waiting for the edit to end (a batch without delayForCellEdit would have failed): nothing read, no error.
  expect(scans).toHaveBeenCalledTimes(1);
  expect(screen.queryByTestId("error")).toBeNull();
  act(() => wb.setCellEditing(false));
  await waitFor(() => expect(scans).toHaveBeenCalledTimes(2), AFTER_DEBOUNCE);
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled());
  expect(screen.queryByTestId("error")).toBeNull();
});

test("an edit made while the pane is busy is kept and re-scanned once it is idle", async () => {
  const gate: Gate = { held: null };
  const { wb, sheet } = await opened({}, gate);
  const beforeInsert = scans.mock.calls.length;
  let release = () => {};
  gate.held = new Promise<void>((r) => (release = r));
  fireEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeDisabled());
  await edit(wb, sheet, "typed while the scorecard was written");
  // The pane stays busy past the re-scan's delay, so the edit arrives, and its re-scan falls due, while it works.
  await pause(RESCAN_DELAY_MS + 1_000);
  expect(scans.mock.calls.length).toBe(beforeInsert);
  gate.held = null;
  act(() => release());
  await screen.findByTestId("insert-result", {}, { timeout: 30_000 });
  // The insert reads the workbook once; the kept edit adds one re-scan, and only one.
  await waitFor(() => expect(scans.mock.calls.length).toBe(beforeInsert + 2), AFTER_DEBOUNCE);
  await pause(RESCAN_DELAY_MS + 500);
  expect(scans.mock.calls.length).toBe(beforeInsert + 2);
});

test("a co-author's settings re-scan the pane; the pane's own do not", async () => {
  const { wb } = await opened();
  await act(async () => {
    const settings = (await wb.run((ctx) => scanWorkbook(ctx, { workbookName: "x", today: "2024-02-29" }))).settings;
    scans.mockClear();
    await wb.coauthor().run((ctx) => saveSettings(ctx, { ...settings, amberBand: 0.2 }, settings));
  });
  expect(await screen.findByTestId("notice", {}, AFTER_DEBOUNCE)).toHaveTextContent("A co-author changed the settings");
  expect(scans).toHaveBeenCalledTimes(1);
  await pause(RESCAN_DELAY_MS + 500);
  expect(scans).toHaveBeenCalledTimes(1);
});

test("regenerating the scorecard from the pane, in place, clears none of the person's undo stack", async () => {
  const { wb } = await opened();
  fireEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
  await screen.findByTestId("insert-result", {}, { timeout: 30_000 });
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled());
  wb.resetStats();
  fireEvent.click(screen.getByRole("button", { name: /Insert scorecard|Update scorecard|Regenerate/ }));
  await waitFor(() => expect(wb.stats.syncs).toBeGreaterThan(3), { timeout: 30_000 });
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled(), { timeout: 30_000 });
  expect(wb.stats.undoClears).toEqual([]);
});
