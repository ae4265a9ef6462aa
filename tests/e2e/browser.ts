// Debian's chromium on the built pane, as every browser test runs it: dist/ served on localhost, a fresh
// profile, the flags this machine needs, and nothing allowed to leave the machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { serveDirectory, type StaticServer } from "./staticServer";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = resolve(__dirname, "..", "..");
export const DIST = resolve(ROOT, process.env.KPI_E2E_DIST ?? "dist");
export const SHOTS = join(ROOT, "test-results");

export interface PaneBrowser {
  context: BrowserContext;
  server: StaticServer;
  close(): Promise<void>;
}

export interface PaneBrowserOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Told of every request, and whether it was let through (only this machine's are). */
  onRequest?: (url: string, allowed: boolean) => void;
}

export async function openPaneBrowser(options: PaneBrowserOptions = {}): Promise<PaneBrowser> {
  const server = await serveDirectory(DIST);
  const profile = mkdtempSync(join(tmpdir(), "kpi-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    // Dialogs appear without their fade, so screenshots show them whole.
    reducedMotion: "reduce",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    const allowed = host === "127.0.0.1" || host === "localhost";
    options.onRequest?.(url, allowed);
    return allowed ? route.continue() : route.abort();
  });
  return {
    context,
    server,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
