/** @jest-environment jsdom */
// The pane's states on a real (headless) workbook: empty, no KPI tables, and errors from Excel.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { polyfillBrowser, renderPane } from "./paneHarness";

polyfillBrowser();

// Imported after the polyfills: ExcelJS and JSZip look for TextEncoder when they load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

/** The parts of a saved .xlsx package as text, by name, leaving out the core properties that carry the save time. */
async function packageParts(bytes: Uint8Array): Promise<Record<string, string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!zip.files[name].dir && name !== "docProps/core.xml") parts[name] = await zip.files[name].async("string");
  }
  return parts;
}

/** A headless workbook with a small KPI table on Sheet1. */
async function kpiWorkbook() {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D3").values = [
      ["Measure", "Target", "Previous", "Latest"],
      ["% of plans issued within 20 weeks", 0.6, 0.4, 0.5],
      ["Number of overdue reviews", 10, 30, 25],
    ];
    await ctx.sync();
  });
  return wb;
}

describe("pane states", () => {
  it("says an empty workbook is empty, and offers no tabs", async () => {
    const wb = host.newWorkbook();
    renderPane((batch) => wb.run(batch));
    await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
    expect(await screen.findByTestId("empty")).toHaveTextContent("This workbook is empty");
    expect(screen.queryByTestId("no-tables")).toBeNull();
    expect(screen.getByTestId("summary")).toHaveTextContent("0 KPIs in 0 tables");
    expect(screen.queryByRole("tab")).toBeNull();
  });

  it("says no KPI tables were found in a workbook of other things", async () => {
    const wb = host.newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B3").values = [
        ["Shopping", "Qty"],
        ["Apples", 3],
        ["Pears", 4],
      ];
      await ctx.sync();
    });
    renderPane((batch) => wb.run(batch));
    await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
    expect(await screen.findByTestId("no-tables")).toHaveTextContent("No KPI tables found");
    expect(screen.queryByTestId("empty")).toBeNull();
  });

  it("shows an Excel error in plain words with what to do, and can be dismissed", async () => {
    const runner = () => Promise.reject(Object.assign(new Error("The cell is being edited"), { code: "InvalidOperationInCellEditMode" }));
    renderPane(runner);
    await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel is busy: a cell is being edited.");
    expect(alert).toHaveTextContent("Press Enter or Esc");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    // The Scan button is usable again after a failure.
    expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled();
  });

  it("explains a protected scorecard sheet when inserting fails, and changes nothing", async () => {
    const wb = await kpiWorkbook();
    // A scorecard inserted earlier, then protected by someone.
    await wb.run(async (ctx) => {
      const { insertScorecard } = await import("../../src/excel/insertScorecard");
      await insertScorecard(ctx, { workbookName: "t.xlsx" });
      ctx.workbook.worksheets.getItem("Scorecard").protection.protect();
      await ctx.sync();
    });
    const before = await wb.save();
    renderPane((batch) => wb.run(batch));
    await userEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Unprotect it (Review > Unprotect Sheet)");
    expect(screen.queryByTestId("insert-result")).toBeNull();
    const names = await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((x) => x.name);
    });
    expect(names).toEqual(["Scorecard", "Scorecard register", "Sheet1", "KPI Scorecard data"]);
    // Every part of the saved package reads as before (only the save time in docProps/core.xml may move).
    expect(await packageParts(await wb.save())).toEqual(await packageParts(before));
  });

  it("inserts a scorecard on a real workbook and links to its sheet", async () => {
    const wb = await kpiWorkbook();
    const navigated: string[] = [];
    renderPane((batch) => wb.run(batch), { onNavigated: (s, c) => navigated.push(`${s}!${c}`) });
    await userEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
    const result = await screen.findByTestId("insert-result");
    expect(result).toHaveTextContent("Scorecard inserted");
    await userEvent.click(screen.getByRole("button", { name: "Go to Scorecard" }));
    await waitFor(() => expect(navigated).toEqual(["Scorecard!A1"]));
    const active = await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      await ctx.sync();
      return s.name;
    });
    expect(active).toBe("Scorecard");
  });
});

describe("opening in Excel", () => {
  it("scans straight away when asked to (the pane in Excel), without a click", async () => {
    const wb = host.newWorkbook();
    renderPane((batch) => wb.run(batch), { autoScan: true });
    expect(await screen.findByTestId("summary")).toHaveTextContent("0 KPIs");
  });
});
