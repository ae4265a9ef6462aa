// The pane's state and actions: scan, save settings, insert the scorecard, go to a cell.
// All workbook access goes through the runner, so the same hook drives Excel and the preview.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Settings } from "../core/settings";
import type { ScanResult } from "../core/types";
import { scanWorkbook } from "../excel/scanWorkbook";
import { insertScorecard } from "../excel/insertScorecard";
import { saveSettings } from "../excel/settingsStore";
import { selectCell } from "../excel/navigate";
import type { ApplyResult } from "../excel/applyScorecard";
import { plainError, type PlainError } from "./errors";
import { isEmptyWorkbook } from "./model";
import type { Runner } from "./runner";

export interface PaneOptions {
  runner: Runner;
  workbookName: string;
  /** The reporting date when none is set; default today. */
  today?: string;
  /** After the pane selected a cell (the preview shows it in its grid). */
  onNavigated?: (sheet: string, cell: string) => void;
  /** After the pane changed the workbook (settings saved; scorecard inserted, with its sheet). */
  onWorkbookChanged?: (scorecardSheet?: string) => void;
}

export type Busy = null | "Scanning…" | "Saving settings…" | "Writing the scorecard…";

export interface PaneState {
  scan: ScanResult | null;
  settings: Settings | null;
  empty: boolean;
  busy: Busy;
  error: PlainError | null;
  inserted: ApplyResult | null;
}

export function usePane(options: PaneOptions) {
  const [state, setState] = useState<PaneState>({ scan: null, settings: null, empty: false, busy: null, error: null, inserted: null });
  // Options change identity on every render of the parent; actions read the latest through a ref.
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const busyRef = useRef(false);

  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);

  /** Run one action at a time, showing its progress and turning failures into plain words. */
  const guarded = useCallback(
    async (busy: Busy, work: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      patch({ busy, error: null });
      try {
        await work();
      } catch (e) {
        patch({ error: plainError(e) });
      } finally {
        busyRef.current = false;
        patch({ busy: null });
      }
    },
    [patch],
  );

  const rescan = useCallback(async () => {
    const { runner, workbookName, today } = opts.current;
    const out = await runner((ctx) => scanWorkbook(ctx, { workbookName, today }));
    patch({ scan: out.result, settings: out.settings, empty: isEmptyWorkbook(out.snapshot) });
  }, [patch]);

  const scan = useCallback(() => guarded("Scanning…", rescan), [guarded, rescan]);

  const save = useCallback(
    (settings: Settings) =>
      guarded("Saving settings…", async () => {
        await opts.current.runner((ctx) => saveSettings(ctx, settings));
        opts.current.onWorkbookChanged?.();
        await rescan();
      }),
    [guarded, rescan],
  );

  const insert = useCallback(
    () =>
      guarded("Scanning…", async () => {
        patch({ inserted: null });
        const { runner, workbookName, today } = opts.current;
        const out = await runner((ctx) =>
          insertScorecard(ctx, { workbookName, today, onScanned: () => patch({ busy: "Writing the scorecard…" }) }),
        );
        patch({ scan: out.scan, settings: out.settings, inserted: out.applied });
        opts.current.onWorkbookChanged?.(out.applied.sheetName);
      }),
    [guarded, patch],
  );

  /** Selecting a cell is quick and may happen while nothing else runs; errors still show. */
  const goTo = useCallback(
    async (sheet: string, cell: string) => {
      try {
        await opts.current.runner((ctx) => selectCell(ctx, sheet, cell));
        opts.current.onNavigated?.(sheet, cell);
      } catch (e) {
        patch({ error: plainError(e) });
      }
    },
    [patch],
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  return { state, scan, save, insert, goTo, dismissError, isBusy: () => busyRef.current };
}
