/** @jest-environment jsdom */
// Settings: validation in words, and a saved setting that is stored in the workbook and changes the scan.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { findDialog, polyfillBrowser, renderPane } from "./paneHarness";
import { storedSettings } from "../helpers/storedSettings";
import { formFromSettings, settingsFromForm, validateForm, isIsoDate } from "../../src/taskpane/settingsForm";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { isoOfDate, parseTypedDate } from "../../src/taskpane/components/DateField";

polyfillBrowser();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../../src/host") as typeof import("../../src/host");

/** A small KPI table whose milestone in force depends on the reporting date. */
async function stagedWorkbook() {
  const wb = host.newWorkbook();
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:F3").values = [
      ["Ref", "Measure", "Target Mar 2023", "Target Mar 2024", "Previous", "Latest"],
      ["K1", "% of EHC plans issued within 20 weeks", 0.3, 0.6, 0.2, 0.35],
      ["K2", "% of annual reviews completed on time", 0.5, 0.9, 0.4, 0.52],
    ];
    await ctx.sync();
  });
  return wb;
}

async function openSettings() {
  await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
  await screen.findByTestId("summary");
  await userEvent.click(screen.getByRole("tab", { name: "Settings" }));
  // Settings is its own chunk, fetched when first opened.
  await screen.findByRole("button", { name: /Save settings/ });
}

describe("settings form", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("31/03/2024")).toBe(false);
  });

  it("reads dates typed as 2024-03-31 or, day first as in the UK, 31/03/2024; never an impossible one", () => {
    const iso = (t: string) => {
      const d = parseTypedDate(t);
      return d ? isoOfDate(d) : null;
    };
    expect(iso("2024-03-31")).toBe("2024-03-31");
    expect(iso("31/03/2024")).toBe("2024-03-31");
    expect(iso("3/4/2024")).toBe("2024-04-03");
    expect(iso("31.03.2024")).toBe("2024-03-31");
    expect(iso("30/02/2024")).toBeNull();
    expect(iso("2024-02-30")).toBeNull();
    expect(iso("03/31/2024")).toBeNull();
    expect(iso("next Tuesday")).toBeNull();
  });

  it("round-trips the amber band as a percentage", () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(form.amberBand).toBe("10");
    expect(validateForm({ ...form, amberBand: "5" })).toEqual({});
    expect(settingsFromForm({ ...form, amberBand: "5" }, DEFAULT_SETTINGS).amberBand).toBeCloseTo(0.05);
  });
});

describe("Settings tab", () => {
  it("rejects a bad reporting date with a message and writes nothing", async () => {
    const wb = await stagedWorkbook();
    renderPane((batch) => wb.run(batch));
    await openSettings();
    const date = screen.getByRole("combobox", { name: /Reporting date/ });
    await userEvent.clear(date);
    await userEvent.type(date, "31/02/2024");
    const sheetName = screen.getByRole("textbox", { name: /Scorecard sheet name/ });
    await userEvent.clear(sheetName);
    await userEvent.type(sheetName, "Bad:Name");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
    expect(await screen.findByText("The reporting date must be a real date, such as 2024-03-31 or 31/03/2024.")).toBeInTheDocument();
    expect(screen.getByText(/sheet name must be 1 to 31 characters/)).toBeInTheDocument();
    expect(await storedSettings(wb)).toBeNull();
  });

  it("a typed date that is no date is refused at once and keeps the settings from being saved", async () => {
    const wb = await stagedWorkbook();
    renderPane((batch) => wb.run(batch));
    await openSettings();
    const date = screen.getByRole("combobox", { name: /Reporting date/ });
    await userEvent.type(date, "30/02/2024");
    await userEvent.tab();
    expect(await screen.findByText(/Write a real date, such as 2024-03-31 or 31\/03\/2024/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
    expect(await screen.findByText("The reporting date must be a real date, such as 2024-03-31 or 31/03/2024.")).toBeInTheDocument();
    expect(await storedSettings(wb)).toBeNull();
  });

  it("saves a new reporting date into the workbook and re-scans with it", async () => {
    const wb = await stagedWorkbook();
    renderPane((batch) => wb.run(batch));
    await openSettings();
    expect(screen.getByTestId("summary")).toHaveTextContent("reporting date 2024-02-29");
    const greenBefore = screen.getByTestId("count-green").textContent;
    const date = screen.getByRole("combobox", { name: /Reporting date/ });
    await userEvent.clear(date);
    // Typed as people in the UK write dates; the picker reads it.
    await userEvent.type(date, "30/04/2024");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
    await waitFor(() => expect(screen.getByTestId("summary")).toHaveTextContent("reporting date 2024-04-30"));
    // March 2024's higher targets are now in force: fewer KPIs meet them.
    expect(screen.getByTestId("count-green").textContent).not.toBe(greenBefore);
    expect((await storedSettings(wb))?.asOf).toBe("2024-04-30");
  });
});

describe("Tables tab", () => {
  it("leaves a table out of the scan, stored in the workbook, and brings it back", async () => {
    const wb = await stagedWorkbook();
    renderPane((batch) => wb.run(batch));
    await userEvent.click(screen.getByRole("button", { name: "Scan workbook" }));
    await screen.findByTestId("summary");
    const before = screen.getByTestId("summary").textContent ?? "";
    expect(before).toMatch(/^[1-9]\d* KPIs in 1 table/);
    await userEvent.click(screen.getByRole("tab", { name: "Tables" }));
    const toggle = screen.getByRole("switch", { name: /^Include Sheet1!/ });
    const id = (toggle.getAttribute("aria-label") ?? "").replace("Include ", "");
    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByTestId("summary")).toHaveTextContent("0 KPIs in 0 tables"));
    expect(screen.getByTestId("no-tables")).toHaveTextContent("Some tables are left out in the Tables tab.");
    expect((await storedSettings(wb))?.excludedTables).toEqual([id]);
    const back = screen.getByRole("switch", { name: `Include ${id}` });
    expect(back).not.toBeChecked();
    await userEvent.click(back);
    await waitFor(() => expect(screen.getByTestId("summary")).toHaveTextContent(before));
  });
});

describe("polarity per KPI", () => {
  it("stores a KPI's polarity by its key and the re-scan follows it", async () => {
    const wb = await stagedWorkbook();
    renderPane((batch) => wb.run(batch));
    await openSettings();
    await userEvent.click(screen.getByRole("button", { name: /Polarity per KPI \(0 set\)/ }));
    const select = screen.getByRole("combobox", { name: "K1 % of EHC plans issued within 20 weeks" });
    await userEvent.selectOptions(select, "Lower is better");
    await userEvent.click(screen.getByRole("button", { name: "Save settings and re-scan" }));
    await waitFor(async () => {
      const stored = await storedSettings(wb);
      expect(stored?.polarityOverrides).toEqual({ "Sheet1!K1": "lower-is-better" });
    });
    // The settings are stored before the re-scan ends: wait until the pane is idle again.
    await waitFor(() => expect(screen.getByRole("button", { name: "Scan workbook" })).toBeEnabled(), { timeout: 10_000 });
    await userEvent.click(screen.getByRole("tab", { name: /^KPIs/ }));
    await userEvent.click(screen.getByRole("button", { name: "Why this rating? K1 % of EHC plans issued within 20 weeks" }));
    expect(await findDialog()).toHaveTextContent("Lower is better: set for this KPI in Settings");
  });
});
