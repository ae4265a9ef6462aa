// The browser preview end to end, in Debian's chromium driven by playwright-core: scan the sample,
// open a finding, "Why this rating?", change the reporting date, insert the scorecard, open a
// second workbook through the file picker, and a keyboard-only pass. Screenshots go to test-results/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { openWorkbook } from "../../src/host";
import { scanWorkbook, todayIso } from "../../src/excel/scanWorkbook";
import type { Settings } from "../../src/core/settings";
import type { Kpi, Rag, ScanResult } from "../../src/core/types";
import { sameBytes, zipEntries } from "../helpers/zipEntries";
import { CHROMIUM, DIST, openPaneBrowser, ROOT, SHOTS, type PaneBrowser } from "./browser";
import type { StaticServer } from "./staticServer";

// KPI_E2E_DIST lets a developer point the test at another build; the default is the production build.
const SAMPLE = join(ROOT, "assets", "samples", "send-board-kpis.xlsx");
const SECOND = join(ROOT, "tests", "fixtures", "layout-variants.xlsx");

// npm run test:e2e is asked for explicitly: without a browser it fails and says how to install one.
if (!existsSync(CHROMIUM)) throw new Error(`preview e2e needs ${CHROMIUM}: install it with \`apt-get install chromium\`.`);

jest.setTimeout(420_000);

async function scanFile(file: string, overrides: Partial<Settings> = {}): Promise<ScanResult> {
  const wb = await openWorkbook(new Uint8Array(readFileSync(file)));
  const { result } = await wb.run((ctx) => scanWorkbook(ctx, { workbookName: file, overrides, today: todayIso() }));
  return result;
}

const kpisOf = (s: ScanResult): Kpi[] => s.tables.flatMap((t) => t.kpis);
function counts(s: ScanResult): Record<Rag, number> {
  const c: Record<Rag, number> = { red: 0, amber: 0, green: 0, blue: 0, grey: 0 };
  for (const k of kpisOf(s)) c[k.rag ?? "grey"]++;
  return c;
}

function ensureBuilt(): void {
  if (existsSync(join(DIST, "taskpane.html"))) return;
  console.log("preview e2e: dist/taskpane.html is missing; building with `npx webpack --mode production` (a few minutes)...");
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit", timeout: 300_000 });
}

describe("browser preview", () => {
  let browser: PaneBrowser | undefined;
  let server: StaticServer;
  let context: BrowserContext;
  const attempted: string[] = [];
  const blocked: string[] = [];
  let shot = 0;

  async function screenshot(page: Page, name: string) {
    shot++;
    await page.screenshot({ path: join(SHOTS, `preview-${String(shot).padStart(2, "0")}-${name}.png`), fullPage: false });
  }

  /** The pane alone, as it looks in its 320 px column: its top 1000 px. */
  async function paneShot(page: Page, name: string) {
    shot++;
    const box = (await page.getByRole("main", { name: "KPI Scorecard" }).boundingBox())!;
    const clip = { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1000) };
    await page.screenshot({ path: join(SHOTS, `pane-${String(shot).padStart(2, "0")}-${name}.png`), clip, fullPage: true });
  }

  /** Background colours of the pane's two main buttons, to tell the primary (filled) one. */
  async function buttonBackgrounds(page: Page): Promise<{ scan: string; insert: string }> {
    // Not hovering either button (a hovered button has its hover colour), and no colour transition under way.
    await page.mouse.move(0, 0);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll("main button")).every((b) => !b.matches(":hover") && b.getAnimations().length === 0),
    );
    const bg = (name: string) => page.getByRole("button", { name, exact: true }).evaluate((b) => getComputedStyle(b).backgroundColor);
    return { scan: await bg("Scan workbook"), insert: await bg("Insert scorecard") };
  }

  async function ragCountsOnPage(page: Page): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const r of ["red", "amber", "green", "grey"]) {
      const text = (await page.getByTestId(`count-${r}`).textContent()) ?? "";
      out[r] = Number(text.trim().split(" ")[0]);
    }
    return out;
  }

  beforeAll(async () => {
    ensureBuilt();
    // Screenshots of this run only.
    for (const f of existsSync(SHOTS) ? readdirSync(SHOTS) : []) if (/^(preview|pane)-\d+-.*\.png$/.test(f)) rmSync(join(SHOTS, f));
    mkdirSync(SHOTS, { recursive: true });
    // Nothing may leave the machine: every request is recorded, and anything not for this server is refused.
    browser = await openPaneBrowser({
      acceptDownloads: true,
      onRequest: (url, allowed) => {
        attempted.push(url);
        if (!allowed) blocked.push(url);
      },
    });
    ({ context, server } = browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("the production bundle holds no eval( or new Function(", () => {
    for (const f of readdirSync(DIST).filter((n) => n.endsWith(".js"))) {
      const js = readFileSync(join(DIST, f), "utf8");
      // Also the Function constructor called without `new` (Function("return this")()), which compiles a string just the same.
      const functionCall = /(^|[^\w$.])Function\(/.test(js);
      expect({ file: f, eval: js.includes("eval("), newFunction: js.includes("new Function("), functionCall }).toEqual({
        file: f,
        eval: false,
        newFunction: false,
        functionCall: false,
      });
    }
  });

  it("keeps the initial script small (at most 180 KB gzipped): no ExcelJS or JSZip until the preview needs them, the pane and Settings fetched on demand", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script[^>]+src="?([^"\s>]+\.js)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    expect(initial.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const src of initial) {
      const js = readFileSync(join(DIST, src));
      expect({ src, exceljs: /exceljs|JSZip/i.test(js.toString("utf8")) }).toEqual({ src, exceljs: false });
      gzipped += gzipSync(js).length;
    }
    console.log(`preview e2e: initial JavaScript ${initial.join(", ")}: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(180 * 1024);
  });

  it("scans, explains, re-rates, inserts and opens a second workbook", async () => {
    const expected = await scanFile(SAMPLE);
    const expectedCounts = counts(expected);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}/taskpane.html`);
    // office.js cannot load (blocked, as offline): the preview opens after Office.onReady's guard.
    await page.getByRole("button", { name: "Scan workbook" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("grid").waitFor();
    await screenshot(page, "loaded");
    await paneShot(page, "before-scan");
    // Scan first: before any scan Scan is the filled (primary) button and Insert scorecard is not; after it, the other way round.
    const before = await buttonBackgrounds(page);
    expect(before.scan).not.toBe(before.insert);
    expect(before.insert).toBe("rgb(255, 255, 255)");

    // Scan: the KPI count and RAG counts are those src/excel gives in Node for the same file.
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("summary").waitFor();
    await expect(page.getByTestId("summary").textContent()).resolves.toContain(`${kpisOf(expected).length} KPIs in ${expected.tables.length} tables`);
    // The sample stores its reporting date (the report's own, 8 December 2020), and the pane says where it came from.
    expect(expected).toMatchObject({ asOf: "2020-12-08", asOfSource: "setting" });
    await expect(page.getByTestId("summary").textContent()).resolves.toContain(`reporting date ${expected.asOf} (set in Settings)`);
    expect(await buttonBackgrounds(page)).toEqual({ scan: before.insert, insert: before.scan });
    // The four view tabs stand on one line of the 320 px pane.
    const tabTops = await page.getByRole("tablist", { name: "Views" }).getByRole("tab").evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tabTops).toHaveLength(4);
    expect(new Set(tabTops).size).toBe(1);
    const onPage = await ragCountsOnPage(page);
    expect(onPage).toEqual({ red: expectedCounts.red, amber: expectedCounts.amber, green: expectedCounts.green, grey: expectedCounts.grey });
    // The pane fits its 320 px column: nothing scrolls sideways.
    const overflow = await page.getByRole("main", { name: "KPI Scorecard" }).evaluate((m) => ({ width: m.getBoundingClientRect().width, scroll: m.scrollWidth, client: m.clientWidth }));
    expect(overflow.width).toBeLessThanOrEqual(320);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    // WCAG AA: every RAG badge's word stands out from its colour by at least 4.5:1.
    const ratios = await page.locator("[data-rag]").evaluateAll((els) => {
      const lum = (css: string) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return els.map((e) => {
        const st = getComputedStyle(e);
        const [a, b] = [lum(st.color), lum(st.backgroundColor)].sort((x, y) => y - x);
        return { rag: e.getAttribute("data-rag"), ratio: (a + 0.05) / (b + 0.05) };
      });
    });
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect({ rag: r.rag, aa: r.ratio >= 4.5 }).toEqual({ rag: r.rag, aa: true });
    await screenshot(page, "scanned");
    await paneShot(page, "scanned");
    // No BRAG in the sample's settings: the status filter does not offer Blue.
    await expect(page.getByRole("combobox", { name: "Status" }).locator("option").allTextContents()).resolves.toEqual(["All", "Red", "Amber", "Green", "Grey"]);

    // A finding selects its cell: the grid switches to that sheet and highlights it.
    await page.getByRole("tab", { name: /^Findings/ }).click();
    const finding = page.getByTestId("finding").getByRole("button").first();
    const title = (await finding.getAttribute("title")) ?? "";
    const [, where] = /^Go to (.+)$/.exec(title) ?? [];
    const bang = where.lastIndexOf("!");
    const sheet = where.slice(0, bang);
    const cell = where.slice(bang + 1).split(":")[0].replace(/\$/g, "");
    await finding.click();
    await page.locator(`table[data-sheet="${sheet}"] td[aria-current="location"][data-cell="${cell}"]`).waitFor();
    await screenshot(page, "finding-selected");
    await paneShot(page, "findings");

    // "Why this rating?" for the first red KPI (filtered by status, as a user would) shows its explanation.
    await page.getByRole("tab", { name: /^KPIs/ }).click();
    const ragged = kpisOf(expected).filter((k) => k.rag === "red" || k.rag === "amber");
    const first = ragged.find((k) => k.rag === "red") ?? ragged[0] ?? kpisOf(expected)[0];
    if (first.rag) await page.getByRole("combobox", { name: "Status" }).selectOption(first.rag);
    const firstName = first.ref ? `${first.ref} ${first.measure}` : first.measure;
    await page.getByRole("button", { name: `Why this rating? ${firstName}`, exact: true }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect(dialog.getByTestId("rag-explanation").textContent()).resolves.toBe(first.ragExplanation);
    await expect(dialog.textContent()).resolves.toContain("Milestone in force");
    await screenshot(page, "why-this-rating");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("combobox", { name: "Status" }).selectOption("");

    // A reporting date at which some KPI is rated differently (found in Node), set in Settings.
    let newDate = "";
    let newCounts = expectedCounts;
    let reRated = expected;
    for (const d of ["2019-12-31", "2020-03-31", "2020-09-30", "2021-01-31", "2021-06-30", "2022-03-31", "2023-03-31", "2024-02-29"]) {
      const atDate = await scanFile(SAMPLE, { asOf: d });
      const c = counts(atDate);
      if (JSON.stringify(c) !== JSON.stringify(expectedCounts)) {
        newDate = d;
        newCounts = c;
        reRated = atDate;
        break;
      }
    }
    expect(newDate).not.toBe("");
    await page.getByRole("tab", { name: "Settings" }).click();
    // The reporting date is a date picker: its calendar opens from the keyboard (Down arrow) and fits the pane.
    const date = page.getByRole("combobox", { name: /Reporting date/ });
    // Measured before the calendar opens: an open popover may hide the rest of the pane from the
    // accessibility tree, and a role query would then wait for it in vain.
    const paneBox = (await page.getByRole("main", { name: "KPI Scorecard" }).boundingBox())!;
    await date.focus();
    await page.keyboard.press("ArrowDown");
    const calendar = page.getByRole("dialog", { name: "Calendar" });
    await calendar.waitFor();
    const box = (await calendar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(paneBox.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width + 1);
    await screenshot(page, "calendar");
    await page.keyboard.press("Escape");
    await calendar.waitFor({ state: "detached" });
    // Typed, as written in the UK, and read when the field is left.
    const [y, m, d] = newDate.split("-");
    await date.fill(`${d}/${m}/${y}`);
    await date.press("Tab");
    await expect(date.inputValue()).resolves.toBe(newDate);
    await screenshot(page, "settings");
    await paneShot(page, "settings");
    await page.getByRole("button", { name: "Save settings and re-scan" }).click();
    await page.getByTestId("summary").filter({ hasText: `reporting date ${newDate}` }).waitFor();
    const after = await ragCountsOnPage(page);
    expect(after).toEqual({ red: newCounts.red, amber: newCounts.amber, green: newCounts.green, grey: newCounts.grey });
    expect(after).not.toEqual(onPage);
    await screenshot(page, "re-rated");

    // Insert the scorecard: the result links to it and the grid shows its rows.
    await page.getByRole("button", { name: "Insert scorecard" }).click();
    await page.getByTestId("insert-result").waitFor({ timeout: 60_000 });
    const grid = page.locator('table[data-sheet="Scorecard"]');
    await grid.waitFor();
    await expect(grid.locator("tbody tr").count()).resolves.toBeGreaterThan(kpisOf(expected).length);
    // Page 1's exceptions, as rated at the new date: its worst KPI is among them.
    const worst = kpisOf(reRated).find((k) => k.rag === "red") ?? kpisOf(reRated).find((k) => k.rag === "amber")!;
    await expect(grid.textContent()).resolves.toContain(worst.measure.slice(0, 20));
    await screenshot(page, "scorecard-inserted");

    // "Download workbook" gives a real .xlsx with the scorecard in it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download workbook" }).click()]);
    const saved = readFileSync(await download.path());
    const reopened = await openWorkbook(new Uint8Array(saved));
    const sheetNames = await reopened.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name");
      await ctx.sync();
      return ws.items.map((w) => w.name);
    });
    expect(sheetNames).toContain("Scorecard");
    // ... and is the sample itself with the scorecard patched in: every part it did not need is the sample's, byte for byte.
    const sampleParts = zipEntries(readFileSync(SAMPLE));
    const downloadedParts = zipEntries(new Uint8Array(saved));
    // (The add-in's own settings part changed too: the reporting date was set in Settings above.)
    const touched = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/webextensions/webextension1.xml"];
    const changed = [...sampleParts.keys()].filter((n) => !touched.includes(n) && !sameBytes(sampleParts.get(n)!.compressed, downloadedParts.get(n)?.compressed ?? new Uint8Array()));
    expect(changed).toEqual([]);

    // A file that is not a workbook is refused in words, and the open workbook stays.
    await page.locator("#open-workbook").setInputFiles(join(ROOT, "tests", "fixtures", "not-a-workbook.xlsx"));
    await expect(page.getByRole("alert").first().textContent()).resolves.toMatch(/"not-a-workbook\.xlsx" could not be opened/);
    await screenshot(page, "not-a-workbook");

    // A second workbook through the file picker.
    const second = await scanFile(SECOND);
    await page.locator("#open-workbook").setInputFiles(SECOND);
    await page.getByText("Scan the workbook to find its KPI tables").waitFor();
    await page.getByRole("button", { name: "Scan workbook" }).click();
    await page.getByTestId("summary").filter({ hasText: `${kpisOf(second).length} KPIs in ${second.tables.length} tables` }).waitFor();
    await screenshot(page, "second-workbook");

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("can be driven by keyboard alone", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Scan workbook" }).waitFor({ timeout: 30_000 });
    /** What a screen reader would announce for the focused element: its name, role and title. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          text: el?.innerText?.trim() ?? "",
          label: el?.getAttribute("aria-label") ?? "",
          title: el?.getAttribute("title") ?? "",
          role: el?.getAttribute("role") ?? el?.tagName.toLowerCase() ?? "",
        };
      });
    /** Press Tab (or Shift+Tab) until the focused element matches; fail after `max` presses. */
    async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, key = "Tab", max = 80) {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(key);
        if (match(await focused())) return;
      }
      throw new Error(`${what} was not reached with ${max} presses of ${key}`);
    }
    const byText = (label: string) => (f: { text: string }) => f.text.startsWith(label);

    // Scan.
    await tabTo(byText("Scan workbook"), "Scan workbook");
    await page.keyboard.press("Enter");
    await page.getByTestId("summary").waitFor();
    await screenshot(page, "keyboard-scanned");

    // Why this rating?, closed with Escape.
    await tabTo(byText("Why this rating?"), "Why this rating?");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await screenshot(page, "keyboard-why");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // The views are a tab list: Tab reaches the selected tab, arrows move between tabs, Enter opens one (WAI-ARIA tabs).
    await tabTo((f) => f.role === "tab" && f.text.startsWith("KPIs"), "the KPIs tab", "Shift+Tab");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("finding").first().waitFor();
    // A finding: Enter selects its cell in the grid.
    await tabTo((f) => f.title.startsWith("Go to "), "a finding");
    const where = (await focused()).title.replace(/^Go to /, "");
    const cell = where.slice(where.lastIndexOf("!") + 1).split(":")[0].replace(/\$/g, "");
    await page.keyboard.press("Enter");
    await page.locator(`td[aria-current="location"][data-cell="${cell}"]`).waitFor();

    // Settings: a new reporting date, saved with Enter on the button.
    await tabTo((f) => f.role === "tab" && f.text.startsWith("Findings"), "the Findings tab", "Shift+Tab");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    // The reporting date is the first field of the Settings tab: a date picker, typed into.
    await tabTo((f) => f.role === "combobox", "the first field of Settings");
    await expect(page.getByRole("combobox", { name: /Reporting date/ }).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2023-03-31");
    await tabTo(byText("Save settings and re-scan"), "Save settings and re-scan");
    await page.keyboard.press("Enter");
    await page.getByTestId("summary").filter({ hasText: "reporting date 2023-03-31" }).waitFor();

    // Insert the scorecard, then follow the result's link to it.
    await tabTo(byText("Insert scorecard"), "Insert scorecard", "Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("insert-result").waitFor({ timeout: 60_000 });
    await tabTo((f) => f.text.startsWith("Go to Scorecard"), "the link to the scorecard");
    await page.keyboard.press("Enter");
    await page.locator('table[data-sheet="Scorecard"]').waitFor();

    // The preview's own buttons: Open workbook… opens the file chooser; Download workbook downloads.
    await tabTo(byText("Download workbook"), "Download workbook", "Shift+Tab");
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await tabTo(byText("Open workbook"), "Open workbook…", "Shift+Tab");
    // Enter opens the file picker, that is, clicks its input. Headless Chromium's "filechooser" event
    // came in only about half the runs here, so the click on the input is what is checked.
    await page.locator("#open-workbook").evaluate((input) => {
      input.addEventListener("click", (e) => {
        e.preventDefault();
        input.setAttribute("data-opened", "yes");
      });
    });
    await page.keyboard.press("Enter");
    await page.locator('#open-workbook[data-opened="yes"]').waitFor({ state: "attached" });
    await screenshot(page, "keyboard-done");
    await page.close();
  });

  it("follows a request for more contrast", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ contrast: "more" });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Scan workbook" }).click({ timeout: 30_000 });
    await page.getByTestId("summary").waitFor();
    // teamsHighContrastTheme: black page, light text.
    const colours = await page.getByRole("main", { name: "KPI Scorecard" }).evaluate((m) => {
      const s = getComputedStyle(m);
      return { bg: s.backgroundColor, fg: s.color };
    });
    expect(colours.bg).toBe("rgb(0, 0, 0)");
    expect(colours.fg).toBe("rgb(255, 255, 255)");
    await screenshot(page, "high-contrast");
    await page.close();
  });

  it("follows the browser's dark colour scheme outside Office", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Scan workbook" }).click({ timeout: 30_000 });
    await page.getByTestId("summary").waitFor();
    const lum = await page.getByRole("main", { name: "KPI Scorecard" }).evaluate((m) => {
      const [r, g, b] = (getComputedStyle(m).backgroundColor.match(/[\d.]+/g) ?? ["255", "255", "255"]).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    expect(lum).toBeLessThan(0.2);
    await screenshot(page, "dark");
    await page.close();
  });

  it("sent nothing anywhere but this machine", () => {
    expect(attempted.length).toBeGreaterThan(0);
    // The only request that would have left is office.js from Microsoft's CDN; it was refused, as offline.
    expect(blocked.every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    expect(attempted.filter((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u) && !blocked.includes(u))).toEqual([]);
  });
});
