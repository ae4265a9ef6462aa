/** @jest-environment jsdom */
// The Insert result links to the parts of the board paper: the exceptions, the charts, the register and each group.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { polyfillBrowser, renderPane } from "./paneHarness";

polyfillBrowser();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

test("each link selects its part of the scorecard", async () => {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E4").values = [
      ["Section", "Measure", "Target", "Previous", "Latest"],
      ["EHCP", "% of plans issued within 20 weeks", 0.6, 0.4, 0.5],
      ["Reviews", "% of annual reviews on time", 0.9, 0.92, 0.95],
      ["Reviews", "% of reviews with the child's voice", 0.8, 0.6, 0.55],
    ];
    await ctx.sync();
  });
  const navigated: string[] = [];
  renderPane((batch) => wb.run(batch), { onNavigated: (s, c) => navigated.push(`${s}!${c}`) });
  await userEvent.click(screen.getByRole("button", { name: "Insert scorecard" }));
  const sections = await screen.findByTestId("scorecard-sections");
  const labels = within(sections).getAllByRole("button").map((b) => b.textContent);
  expect(labels).toEqual(expect.arrayContaining(["Register"]));
  expect(labels.some((l) => /^Exceptions \(\d+\)$/.test(l ?? ""))).toBe(true);
  await userEvent.click(within(sections).getByRole("button", { name: "Register" }));
  await waitFor(() => expect(navigated).toHaveLength(1));
  const [sheet, cell] = navigated[0].split("!");
  // The register is on its own sheet, its heading row the first (frozen there).
  expect([sheet, cell]).toEqual(["Scorecard register", "A1"]);
  const heading = await wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Scorecard register").getRange(cell).getEntireRow().getUsedRange();
    r.load("values");
    await ctx.sync();
    return r.values[0];
  });
  expect(heading).toEqual(expect.arrayContaining(["Measure", "RAG", "Commentary"]));
});
