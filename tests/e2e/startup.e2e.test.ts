// How the pane starts, in Debian's chromium: Office.onReady decides between the pane in Excel and the
// browser preview (a slow Excel start never turns into the preview); a web view too old for the bundle,
// or a bundle that never runs, gets a message in words instead of a blank pane.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, DIST, openPaneBrowser, ROOT, SHOTS, type PaneBrowser } from "./browser";
import type { StaticServer } from "./staticServer";

const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

if (!existsSync(CHROMIUM)) throw new Error(`startup e2e needs ${CHROMIUM}: install it with \`apt-get install chromium\`.`);
if (!existsSync(join(DIST, "taskpane.html"))) throw new Error(`${DIST}/taskpane.html is missing: run \`npm run test:e2e\`, which builds first.`);

jest.setTimeout(120_000);

/**
 * office.js that behaves as in Excel on the web starting slowly: Office.onReady answers "Excel" only
 * after `delayMs`. Excel.run fails as Excel would with no workbook behind it; the pane must still be
 * the pane in Excel (with its error in words), never the preview.
 */
function slowExcelOfficeJs(delayMs: number): string {
  return `
    window.Office = {
      onReady: function () { return new Promise(function (resolve) { setTimeout(function () { resolve({ host: "Excel", platform: "OfficeOnline" }); }, ${delayMs}); }); },
      context: { requirements: { isSetSupported: function () { return true; } }, document: { url: "https://contoso.sharepoint.com/Board%20KPIs.xlsx" } }
    };
    window.Excel = { run: function () { return Promise.reject(Object.assign(new Error("The workbook is not available."), { code: "GeneralException" })); } };
  `;
}

describe("starting the pane", () => {
  let browser: PaneBrowser | undefined;
  let server: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Nothing leaves the machine; office.js, where a test wants it, is served from the package or made up.
    browser = await openPaneBrowser();
    ({ context, server } = browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(setup: (page: Page) => Promise<unknown> = async () => undefined): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await setup(page);
    await page.goto(`${server.url}/taskpane.html`);
    return { page, errors };
  }

  it("with Microsoft's office.js loaded in a plain browser, onReady names no host and the preview opens", async () => {
    const { page, errors } = await open((p) =>
      p.route(`${OFFICE_CDN}**`, (route) => {
        const file = join(OFFICE_JS, new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
        return existsSync(file) ? route.fulfill({ body: readFileSync(file), contentType: "text/javascript" }) : route.abort();
      }),
    );
    await page.getByText("Browser preview").waitFor({ timeout: 30_000 });
    await page.getByTestId("grid").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("when Excel answers onReady only after 3 s, the pane waits, says so, and opens as the pane in Excel, not the preview", async () => {
    const { page } = await open((p) => p.route(`${OFFICE_CDN}office.js`, (route) => route.fulfill({ body: slowExcelOfficeJs(3000), contentType: "text/javascript" })));
    await page.getByText("Connecting to Excel…").waitFor({ timeout: 10_000 });
    await page.getByRole("main", { name: "KPI Scorecard" }).screenshot({ path: join(SHOTS, "startup-connecting.png") });
    // Well past the 2 s the pane used to wait before deciding it was outside Office.
    await page.waitForTimeout(2_500);
    await expect(page.getByText("Browser preview").count()).resolves.toBe(0);
    // Then Excel answers: the pane in Excel, scanning at once (here Excel.run fails, and says so in words).
    await page.getByRole("button", { name: "Scan workbook" }).waitFor({ timeout: 10_000 });
    await page.getByTestId("error").waitFor();
    await expect(page.getByText("Browser preview").count()).resolves.toBe(0);
    await expect(page.getByTestId("grid").count()).resolves.toBe(0);
    await page.getByRole("main", { name: "KPI Scorecard" }).screenshot({ path: join(SHOTS, "startup-excel-after-slow-start.png") });
    await page.close();
  });

  it("in a web view older than Safari 14.1 (no WeakRef) a message in words replaces the pane", async () => {
    const { page } = await open((p) => p.addInitScript(() => delete (window as unknown as { WeakRef?: unknown }).WeakRef));
    const alert = page.getByTestId("webview-unsupported");
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.textContent()).resolves.toContain("KPI Scorecard cannot run in this version of Office");
    await expect(alert.textContent()).resolves.toContain("Safari 14.1 or later");
    // The bundle saw the check and started nothing: no pane, no preview.
    await page.waitForLoadState("load");
    await expect(page.getByRole("button", { name: "Scan workbook" }).count()).resolves.toBe(0);
    await alert.screenshot({ path: join(SHOTS, "startup-webview-too-old.png") });
    await page.close();
  });

  it("a bundle the web view cannot parse leaves a message, not a blank pane", async () => {
    const { page } = await open((p) =>
      p.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ body: "class Old { static { this.x = 1 } ", contentType: "text/javascript" })),
    );
    await page.getByTestId("webview-unsupported").waitFor({ timeout: 10_000 });
    await expect(page.getByTestId("webview-unsupported").textContent()).resolves.toContain("KPI Scorecard could not start");
    await page.close();
  });
});
