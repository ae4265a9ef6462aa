// Corrections end to end in the browser preview, in Debian's chromium: a workbook whose table nothing
// recognises (four rows of a label and three figures, no heading row) is made a KPI table by selecting its
// range in the preview's grid (by mouse, then again by Shift+arrow keys) and "Use selection as KPI table";
// its misread columns are corrected by their dropdowns and the ratings change each time; the workbook is
// downloaded, and both the preview (reopening it) and `kpi-scorecard scan` read the corrected table from it.
// Screenshots of the 320 px pane go to test-results/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { ScanResult } from "../../src/core/types";
import { BOARD_ROWS, unrecognisedBoard } from "../helpers/correctionWorkbooks";
import { CHROMIUM, DIST, openPaneBrowser, SHOTS, type PaneBrowser } from "./browser";
import type { StaticServer } from "./staticServer";


if (!existsSync(CHROMIUM)) throw new Error(`corrections e2e needs ${CHROMIUM}: install it with \`apt-get install chromium\`.`);
if (!existsSync(join(DIST, "taskpane.html"))) throw new Error(`${DIST}/taskpane.html is missing: run \`npm run test:e2e\`, which builds first.`);

jest.setTimeout(300_000);

/** `kpi-scorecard scan <file> --json`, through the command line's own entry point. */
async function cliScan(file: string): Promise<ScanResult> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", "scan", file, "--json"], (s) => (out += s), (s) => (err += s));
  expect({ code, err }).toEqual({ code: 0, err: "" });
  return JSON.parse(out) as ScanResult;
}

describe("corrections in the browser preview", () => {
  let browser: PaneBrowser | undefined;
  let server: StaticServer;
  let context: BrowserContext;
  let dir: string;
  let shot = 0;

  /** The pane alone, as it looks in its 320 px column. */
  async function paneShot(page: Page, name: string) {
    shot++;
    const box = (await page.getByRole("main", { name: "KPI Scorecard" }).boundingBox())!;
    const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1400) };
    await page.screenshot({ path: join(SHOTS, `corrections-${String(shot).padStart(2, "0")}-${name}.png`), clip, fullPage: true });
  }

  async function screenshot(page: Page, name: string) {
    shot++;
    await page.screenshot({ path: join(SHOTS, `corrections-${String(shot).padStart(2, "0")}-${name}.png`) });
  }

  /** Red, amber, green and grey counts as the pane's header shows them. */
  async function counts(page: Page): Promise<number[]> {
    const out: number[] = [];
    for (const r of ["red", "amber", "green", "grey"]) out.push(Number(((await page.getByTestId(`count-${r}`).textContent()) ?? "").trim().split(" ")[0]));
    return out;
  }

  /** The pane is idle again: a correction was stored and the KPIs rated again. */
  async function idle(page: Page) {
    await page.getByRole("button", { name: "Scan workbook" }).and(page.locator(":enabled")).waitFor();
  }

  /** The pane never scrolls sideways in its 320 px column. */
  async function fitsPane(page: Page) {
    const m = await page.getByRole("main", { name: "KPI Scorecard" }).evaluate((e) => ({ width: e.getBoundingClientRect().width, scroll: e.scrollWidth, client: e.clientWidth }));
    expect(m.width).toBeLessThanOrEqual(320);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
  }

  /**
   * A dialog as it shows in Excel's 320 px pane, where the pane is the whole window: the window narrowed to
   * 320 px, the dialog within it, a screenshot, and the window as it was.
   */
  async function dialogAt320(page: Page, dialog: ReturnType<Page["getByRole"]>, name: string) {
    await page.setViewportSize({ width: 320, height: 1000 });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    // Nothing in it is cut off or scrolls sideways.
    const inside = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth }));
    expect(inside.scroll).toBeLessThanOrEqual(inside.client);
    await screenshot(page, `${name}-320`);
    await page.setViewportSize({ width: 1280, height: 1000 });
  }

  async function setRole(page: Page, column: string, role: string) {
    await page.getByRole("combobox", { name: new RegExp(`^Role of column ${column}\\b`) }).selectOption(role);
    await idle(page);
  }

  beforeAll(async () => {
    for (const f of existsSync(SHOTS) ? readdirSync(SHOTS) : []) if (/^corrections-\d+-.*\.png$/.test(f)) rmSync(join(SHOTS, f));
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "kpi-e2e-corrections-"));
    writeFileSync(join(dir, "board.xlsx"), await unrecognisedBoard());
    browser = await openPaneBrowser({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    ({ context, server } = browser);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("a table nothing recognised is selected, declared, its columns corrected, and the download holds it for the preview and the CLI", async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Scan workbook" }).waitFor({ timeout: 30_000 });
    await page.locator("#open-workbook").setInputFiles(join(dir, "board.xlsx"));
    await page.locator('table[data-sheet="Board"]').waitFor();

    // Nothing to recognise: four rows of a label and three figures, no heading row.
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("no-tables").waitFor();
    expect(await page.getByTestId("summary").textContent()).toMatch(/^0 KPIs in 0 tables/);

    // Select B4:E7 by dragging over the grid.
    const cell = (a: string) => page.locator(`table[data-sheet="Board"] td[data-cell="${a}"]`);
    await cell("B4").hover();
    await page.mouse.down();
    await cell("C5").hover();
    await cell("E7").hover();
    await page.mouse.up();
    await page.getByTestId("grid-selection").filter({ hasText: "Selected B4:E7 on Board" }).waitFor();
    expect(await page.locator('table[data-sheet="Board"] td[aria-selected="true"]').count()).toBe(16);
    // ... and again from the keyboard: a click on B4, then Shift+arrows.
    await cell("B4").click();
    await page.getByTestId("grid-selection").filter({ hasText: "Selected B4 on Board" }).waitFor();
    for (const key of ["ArrowRight", "ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown", "ArrowDown"]) await page.keyboard.press(`Shift+${key}`);
    await page.getByTestId("grid-selection").filter({ hasText: "Selected B4:E7 on Board" }).waitFor();
    await screenshot(page, "selected");

    // Use selection as KPI table: the heading rows are asked for, none offered first.
    await page.getByTestId("no-tables").getByRole("button", { name: "Use selection as KPI table" }).click();
    const dialog = page.getByRole("dialog", { name: "Use the selection as a KPI table" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("B4:E7 on Board");
    expect(await dialog.getByRole("radio", { name: "None: every row is a KPI" }).isChecked()).toBe(true);
    await screenshot(page, "use-selection-dialog");
    await dialogAt320(page, dialog, "use-selection-dialog");
    await dialog.getByRole("button", { name: "Use as KPI table" }).click();
    await page.getByTestId("summary").filter({ hasText: /^4 KPIs in 1 table/ }).waitFor();
    await idle(page);
    // The three figure columns read as a series: no target, every KPI grey.
    expect(await counts(page)).toEqual([0, 0, 0, 4]);
    const table = page.getByRole("listitem", { name: "Table Board!B4:E7" });
    await expect(table.textContent()).resolves.toContain("Set by you");
    expect(await table.getByRole("combobox", { name: "Heading rows of Board!B4:E7" }).inputValue()).toBe("0");
    await fitsPane(page);
    await paneShot(page, "declared");

    // Column D is the target, not a point of the series: the KPIs are rated, against 400, 1500, 45 and 80.
    await setRole(page, "D", "target");
    const withTarget = await counts(page);
    expect(withTarget[3]).toBe(0);
    // C is the latest and E the previous: read left to right, the series had them the other way round (and with C
    // set, E is read as nothing at all).
    await setRole(page, "C", "latest");
    // E (now read as nothing, "Ignore") from the keyboard, typing the start of "Previous actual"; the dropdown
    // keeps the focus while the change is stored and the KPIs are rated again.
    const roleE = page.getByRole("combobox", { name: /^Role of column E\b/ });
    expect(await roleE.inputValue()).toBe("ignore");
    await roleE.focus();
    await page.keyboard.type("Pre");
    await page.getByTestId("notice").filter({ hasText: "Column E of Board!B4:E7 is now read as Previous actual." }).waitFor();
    await idle(page);
    expect(await roleE.inputValue()).toBe("previous");
    expect(await roleE.evaluate((e) => e === document.activeElement)).toBe(true);
    const corrected = await counts(page);
    // 412 v 400 and 86 v 80 meet their targets; 1290 v 1500 and 37 v 45 miss by more than 10%.
    expect(corrected).toEqual([2, 0, 2, 0]);
    expect(corrected).not.toEqual(withTarget);
    await fitsPane(page);
    await paneShot(page, "columns-corrected");

    // A KPI's own target and polarity sit in its "Why this rating?", within the pane's width.
    await page.getByRole("tab", { name: /^KPIs/ }).click();
    await page.getByRole("button", { name: "Why this rating? Young carers identified", exact: true }).click();
    const why = page.getByRole("dialog");
    await why.getByRole("textbox", { name: /Target to rate against/ }).waitFor();
    await screenshot(page, "why-with-corrections");
    await dialogAt320(page, why, "why-with-corrections");
    await page.keyboard.press("Escape");
    await why.waitFor({ state: "detached" });

    // Download: the workbook with its corrections in the add-in's settings.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download workbook" }).click()]);
    const saved = join(dir, "board-corrected.xlsx");
    writeFileSync(saved, readFileSync(await download.path()));

    // The command line reads the corrected table from it, with no flags, and rates as the pane did.
    const cli = await cliScan(saved);
    expect(cli.tables).toHaveLength(1);
    expect(cli.tables[0]).toMatchObject({ sheet: "Board", range: "B4:E7", headerRows: 0, userDefined: true });
    expect(cli.tables[0].columns?.filter((c) => c.source === "user").map((c) => [c.column, c.role])).toEqual([
      ["C", "latest"],
      ["D", "target"],
      ["E", "previous"],
    ]);
    expect(cli.tables[0].kpis.map((k) => [k.measure, k.latest?.value, k.currentTarget?.value, k.previous?.value])).toEqual(BOARD_ROWS);
    const cliCounts = ["red", "amber", "green", "grey"].map((r) => cli.tables[0].kpis.filter((k) => (k.rag ?? "grey") === r).length);
    expect(cliCounts).toEqual(corrected);

    // Reopened in the preview: scanned as it was left, the columns still the user's.
    await page.locator("#open-workbook").setInputFiles(saved);
    await page.getByText("Scan the workbook to find its KPI tables").waitFor();
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("summary").filter({ hasText: /^4 KPIs in 1 table/ }).waitFor();
    expect(await counts(page)).toEqual(corrected);
    await page.getByRole("tab", { name: "Tables" }).click();
    const reopened = page.getByRole("listitem", { name: "Table Board!B4:E7" });
    expect(await reopened.getByRole("combobox", { name: /^Role of column D\b/ }).inputValue()).toBe("target");
    await expect(reopened.textContent()).resolves.toContain("Set by you");
    await paneShot(page, "reopened");

    // Reset column D to as recognised: no target again, every KPI grey.
    await reopened.getByRole("button", { name: "Reset column D to as recognised" }).click();
    await idle(page);
    expect(await counts(page)).toEqual([0, 0, 0, 4]);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
