/** @jest-environment jsdom */
// The board paper's settings in the pane: stored in the workbook, and on page 1 of the next scorecard.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { polyfillBrowser, renderPane } from "./paneHarness";
import { storedSettings } from "../helpers/storedSettings";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

test("organisation, title and meeting are saved, refused when too long, and head the scorecard", async () => {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D2").values = [
      ["Measure", "Target", "Previous", "Latest"],
      ["% of plans issued within 20 weeks", 0.6, 0.4, 0.5],
    ];
    await ctx.sync();
  });
  renderPane((batch) => wb.run(batch));
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await userEvent.click(screen.getByRole("tab", { name: "Settings" }));
  await userEvent.click(await screen.findByRole("button", { name: "The board paper" }));
  const title = screen.getByRole("textbox", { name: /Report title/ });
  await userEvent.clear(title);
  await userEvent.click(title);
  await userEvent.paste("x".repeat(130));
  await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
  expect(await screen.findByText("The report title must be at most 120 characters.")).toBeInTheDocument();

  const paste = async (box: HTMLElement, text: string) => {
    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste(text);
  };
  await paste(title, "SEND performance scorecard");
  await paste(screen.getByRole("textbox", { name: /Organisation/ }), "Sefton Council");
  await paste(screen.getByRole("textbox", { name: /Meeting or board/ }), "SEND Partnership Board");
  await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
  await waitFor(async () => {
    const stored = await storedSettings(wb);
    expect(stored).toMatchObject({ organisation: "Sefton Council", reportTitle: "SEND performance scorecard", meetingName: "SEND Partnership Board" });
  });

  await userEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
  await screen.findByTestId("insert-result");
  const top = await wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Scorecard").getRange("A1:A3");
    r.load("values");
    await ctx.sync();
    return r.values.map((x) => x[0]);
  });
  // No reporting date is set and nothing in the table is dated: today's is used, and page 1 says so; the third line
  // goes on to say what the scorecard was made from ("— 1 KPI in 1 table, generated …").
  expect(top.slice(0, 2)).toEqual(["Sefton Council", "SEND performance scorecard"]);
  expect(top[2]).toMatch(/^SEND Partnership Board · Reporting date: 29 Feb 2024 \(not set in the workbook: today's date used\) — 1 KPI in 1 table, generated /);
});
