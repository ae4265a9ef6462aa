// Rendering the pane in jsdom with hand-made scan results and fake runners.
import { configure, render, screen, waitFor } from "@testing-library/react";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { Runner } from "../../src/taskpane/runner";
import type { Kpi, ScanResult } from "../../src/core/types";

// Scans on the headless host take a few hundred ms; on a busy shared machine more than the default 1 s wait.
configure({ asyncUtilTimeout: 5000 });

/** jsdom lacks a few browser APIs Fluent UI touches. */
export function polyfillBrowser(): void {
  const w = window as unknown as Record<string, unknown>;
  if (!w.matchMedia) {
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (!w.ResizeObserver) {
    w.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  const g = globalThis as unknown as Record<string, unknown>;
  if (!g.structuredClone) g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v));
  if (!g.TextEncoder) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const util = require("util");
    g.TextEncoder = util.TextEncoder;
    g.TextDecoder = util.TextDecoder;
  }
}

export function renderPane(runner: Runner, extra: Partial<Parameters<typeof Pane>[0]> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane runner={runner} workbookName="test.xlsx" today="2024-02-29" {...extra} />
    </FluentProvider>,
  );
}

export function makeKpi(i: number, over: Partial<Kpi> = {}): Kpi {
  const rags = ["green", "amber", "red", "grey"] as const;
  return {
    ref: `K${i}`,
    measure: `Measure number ${i}`,
    group: null,
    frequency: "Monthly",
    unit: "percent",
    polarity: "higher-is-better",
    polaritySource: "wording",
    baseline: null,
    target: null,
    currentTarget: { value: 0.6, text: "60%", cell: `E${i + 2}`, unit: "percent", period: "Mar 2024", periodStart: null, periodEnd: null, missing: null, relative: null },
    previous: null,
    latest: { value: 0.55, text: "55%", cell: `F${i + 2}`, unit: "percent", period: "Jan 2024", periodStart: null, periodEnd: null, missing: null, relative: null },
    milestones: [],
    dot: { direction: "up", judgement: "improving" },
    rag: rags[i % 4],
    statedRag: null,
    findings: [],
    sheet: "KPIs",
    sourceCell: `B${i + 2}`,
    key: `KPIs!K${i}`,
    ragExplanation: `Explanation for K${i}.`,
    currentMilestone: "By 12 months",
    ...over,
  };
}

export function makeScan(kpis: Kpi[], over: Partial<ScanResult> = {}): ScanResult {
  return {
    workbook: "test.xlsx",
    asOf: "2024-02-29",
    settings: {},
    tables: kpis.length ? [{ sheet: "KPIs", range: `A1:H${kpis.length + 1}`, layout: "previous-latest", headerRows: 1, confidence: 0.9, kpis, id: `KPIs!A1:H${kpis.length + 1}` }] : [],
    findings: [],
    ...over,
  };
}

/**
 * The open dialog. Fluent's modal dialogs hand focus trapping to tabster, whose aria-hidden bookkeeping runs
 * on timers and mutation observers; in jsdom on a loaded machine it sometimes leaves the open, focused surface
 * marked aria-hidden, so a role query that skips hidden nodes never finds it (about 1 run in 15 under load).
 * Here we check what the dialog says; that it is exposed to assistive technology is checked in a real
 * browser (tests/e2e, by role).
 */
export function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("dialog", { hidden: true });
}

/**
 * The dialog has closed and the pane is back in the accessibility tree. tabster lifts the aria-hidden it
 * put on the rest of the page on a timer after the dialog goes; a role query made before then finds nothing
 * (one run in five of the corrections tests, beside another job). A user cannot act on the pane before it
 * is back either, so the tests wait for it as the user would.
 */
export async function dialogClosed(): Promise<void> {
  await waitFor(() => {
    expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
    expect(screen.getByRole("main", { name: "KPI Scorecard" })).toBeInTheDocument();
  });
}
