/** @jest-environment jsdom */
// "Go to" a cell on a hidden sheet: Excel cannot show it, so the pane says why and what to do,
// instead of a generic error. A real workbook on the headless host (strict as Excel: a hidden sheet
// cannot be activated).
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { polyfillBrowser, renderPane } from "./paneHarness";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selectCell, NavigateError } = require("../../src/excel/navigate") as typeof import("../../src/excel/navigate");

/** A visible cover sheet and a KPI table on a sheet hidden as `visibility`. */
async function workbookWithHiddenTable(visibility: "Hidden" | "VeryHidden") {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["Cover"]];
    const ws = ctx.workbook.worksheets.add("Targets");
    ws.getRange("A1:D3").values = [
      ["Measure", "Target", "Previous", "Latest"],
      ["% of plans issued within 20 weeks", 0.6, 0.4, 0.5],
      ["Number of overdue reviews", 10, 30, 25],
    ];
    ws.visibility = visibility;
    await ctx.sync();
  });
  return wb;
}

it("a finding on a hidden sheet: the pane explains that the sheet is hidden and how to unhide it", async () => {
  const wb = await workbookWithHiddenTable("Hidden");
  renderPane((batch) => wb.run(batch));
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await userEvent.click(screen.getByRole("tab", { name: /^Findings/ }));
  const onHidden = screen.getAllByTestId("finding").find((f) => f.textContent?.includes("Targets!"));
  expect(onHidden).toBeDefined();
  // Every severity group is open only when asked: open the one holding the finding if it is closed.
  await userEvent.click(within(onHidden!).getByRole("button"));
  const alert = await screen.findByTestId("error");
  expect(alert).toHaveTextContent("Cannot go to that cell");
  expect(alert).toHaveTextContent("'Targets' is a hidden sheet, so Excel cannot show");
  expect(alert).toHaveTextContent("right-click any sheet tab, choose Unhide, pick 'Targets'");
  expect(alert).not.toHaveTextContent("Something went wrong");
});

it("says a very hidden sheet cannot be unhidden from Excel's Unhide list, and changes nothing", async () => {
  const wb = await workbookWithHiddenTable("VeryHidden");
  const err = await wb.run((ctx) => selectCell(ctx, "Targets", "$B$2")).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(NavigateError);
  expect((err as Error).message).toContain("'Targets' is a very hidden sheet, so Excel cannot show B2 there");
  const state = await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Targets");
    ws.load("visibility");
    const active = ctx.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await ctx.sync();
    return { visibility: ws.visibility, active: active.name };
  });
  expect(state).toEqual({ visibility: "VeryHidden", active: "Sheet1" });
});
