/** @jest-environment jsdom */
// The pane with hand-made scan results: long lists, RAG counts, "Why this rating?", findings that go to their cell.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { findDialog, makeKpi, makeScan, polyfillBrowser, renderPane } from "./paneHarness";
import type { ScanResult } from "../../src/core/types";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { Runner } from "../../src/taskpane/runner";

polyfillBrowser();

let nextScan: ScanResult = makeScan([]);
jest.mock("../../src/excel/scanWorkbook", () => ({
  scanWorkbook: jest.fn(async () => ({
    result: nextScan,
    settings: { ...DEFAULT_SETTINGS, polarityOverrides: {}, excludedTables: [] },
    snapshot: { sheets: [{ blocks: [{ values: [["x"]] }] }], settings: {} },
  })),
}));

/** A runner whose context records the cells selected, as Excel would activate and select them. */
function recordingRunner(selected: string[]): Runner {
  const ctx = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (sheet: string) => ({
          load: () => undefined,
          isNullObject: false,
          visibility: "Visible",
          activate: () => undefined,
          getRange: (address: string) => ({ select: () => selected.push(`${sheet}!${address}`) }),
        }),
      },
    },
    sync: async () => undefined,
  };
  return (batch) => batch(ctx as unknown as Excel.RequestContext);
}

async function scan() {
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
}

describe("KPIs tab", () => {
  it("renders 500 KPIs a hundred at a time, with counts by RAG in words", async () => {
    nextScan = makeScan(Array.from({ length: 500 }, (_, i) => makeKpi(i)));
    renderPane(recordingRunner([]));
    await scan();
    expect(screen.getByTestId("summary")).toHaveTextContent("500 KPIs in 1 table");
    expect(screen.getByTestId("count-green")).toHaveTextContent("125 Green");
    expect(screen.getByTestId("count-red")).toHaveTextContent("125 Red");
    expect(screen.getAllByTestId("kpi")).toHaveLength(100);
    await userEvent.click(screen.getByRole("button", { name: "Show more (400 more)" }));
    expect(screen.getAllByTestId("kpi")).toHaveLength(200);
  });

  it("shows each KPI's RAG word, direction of travel and latest against target", async () => {
    nextScan = makeScan([makeKpi(2, { dot: { direction: "down", judgement: "worsening" } })]);
    renderPane(recordingRunner([]));
    await scan();
    const card = screen.getByTestId("kpi");
    expect(card).toHaveTextContent("Measure number 2");
    expect(card).toHaveTextContent("Red");
    expect(card).toHaveTextContent("↓ down, worsening");
    expect(card).toHaveTextContent("Latest 55% (Jan 2024) against 60%");
  });

  it("explains a rating: the rule, milestone in force, amber band and polarity with its source", async () => {
    nextScan = makeScan([makeKpi(1, { ragExplanation: "Amber: 55% misses the 60% target by less than 10%." })]);
    renderPane(recordingRunner([]));
    await scan();
    await userEvent.click(screen.getByRole("button", { name: "Why this rating? K1 Measure number 1" }));
    const dialog = await findDialog();
    expect(within(dialog).getByTestId("rag-explanation")).toHaveTextContent("Amber: 55% misses the 60% target by less than 10%.");
    expect(dialog).toHaveTextContent("Milestone in forceBy 12 months");
    expect(dialog).toHaveTextContent("within 10% of the target (relative)");
    expect(dialog).toHaveTextContent("Higher is better: from the wording of the measure");
    expect(dialog).toHaveTextContent("55% (Jan 2024), cell F3");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
  });

  it("says a KPI with one target and no staged milestones is rated against that target", async () => {
    nextScan = makeScan([makeKpi(1, { currentMilestone: null, milestones: [] })]);
    renderPane(recordingRunner([]));
    await scan();
    await userEvent.click(screen.getByRole("button", { name: "Why this rating? K1 Measure number 1" }));
    expect(await findDialog()).toHaveTextContent("Milestone in forceno staged milestones: rated against the KPI's target");
  });
});

describe("out-of-date figures", () => {
  it("are counted apart beside the RAG counts, and the card and Why this rating? say the period the status holds for", async () => {
    const old = { value: 7, text: "7", cell: "G23", unit: "count" as const, period: "October 2020", periodStart: "2020-10-01", periodEnd: "2020-10-31", missing: null, relative: null };
    nextScan = makeScan([makeKpi(0, { stale: true, latest: old, rag: "green" }), makeKpi(1)]);
    renderPane(recordingRunner([]));
    await scan();
    expect(screen.getByTestId("count-stale")).toHaveTextContent("1 out of date");
    const [card, fresh] = screen.getAllByTestId("kpi");
    expect(card).toHaveTextContent("Green at October 2020 — out of date");
    expect(fresh).not.toHaveTextContent("out of date");
    await userEvent.click(screen.getByRole("button", { name: "Why this rating? K0 Measure number 0" }));
    const dialog = await findDialog();
    expect(dialog).toHaveTextContent("Out of dateyes: the latest figure (October 2020) is too old at the reporting date");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
  });

  it("no chip when nothing is out of date", async () => {
    nextScan = makeScan([makeKpi(0)]);
    renderPane(recordingRunner([]));
    await scan();
    expect(screen.queryByTestId("count-stale")).toBeNull();
  });
});

describe("Findings tab", () => {
  it("groups findings by severity with counts, and a finding selects its cell", async () => {
    nextScan = makeScan(
      [
        makeKpi(0, {
          findings: [
            { code: "missing-target", severity: "error", message: "K0: the target is missing.", sheet: "KPIs", cell: "E2" },
            { code: "stale-data", severity: "warning", message: "K0: the latest figure is old.", sheet: "KPIs", cell: "F2" },
          ],
        }),
      ],
      { findings: [{ code: "polarity-assumed", severity: "info", message: "Polarity assumed for 1 KPI.", sheet: "KPIs" }] },
    );
    const selected: string[] = [];
    renderPane(recordingRunner(selected));
    await scan();
    await userEvent.click(screen.getByRole("tab", { name: "Findings 3" }));
    expect(screen.getByRole("button", { name: "Errors (1)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Warnings (1)" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Notes (1)" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /the target is missing/ }));
    await waitFor(() => expect(selected).toEqual(["KPIs!E2"]));
  });
});

describe("Tables tab", () => {
  it("lists each table with its layout, confidence and KPI count", async () => {
    nextScan = makeScan([makeKpi(0), makeKpi(1)]);
    renderPane(recordingRunner([]));
    await scan();
    await userEvent.click(screen.getByRole("tab", { name: "Tables" }));
    const t = screen.getByTestId("table");
    expect(t).toHaveTextContent("KPIs!A1:H3");
    expect(t).toHaveTextContent("Previous and latest columns · 90% confidence · 2 KPIs");
    expect(within(t).getByRole("switch", { name: "Include KPIs!A1:H3" })).toBeChecked();
  });
});

describe("finding a KPI", () => {
  it("narrows the list by text and by status", async () => {
    nextScan = makeScan(Array.from({ length: 12 }, (_, i) => makeKpi(i)));
    renderPane(recordingRunner([]));
    await scan();
    await userEvent.type(screen.getByRole("textbox", { name: "Find a KPI" }), "number 1");
    // "Measure number 1", "... 10", "... 11"
    expect(screen.getAllByTestId("kpi")).toHaveLength(3);
    expect(screen.getByText("3 of 12 KPIs shown")).toBeInTheDocument();
    await userEvent.clear(screen.getByRole("textbox", { name: "Find a KPI" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Red");
    const cards = screen.getAllByTestId("kpi");
    expect(cards).toHaveLength(3);
    for (const c of cards) expect(c).toHaveTextContent("Red");
  });
});
