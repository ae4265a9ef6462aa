// The pane in a 320 px window, in Debian's chromium: the browser preview's narrow layout, where the pane takes the
// whole width as Excel's 320 px task pane does. Nothing scrolls sideways — the scanned pane on every tab, "Why this
// rating?" (which opens at its explanation, not scrolled to the corrections below it), "Use selection as KPI
// table" (refusing one cell in words, then offering a real table) and the calendar of a date field.
// Screenshots go to test-results/narrow-*.png.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { CHROMIUM, DIST, openPaneBrowser, SHOTS, type PaneBrowser } from "./browser";

if (!existsSync(CHROMIUM)) throw new Error(`narrow e2e needs ${CHROMIUM}: install it with \`apt-get install chromium\`.`);
if (!existsSync(join(DIST, "taskpane.html"))) throw new Error(`${DIST}/taskpane.html is missing: run \`npm run test:e2e\`, which builds first.`);

jest.setTimeout(300_000);

// An iPhone SE's window: as narrow as Excel's pane, and short enough that a dialog scrolls.
const VIEWPORT = { width: 320, height: 568 };

interface Overflow {
  page: number;
  window: number;
  /** Elements whose right edge passes the window's, with their text, for the failure message. */
  beyond: string[];
}

/** How wide the page is against the window, and what (if anything) sticks out past its right edge. */
async function overflow(page: Page, within = "body"): Promise<Overflow> {
  return page.evaluate((sel) => {
    const doc = document.documentElement;
    const beyond: string[] = [];
    for (const el of Array.from(document.querySelectorAll(`${sel} *`))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > doc.clientWidth + 0.5) beyond.push(`${el.tagName.toLowerCase()} ${Math.round(r.left)}–${Math.round(r.right)} "${((el as HTMLElement).innerText ?? "").slice(0, 40).replace(/\s+/g, " ")}"`);
    }
    return { page: doc.scrollWidth, window: doc.clientWidth, beyond: beyond.slice(0, 8) };
  }, within);
}

async function fits(page: Page, what: string, within = "body"): Promise<void> {
  const o = await overflow(page, within);
  expect({ what, page: o.page <= o.window, beyond: o.beyond }).toEqual({ what, page: true, beyond: [] });
}

/** A dialog stands inside the window and nothing in it scrolls sideways. */
async function dialogFits(page: Page, dialog: Locator, what: string): Promise<void> {
  const box = (await dialog.boundingBox())!;
  expect({ what, left: box.x >= 0, right: box.x + box.width <= VIEWPORT.width }).toEqual({ what, left: true, right: true });
  const inside = await dialog.evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth }));
  expect({ what, scroll: inside.scroll <= inside.client }).toEqual({ what, scroll: true });
  await fits(page, what, '[role="dialog"]');
}

describe("the pane in a 320 px window", () => {
  let browser: PaneBrowser | undefined;
  let page: Page;
  let shot = 0;

  async function screenshot(name: string) {
    shot++;
    await page.screenshot({ path: join(SHOTS, `narrow-${String(shot).padStart(2, "0")}-${name}.png`) });
  }

  beforeAll(async () => {
    for (const f of existsSync(SHOTS) ? readdirSync(SHOTS) : []) if (/^narrow-\d+-.*\.png$/.test(f)) rmSync(join(SHOTS, f));
    mkdirSync(SHOTS, { recursive: true });
    browser = await openPaneBrowser({ viewport: VIEWPORT });
    page = await browser.context.newPage();
    await page.goto(`${browser.server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Scan workbook" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("grid").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("before and after a scan the pane takes the window's width, and the page does not scroll sideways", async () => {
    await fits(page, "before the scan");
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("summary").waitFor();
    const main = (await page.getByRole("main", { name: "KPI Scorecard" }).boundingBox())!;
    expect(main.x).toBeGreaterThanOrEqual(0);
    expect(main.x + main.width).toBeLessThanOrEqual(VIEWPORT.width);
    // Insert and the Status filter stand whole inside the window.
    for (const control of [page.getByRole("button", { name: "Insert scorecard" }), page.getByRole("combobox", { name: "Status" })]) {
      const b = (await control.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(VIEWPORT.width);
    }
    await fits(page, "scanned");
    await screenshot("scanned");
  });

  it.each(["KPIs", "Findings", "Tables", "Settings"])("the %s tab fits", async (tab) => {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    const panel = page.getByRole("tabpanel");
    // Everything in the tab opened: every group of findings, every table's columns.
    const closed = panel.locator(".fui-AccordionHeader button[aria-expanded='false']");
    while ((await closed.count()) > 0) await closed.first().click();
    await fits(page, tab);
    await screenshot(`tab-${tab}`);
  });

  it("the Settings tab's calendar fits", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("combobox", { name: /Reporting date/ }).focus();
    await page.keyboard.press("ArrowDown");
    const calendar = page.getByRole("dialog", { name: "Calendar" });
    await calendar.waitFor();
    await dialogFits(page, calendar, "calendar");
    await screenshot("calendar");
    await page.keyboard.press("Escape");
    await calendar.waitFor({ state: "detached" });
  });

  it("'Why this rating?' fits and opens at its explanation", async () => {
    await page.getByRole("tab", { name: /^KPIs/ }).click();
    // A red KPI: its explanation is long, and the corrections below it run past the window.
    await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Red" });
    await page.getByRole("button", { name: /^Why this rating\?/ }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialogFits(page, dialog, "Why this rating?");
    const explanation = dialog.getByTestId("rag-explanation");
    await expect(explanation.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    // It is in view: not scrolled past to the first field of the corrections.
    const box = (await explanation.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(VIEWPORT.height);
    await screenshot("why");
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("'Use selection as KPI table' refuses one cell in words, then fits with a real table", async () => {
    await page.getByRole("tab", { name: "Tables" }).click();
    // Nothing selected: Excel's selection is A1 of the sheet shown, one cell.
    await page.getByRole("tabpanel").getByRole("button", { name: "Use selection as KPI table" }).click();
    let dialog = page.getByRole("dialog", { name: "Use the selection as a KPI table" });
    await dialog.waitFor();
    await expect(dialog.getByTestId("selection-problem").textContent()).resolves.toMatch(/^A1 on Read me is one cell: a KPI table has a row for each KPI/);
    expect(await dialog.getByRole("button", { name: "Use as KPI table" }).count()).toBe(0);
    await dialogFits(page, dialog, "use selection, one cell");
    await screenshot("use-selection-refused");
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });

    // A real table, selected in the grid below the pane: the therapy waits' first rows.
    await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Therapy waits" }).click();
    const cell = (a: string) => page.locator(`table[data-sheet="Therapy waits"] td[data-cell="${a}"]`);
    await cell("A2").click();
    for (const key of ["ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown", "ArrowDown"]) await page.keyboard.press(`Shift+${key}`);
    await page.getByTestId("grid-selection").filter({ hasText: "Selected A2:C5 on Therapy waits" }).waitFor();
    await page.getByRole("tabpanel").getByRole("button", { name: "Use selection as KPI table" }).click();
    dialog = page.getByRole("dialog", { name: "Use the selection as a KPI table" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("A2:C5 on Therapy waits");
    await dialogFits(page, dialog, "use selection, a table");
    await screenshot("use-selection");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });
});
