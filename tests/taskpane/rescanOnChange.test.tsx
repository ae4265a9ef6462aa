/** @jest-environment jsdom */
// Changes in the workbook re-scan after a pause, but not while the user is typing in the pane.
import { act, fireEvent, screen } from "@testing-library/react";
import { makeKpi, makeScan, polyfillBrowser, renderPane } from "./paneHarness";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { scanWorkbook } from "../../src/excel/scanWorkbook";
import { RESCAN_DELAY_MS } from "../../src/taskpane/useWatchChanges";

polyfillBrowser();

jest.mock("../../src/excel/scanWorkbook", () => ({
  scanWorkbook: jest.fn(async () => ({
    result: makeScan([makeKpi(0)]),
    settings: { ...DEFAULT_SETTINGS, polarityOverrides: {}, excludedTables: [] },
    snapshot: { sheets: [{ blocks: [{ values: [["x"]] }] }], settings: {} },
  })),
}));
jest.mock("../../src/excel/requirements", () => ({ isSetSupported: () => true }));

const scans = scanWorkbook as jest.Mock;

function watchingRunner(names: Record<string, string> = {}) {
  const fire: { changed?: (a: { worksheetId: string }) => Promise<void> } = {};
  const ctx = {
    workbook: {
      worksheets: {
        onChanged: { add: (h: typeof fire.changed) => ((fire.changed = h), { remove: () => undefined, context: { sync: async () => undefined } }) },
        getItemOrNullObject: (id: string) => ({ load: () => undefined, isNullObject: !(id in names), name: names[id] }),
      },
    },
    sync: async () => undefined,
  } as unknown as Excel.RequestContext;
  return { runner: <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(ctx), fire };
}

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  scans.mockClear();
});
afterEach(() => jest.useRealTimers());

it("re-scans once, 1.5 s after the last of several changes", async () => {
  const { runner, fire } = watchingRunner();
  renderPane(runner, { watch: true });
  fireEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await flush();
  expect(scans).toHaveBeenCalledTimes(1);
  await fire.changed!({ worksheetId: "a" });
  act(() => jest.advanceTimersByTime(1000));
  await fire.changed!({ worksheetId: "a" });
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS - 1));
  expect(scans).toHaveBeenCalledTimes(1);
  act(() => jest.advanceTimersByTime(1));
  await flush();
  expect(scans).toHaveBeenCalledTimes(2);
});

it("waits while an input in the pane has focus", async () => {
  const { runner, fire } = watchingRunner();
  renderPane(runner, { watch: true });
  fireEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
  const input = screen.getByRole("textbox", { name: /Reporting date/ });
  act(() => input.focus());
  await fire.changed!({ worksheetId: "a" });
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS * 3));
  expect(scans).toHaveBeenCalledTimes(1);
  act(() => input.blur());
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await flush();
  expect(scans).toHaveBeenCalledTimes(2);
});

it("ignores changes to its own scorecard sheet, even one inserted after the watch began", async () => {
  const { runner, fire } = watchingRunner({ sc: "Scorecard", data: "KPIs" });
  renderPane(runner, { watch: true });
  fireEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await flush();
  await fire.changed!({ worksheetId: "sc" });
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await flush();
  await flush();
  expect(scans).toHaveBeenCalledTimes(1);
  // A change to a user's sheet still re-scans.
  await fire.changed!({ worksheetId: "data" });
  act(() => jest.advanceTimersByTime(RESCAN_DELAY_MS));
  await flush();
  await flush();
  expect(scans).toHaveBeenCalledTimes(2);
});
