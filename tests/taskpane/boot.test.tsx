/** @jest-environment jsdom */
// Starting the pane: Office.onReady decides between the pane in Excel and the browser preview. A slow
// Excel on the web start gets a "Connecting" message and then the pane, never the preview.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, screen } from "@testing-library/react";
import "@testing-library/jest-dom";
import { createRoot, type Root } from "react-dom/client";
import { configure } from "@testing-library/react";
import { polyfillBrowser } from "./paneHarness";
import { boot, type BootDeps } from "../../src/taskpane/boot";
import { SLOW_START_MS } from "../../src/taskpane/components/StartupMessage";
import { openedByOffice, type OfficeLike } from "../../src/taskpane/officeReady";

polyfillBrowser();
configure({ asyncUtilTimeout: 10_000 });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");
const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");

let root: Root;
beforeEach(() => {
  document.body.innerHTML = '<div id="container"></div>';
  root = createRoot(document.getElementById("container")!);
});
afterEach(() => {
  act(() => root.unmount());
  jest.useRealTimers();
});

/** Office whose onReady answers when the test says so. */
function slowOffice() {
  let answer: (info: { host: string | null }) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const office: OfficeLike = { onReady: () => new Promise((resolve, reject) => ((answer = resolve), (fail = reject))) };
  return { office, answer: (h: string | null) => answer({ host: h }), fail: (e: Error) => fail(e) };
}

async function deps(office: OfficeLike | null): Promise<BootDeps & { startPreview: jest.Mock }> {
  const wb = await host.openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  return { office, excelRunner: (batch) => wb.run(batch), startPreview: jest.fn(async () => undefined) };
}

it("waits for a slow Excel (no answer for a minute), says so, then opens the pane in Excel, not the preview", async () => {
  const { office, answer } = slowOffice();
  const d = await deps(office);
  jest.useFakeTimers();
  await act(async () => void boot(root, d));
  expect(screen.getByText("Connecting to Excel…")).toBeInTheDocument();
  expect(screen.queryByTestId("slow-start")).toBeNull();
  await act(async () => void (await jest.advanceTimersByTimeAsync(SLOW_START_MS)));
  expect(screen.getByTestId("slow-start")).toHaveTextContent("Excel has not answered yet");
  await act(async () => void (await jest.advanceTimersByTimeAsync(60_000)));
  expect(d.startPreview).not.toHaveBeenCalled();
  jest.useRealTimers();
  await act(async () => answer("Excel"));
  // The pane in Excel scans at once (autoScan) through the Excel runner.
  expect(await screen.findByTestId("summary")).toHaveTextContent(/\d+ KPIs in \d+ tables/);
  expect(screen.queryByText("Connecting to Excel…")).toBeNull();
  expect(d.startPreview).not.toHaveBeenCalled();
});

it("opens the preview at once when office.js is absent (not loaded at all)", async () => {
  const d = await deps(null);
  await act(async () => boot(root, d));
  expect(d.startPreview).toHaveBeenCalledTimes(1);
  expect(screen.queryByText("Connecting to Excel…")).toBeNull();
});

it("opens the preview when office.js loaded in a plain browser says there is no Office host", async () => {
  const { office, answer } = slowOffice();
  const d = await deps(office);
  let started: Promise<void> = Promise.resolve();
  await act(async () => void (started = boot(root, d)));
  await act(async () => answer(null));
  await act(async () => started);
  expect(d.startPreview).toHaveBeenCalledTimes(1);
});

it("says in words when Office fails to start the add-in, and never falls back to the preview", async () => {
  const { office, fail } = slowOffice();
  const d = await deps(office);
  let started: Promise<void> = Promise.resolve();
  await act(async () => void (started = boot(root, d)));
  await act(async () => fail(new Error("Office.js has not fully loaded")));
  await act(async () => started);
  expect(screen.getByRole("alert")).toHaveTextContent("Office could not start the add-in");
  expect(d.startPreview).not.toHaveBeenCalled();
});

it("inside Office without office.js (blocked by a proxy), says so and never opens the preview's sample", async () => {
  const d = await deps(null);
  await act(async () => boot(root, { ...d, inOffice: true }));
  expect(screen.getByTestId("office-missing")).toHaveTextContent("appsforoffice.microsoft.com");
  expect(d.startPreview).not.toHaveBeenCalled();
});

it("knows Office opened the page by its _host_Info, in the URL or kept by office.js for a reload", () => {
  expect(openedByOffice("?_host_Info=Excel$Win32$16.01$en-GB$$$$0", null)).toBe(true);
  expect(openedByOffice("?start=use-selection&_host_info=Excel$Web$16.00", null)).toBe(true);
  expect(openedByOffice("", { getItem: (k: string) => (k === "hostInfoValue" ? "Excel$Mac$16.01" : null) })).toBe(true);
  expect(openedByOffice("?start=use-selection", { getItem: () => null })).toBe(false);
});

it("fetches the pane while Excel starts, and says in words when that download fails (workbook untouched)", async () => {
  const { office, answer } = slowOffice();
  const d = await deps(office);
  const loadPane = jest.fn(() => Promise.reject(new Error("Loading chunk pane failed.")));
  let started: Promise<void> = Promise.resolve();
  await act(async () => void (started = boot(root, { ...d, loadPane })));
  // Asked for at once, before Office has answered: the pane's script downloads beside Office's own start.
  expect(loadPane).toHaveBeenCalledTimes(1);
  expect(screen.getByText("Connecting to Excel…")).toBeInTheDocument();
  await act(async () => answer("Excel"));
  await act(async () => started);
  expect(screen.getByTestId("pane-failed")).toHaveTextContent("The add-in did not finish loading");
  expect(screen.getByTestId("pane-failed")).toHaveTextContent("Loading chunk pane failed.");
  expect(loadPane).toHaveBeenCalledTimes(1);
  expect(d.startPreview).not.toHaveBeenCalled();
});
