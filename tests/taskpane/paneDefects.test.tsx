/** @jest-environment jsdom */
// Pane defects seen in the preview (issue 8): Scan is the main action until there is a scan; a KPI with
// no target says "no target", not "against n/a"; "Blue" is offered only with BRAG on, and explained.
import { render, screen, within } from "@testing-library/react";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { polyfillBrowser, renderPane } from "./paneHarness";
import { saveSettings } from "../../src/excel/settingsStore";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

/** KPIs whose targets read "n/a", "-", "tbc" and 60%. */
async function targetsWorkbook() {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D5").values = [
      ["Measure", "Target", "Previous", "Latest"],
      ["% of plans issued within 20 weeks", "n/a", 0.4, 0.5],
      ["% of reviews completed on time", "-", 0.3, 0.35],
      ["% of families satisfied", "tbc", 0.7, 0.72],
      ["% of placements in county", 0.6, 0.5, 0.55],
    ];
    ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D5").numberFormat = Array.from({ length: 4 }, () => ["0%", "0%", "0%"]);
    ctx.workbook.worksheets.getItem("Sheet1").getRange("B3").numberFormat = [["@"]];
    await ctx.sync();
  });
  return wb;
}

async function scan() {
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
}

/**
 * Whether a button is styled as Fluent's primary button: its (atomic, deterministic) classes are those of a
 * reference primary button. The colours themselves are checked in a real browser (tests/e2e).
 */
function isPrimary(b: HTMLElement): boolean {
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Reference</Button>
    </FluentProvider>,
  );
  const reference = container.querySelector("button")!.className;
  unmount();
  return b.className === reference;
}

it("before any scan Scan is the main action; after it, Insert scorecard is", async () => {
  const wb = await targetsWorkbook();
  renderPane((batch) => wb.run(batch));
  const scanButton = screen.getByRole("button", { name: "Scan workbook" });
  const insertButton = screen.getByRole("button", { name: "Insert scorecard" });
  expect([isPrimary(scanButton), isPrimary(insertButton)]).toEqual([true, false]);
  await scan();
  expect([isPrimary(screen.getByRole("button", { name: "Scan workbook" })), isPrimary(screen.getByRole("button", { name: "Insert scorecard" }))]).toEqual([false, true]);
});

it("a KPI whose target cell says n/a, - or tbc reads 'no target', never 'against n/a'", async () => {
  const wb = await targetsWorkbook();
  renderPane((batch) => wb.run(batch));
  await scan();
  const lines = screen.getAllByTestId("kpi").map((card) => card.textContent ?? "");
  const line = (measure: string) => lines.find((l) => l.includes(measure)) ?? "";
  expect(line("plans issued")).toContain("against no target");
  expect(line("reviews completed")).toContain("against no target");
  expect(line("families satisfied")).toContain("against no target yet (to be confirmed)");
  expect(line("placements in county")).toContain("against 60%");
  expect(lines.join(" ")).not.toMatch(/against (n\/a|-|tbc)\b/);
});

it("offers the Blue status only when BRAG is on, and then says what it means", async () => {
  const wb = await targetsWorkbook();
  renderPane((batch) => wb.run(batch));
  await scan();
  const options = () => within(screen.getByRole("combobox", { name: "Status" })).getAllByRole("option").map((o) => o.textContent);
  expect(options()).toEqual(["All", "Red", "Amber", "Green", "Grey"]);

  const brag = await targetsWorkbook();
  await brag.run((ctx) => saveSettings(ctx, { ...DEFAULT_SETTINGS, blueWhenFinalTargetMet: true }));
  renderPane((batch) => brag.run(batch));
  await userEvent.click(screen.getAllByRole("button", { name: "Scan workbook" })[1]);
  await screen.findAllByTestId("summary");
  const second = screen.getAllByRole("combobox", { name: "Status" })[1];
  expect(within(second).getAllByRole("option").map((o) => o.textContent)).toContain("Blue (final target met)");
});
