/** @jest-environment jsdom */
// Corrections in the pane, on real workbooks over the headless host: a selection made a KPI table with its
// heading rows confirmed; a column's role changed by its dropdown and reset; a found table's heading rows
// set and reset; a KPI's own target (85% or 0.85, never a bare 85), "not a KPI", polarity. Each is stored in
// the workbook's settings and the KPIs are rated again at once.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { dialogClosed, findDialog, polyfillBrowser, renderPane } from "./paneHarness";
import type { Settings } from "../../src/core/settings";
import { storedSettings } from "../helpers/storedSettings";
import type { HeadlessWorkbook } from "../../src/host";
import { BOARD_ROWS, headedTable, unrecognisedBoard } from "../helpers/correctionWorkbooks";
import { parseTarget } from "../../src/taskpane/targetInput";
import { guessHeadingRows } from "../../src/taskpane/correctionEdits";
import { startIntent } from "../../src/taskpane/startIntent";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selectCell } = require("../../src/excel/navigate") as typeof import("../../src/excel/navigate");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readWorkbook } = require("../../src/excel/readWorkbook") as typeof import("../../src/excel/readWorkbook");

async function stored(wb: HeadlessWorkbook): Promise<Settings | null> {
  return storedSettings(wb);
}

async function scan() {
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
}

/** The pane is idle again (a correction is stored, then the KPIs are rated again). */
async function idle() {
  // (hidden: a "Why this rating?" dialog may be open over it.)
  await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook", hidden: true })).toBeEnabled(), { timeout: 10_000 });
}

const summary = () => screen.getByTestId("summary").textContent ?? "";
const counts = () => ["red", "amber", "green", "grey"].map((r) => screen.getByTestId(`count-${r}`).textContent).join(", ");

/** The Board workbook made a KPI table from its selection, with no heading row. */
async function declaredBoard() {
  const wb = await host.openWorkbook(await unrecognisedBoard());
  // The user selects the four rows in Excel.
  await wb.run((ctx) => selectCell(ctx, "Board", "B4:E7"));
  renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
  await scan();
  expect(screen.getByTestId("no-tables")).toBeInTheDocument();
  await userEvent.click(within(screen.getByTestId("no-tables")).getByRole("button", { name: "Use selection as KPI table" }));
  const dialog = await findDialog();
  expect(dialog).toHaveTextContent("B4:E7 on Board");
  expect(dialog).toHaveTextContent("Families seen this month · 412 · 400 · 388");
  // Its first row holds figures: no heading row is offered first.
  expect(within(dialog).getByRole("radio", { name: "None: every row is a KPI", hidden: true })).toBeChecked();
  await userEvent.click(within(dialog).getByRole("button", { name: "Use as KPI table", hidden: true }));
  await waitFor(() => expect(summary()).toMatch(/^4 KPIs in 1 table/));
  await idle();
  await dialogClosed();
  return wb;
}

describe("Use selection as KPI table", () => {
  it("makes the selected rows a KPI table with the heading rows confirmed, stored in the workbook", async () => {
    const wb = await declaredBoard();
    expect(screen.getByTestId("notice")).toHaveTextContent("Board!B4:E7 is now read as a KPI table.");
    await userEvent.click(screen.getByRole("tab", { name: /^KPIs/ }));
    expect(screen.getAllByTestId("kpi").map((k) => k.querySelector("span")?.textContent)).toEqual(BOARD_ROWS.map((r) => r[0]));
    await userEvent.click(screen.getByRole("tab", { name: "Tables" }));
    // The Tables tab shows it as set by the user, with each column's reading.
    const table = screen.getByRole("listitem", { name: "Table Board!B4:E7" });
    expect(table).toHaveTextContent("Set by you");
    expect(within(table).getByRole("combobox", { name: "Heading rows of Board!B4:E7" })).toHaveValue("0");
    expect(within(table).getByRole("combobox", { name: /^Role of column B/ })).toHaveValue("measure");
    expect(within(table).getByRole("combobox", { name: /^Role of column D/ })).toHaveValue("latest");
    expect(table).toHaveTextContent("one of several figure columns read left to right as a series (from where it stands) · 40% sure");
    expect((await stored(wb))?.tables).toEqual([
      expect.objectContaining({ sheet: "Board", range: "B4:E7", headerRows: 0, userDefined: true, anchor: [["Families seen this month", "412", "400", "388"]] }),
    ]);
  });

  it("says in words why a selection cannot be a table", async () => {
    const wb = await host.openWorkbook(await unrecognisedBoard());
    await wb.run((ctx) => selectCell(ctx, "Board", "H20"));
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    await userEvent.click(screen.getByRole("tab", { name: "Tables" }));
    await userEvent.click(within(screen.getByRole("tabpanel")).getByRole("button", { name: "Use selection as KPI table" }));
    expect(await screen.findByTestId("error")).toHaveTextContent("Cannot use the selectionNothing is typed in H20 on Board.");
    expect(await stored(wb)).toBeNull();
  });

  it.each([
    ["B2", "B2 on Board is one cell"],
    ["B4:E4", "B4:E4 on Board is one row"],
    ["B4:B7", "B4:B7 on Board is one column"],
    // A whole row of which one cell is filled: the filled part is one cell.
    ["2:2", "B2 on Board (the filled part of 2:2) is one cell"],
  ])("refuses %s in words and stores nothing (a table has rows of KPIs with figures beside their measures)", async (address, words) => {
    const wb = await host.openWorkbook(await unrecognisedBoard());
    await wb.run((ctx) => selectCell(ctx, "Board", address));
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    await userEvent.click(within(screen.getByTestId("no-tables")).getByRole("button", { name: "Use selection as KPI table" }));
    const dialog = await findDialog();
    expect(within(dialog).getByTestId("selection-problem")).toHaveTextContent(words);
    expect(within(dialog).queryByRole("button", { name: "Use as KPI table", hidden: true })).toBeNull();
    expect(within(dialog).queryByRole("radio", { hidden: true })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close", hidden: true }));
    await dialogClosed();
    expect(await stored(wb)).toBeNull();
  });

  it("guesses the heading rows from the first rows: words over figures are headings, figures are not", async () => {
    const board = await readWorkbookOf(await unrecognisedBoard());
    expect(guessHeadingRows(board, "Board", "B4:E7")).toBe(0);
    const headed = await readWorkbookOf(await headedTable());
    expect(guessHeadingRows(headed, "KPIs", "A1:E4")).toBe(1);
    expect(guessHeadingRows(headed, "KPIs", "A2:E4")).toBe(0);
  });

  it("is what the ribbon command opens the pane to do: it scans, then asks about the selection", async () => {
    expect(startIntent("?start=use-selection&_host_Info=Excel$Win32$16.01$en-GB")).toBe("use-selection");
    expect(startIntent("?_host_Info=Excel")).toBeUndefined();
    const wb = await host.openWorkbook(await headedTable());
    await wb.run((ctx) => selectCell(ctx, "KPIs", "A1:E4"));
    renderPane((batch) => wb.run(batch), { today: "2024-03-31", autoScan: true, startWith: "use-selection" });
    const dialog = await findDialog();
    expect(screen.getByTestId("summary")).toHaveTextContent(/^3 KPIs in 1 table/);
    expect(dialog).toHaveTextContent("A1:E4 on KPIs");
    // Words over figures: one heading row is offered first.
    expect(within(dialog).getByRole("radio", { name: "1: the first row names the columns", hidden: true })).toBeChecked();
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(await stored(wb)).toBeNull();
  });
});

async function readWorkbookOf(bytes: Uint8Array) {
  const wb = await host.openWorkbook(bytes);
  return wb.run((ctx) => readWorkbook(ctx));
}

describe("column roles", () => {
  it("a dropdown changes a column's role and the KPIs are rated again; Reset reads it as recognised", async () => {
    const wb = await declaredBoard();
    // All three figure columns read as a series: no target, every KPI grey.
    expect(counts()).toBe("0 Red, 0 Amber, 0 Green, 4 Grey");
    const table = () => screen.getByRole("listitem", { name: "Table Board!B4:E7" });
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column C/ }), "Latest actual");
    await idle();
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column D/ }), "Target");
    await idle();
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column E/ }), "Previous actual");
    await idle();
    // 412 v 400 and 86 v 80 meet their targets; 1290 v 1500 and 37 v 45 miss by more than 10%.
    expect(counts()).toBe("2 Red, 0 Amber, 2 Green, 0 Grey");
    expect(within(table()).getByRole("combobox", { name: /^Role of column D/ })).toHaveValue("target");
    expect(table()).toHaveTextContent("Set by you.");
    expect((await stored(wb))?.tables[0].roles).toEqual([
      { offset: 1, heading: "", role: "latest", period: null },
      { offset: 2, heading: "", role: "target", period: null },
      { offset: 3, heading: "", role: "previous", period: null },
    ]);
    // Reset column D: read from where it stands again, a point of the series, and no KPI has a target.
    await userEvent.click(within(table()).getByRole("button", { name: "Reset column D to as recognised" }));
    await idle();
    expect(counts()).toBe("0 Red, 0 Amber, 0 Green, 4 Grey");
    expect((await stored(wb))?.tables[0].roles?.map((r) => r.role)).toEqual(["latest", "previous"]);
  });

  it("changes made one after another while the first is stored are all stored, in order", async () => {
    const wb = await declaredBoard();
    const table = () => screen.getByRole("listitem", { name: "Table Board!B4:E7" });
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column D/ }), "Target");
    // The dropdowns stay usable while the first change is stored.
    expect(within(table()).getByRole("combobox", { name: /^Role of column E/ })).toBeEnabled();
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column E/ }), "Previous actual");
    await userEvent.selectOptions(within(table()).getByRole("combobox", { name: /^Role of column E/ }), "Baseline");
    await waitFor(async () => expect((await stored(wb))?.tables[0].roles?.map((r) => [r.offset, r.role])).toEqual([[2, "target"], [3, "baseline"]]));
    await idle();
    expect(within(table()).getByRole("combobox", { name: /^Role of column E/ })).toHaveValue("baseline");
  });

  it("a period typed for a column is stored with its role", async () => {
    const wb = await declaredBoard();
    const table = () => screen.getByRole("listitem", { name: "Table Board!B4:E7" });
    const period = within(table()).getByRole("textbox", { name: "Period of column C (optional)" });
    await userEvent.type(period, "Mar 2024{Enter}");
    await idle();
    expect((await stored(wb))?.tables[0].roles).toEqual([{ offset: 1, heading: "", role: "latest", period: "Mar 2024" }]);
    expect(table()).toHaveTextContent("Set by you, period Mar 2024.");
  });
});

describe("heading rows of a found table", () => {
  it("are set from the Tables tab, stored as a correction of the found table, and reset to as recognised", async () => {
    const wb = await host.openWorkbook(await headedTable());
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    expect(summary()).toMatch(/^3 KPIs in 1 table/);
    await userEvent.click(screen.getByRole("tab", { name: "Tables" }));
    const headingRows = screen.getByRole("combobox", { name: "Heading rows of KPIs!A1:E4" });
    expect(headingRows).toHaveValue("1");
    await userEvent.selectOptions(headingRows, "2");
    await idle();
    // The first KPI row is now a heading: two KPIs left.
    expect(summary()).toMatch(/^2 KPIs in 1 table/);
    const table = screen.getByRole("listitem", { name: "Table KPIs!A1:E4" });
    expect(table).toHaveTextContent("Corrected by you");
    expect(within(table).getByRole("combobox", { name: "Heading rows of KPIs!A1:E4" })).toHaveValue("2");
    expect((await stored(wb))?.tables).toEqual([expect.objectContaining({ sheet: "KPIs", range: "A1:E4", headerRows: 2, userDefined: false })]);
    await userEvent.click(within(table).getByRole("button", { name: "Reset table to as recognised" }));
    await idle();
    expect(summary()).toMatch(/^3 KPIs in 1 table/);
    expect(screen.getByRole("combobox", { name: "Heading rows of KPIs!A1:E4" })).toHaveValue("1");
    // Taken back: the key is deleted, so nothing of the add-in's may be left stored at all.
    expect((await stored(wb))?.tables ?? []).toEqual([]);
  });
});

describe("per-KPI corrections", () => {
  async function openWhy(name: string) {
    await dialogClosed();
    await userEvent.click(screen.getByRole("tab", { name: /^KPIs/ }));
    await userEvent.click(screen.getByRole("button", { name: `Why this rating? ${name}` }));
    return findDialog();
  }

  it("a target typed as 85% or 0.85 is stored as 0.85 and rated against; a bare 85 is refused; Reset goes back", async () => {
    const wb = await host.openWorkbook(await headedTable());
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    expect(counts()).toBe("1 Red, 1 Amber, 1 Green, 0 Grey");
    let dialog = await openWhy("K3 % of families satisfied with the service");
    const field = within(dialog).getByRole("textbox", { name: /Target to rate against/, hidden: true });
    expect(dialog).toHaveTextContent("A percentage: type 85% or 0.85 (both mean 85%).");
    await userEvent.type(field, "50");
    await userEvent.click(within(dialog).getByRole("button", { name: "Set target", hidden: true }));
    expect(dialog).toHaveTextContent("For a percentage type 50% or 0.5: a bare 50 would be 5,000%.");
    expect(await stored(wb)).toBeNull();
    await userEvent.clear(field);
    await userEvent.type(field, "50%");
    await userEvent.click(within(dialog).getByRole("button", { name: "Set target", hidden: true }));
    await idle();
    // 50% against a target of 50%: green now, where it was red against 75%.
    expect(counts()).toBe("0 Red, 1 Amber, 2 Green, 0 Grey");
    expect((await stored(wb))?.kpiCorrections).toEqual({ "KPIs!K3": { target: 0.5 } });
    dialog = await findDialog();
    expect(dialog).toHaveTextContent("Set by you: 50%.");
    expect(dialog).toHaveTextContent("Its target50% (set by the user)");
    await userEvent.click(within(dialog).getByRole("button", { name: "Reset target", hidden: true }));
    await idle();
    expect(counts()).toBe("1 Red, 1 Amber, 1 Green, 0 Grey");
    expect((await stored(wb))?.kpiCorrections ?? {}).toEqual({});
  });

  it("'not a KPI' leaves the row out, lists it, and counts it again on request", async () => {
    const wb = await host.openWorkbook(await headedTable());
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    const dialog = await openWhy("K2 % of annual reviews completed on time");
    await userEvent.click(within(dialog).getByRole("button", { name: "This row is not a KPI", hidden: true }));
    await waitFor(() => expect(summary()).toMatch(/^2 KPIs in 1 table/));
    await idle();
    await dialogClosed();
    expect(screen.getByTestId("notice")).toHaveTextContent("K2 % of annual reviews completed on time is left out as not a KPI.");
    expect((await stored(wb))?.kpiCorrections).toEqual({ "KPIs!K2": { notKpi: true } });
    expect(screen.getAllByTestId("kpi").map((k) => k.textContent)).not.toContainEqual(expect.stringContaining("annual reviews"));
    await userEvent.click(screen.getByRole("button", { name: "Count KPIs!K2 as a KPI again" }));
    await waitFor(() => expect(summary()).toMatch(/^3 KPIs in 1 table/));
    await idle();
    expect((await stored(wb))?.kpiCorrections ?? {}).toEqual({});
    expect(screen.queryByTestId("not-kpi")).toBeNull();
  });

  it("polarity set here is the Settings tab's polarity per KPI, and 'as the workbook says' resets it", async () => {
    const wb = await host.openWorkbook(await headedTable());
    renderPane((batch) => wb.run(batch), { today: "2024-03-31" });
    await scan();
    let dialog = await openWhy("K2 % of annual reviews completed on time");
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /Which way is better/, hidden: true }), "Lower is better");
    await idle();
    expect((await stored(wb))?.polarityOverrides).toEqual({ "KPIs!K2": "lower-is-better" });
    // 92% against 90% with lower better: a miss, within 10% of the target (amber), where it was green.
    expect(counts()).toBe("1 Red, 2 Amber, 0 Green, 0 Grey");
    await userEvent.keyboard("{Escape}");
    await dialogClosed();
    await userEvent.click(screen.getByRole("tab", { name: "Settings" }));
    await userEvent.click(await screen.findByRole("button", { name: /Polarity per KPI \(1 set\)/ }));
    expect(screen.getByRole("combobox", { name: "K2 % of annual reviews completed on time" })).toHaveValue("lower-is-better");
    dialog = await openWhy("K2 % of annual reviews completed on time");
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: /Which way is better/, hidden: true }), "As the workbook says");
    await idle();
    expect((await stored(wb))?.polarityOverrides ?? {}).toEqual({});
    expect(counts()).toBe("1 Red, 1 Amber, 1 Green, 0 Grey");
  });
});

describe("a target as typed", () => {
  it.each([
    ["85%", "percent", { value: 0.85 }],
    ["0.85", "percent", { value: 0.85 }],
    ["120%", "percent", { value: 1.2 }],
    ["85", "percent", { error: "For a percentage type 85% or 0.85: a bare 85 would be 8,500%." }],
    ["1,500", "count", { value: 1500 }],
    ["£2,000.50", "currency", { value: 2000.5 }],
    ["18.5", null, { value: 18.5 }],
    ["about 20", "count", { error: '"about 20" is not a number. A number in the KPI\'s own units, such as 400 or 18.5.' }],
    ["", "count", { error: "Type a target, or use Reset to go back to the workbook's own." }],
  ] as const)("%j for a %s KPI", (text, unit, expected) => {
    expect(parseTarget(text, unit)).toEqual(expected);
  });
});
