// The pane's state and actions: scan, save settings, insert the scorecard, go to a cell.
// All workbook access goes through the runner, so the same hook drives Excel and the preview.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Settings } from "../core/settings";
import type { ScanResult } from "../core/types";
import type { WorkbookSnapshot } from "../core/snapshot";
import { scanWorkbook, type Recognise } from "../excel/scanWorkbook";
import { readStoredItems, saveSettings } from "../excel/settingsStore";
import type { StoredItems } from "../core/settingsStore";
import type { CellRect } from "../core/snapshot";
import { selectCell } from "../excel/navigate";
import { correctWorkbook, type SettingsChange } from "../excel/correctWorkbook";
import { readSelection, SelectionError, type SelectedRange } from "../excel/selection";
import { readWorkbook } from "../excel/readWorkbook";
import type { ApplyResult } from "../excel/applyScorecard";
import { plainError, type PlainError } from "./errors";
import { firstRowTexts, guessHeadingRows } from "./correctionEdits";
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
  /** Where the cells read are recognised: a Web Worker in the pane (default: on this thread). */
  recognise?: Recognise;
}

export type Busy = null | "Scanning…" | "Saving settings…" | "Saving your correction…" | "Reading the selection…" | "Writing the scorecard…";

/** A selection the user is asked to confirm as a KPI table (the "Use selection" dialog is open). */
export interface PendingSelection extends SelectedRange {
  /** The heading rows the dialog offers first. */
  guess: number;
  /** The texts of its first rows, to show what would be read as headings. */
  firstRows: string[][];
}

export interface PaneState {
  scan: ScanResult | null;
  settings: Settings | null;
  empty: boolean;
  busy: Busy;
  error: PlainError | null;
  inserted: ApplyResult | null;
  /** The cells the last scan read: what a correction is checked against before it is stored. */
  snapshot: WorkbookSnapshot | null;
  /** A selection waiting to be confirmed as a KPI table. */
  selection: PendingSelection | null;
  /** What the last correction did, in words (shown, and announced to screen readers). */
  notice: string | null;
  /** A co-author changed the workbook since the last scan: their changes show at the next one. */
  coauthorChanged: boolean;
  /** How far a scan has got, in words (reading cells, then recognising), while it runs. */
  progress: string | null;
}

export function usePane(options: PaneOptions) {
  const [state, setState] = useState<PaneState>({
    scan: null,
    settings: null,
    empty: false,
    busy: null,
    error: null,
    inserted: null,
    snapshot: null,
    selection: null,
    notice: null,
    coauthorChanged: false,
    progress: null,
  });
  // Options change identity on every render of the parent; actions read the latest through a ref.
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const busyRef = useRef(false);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  const patch = useCallback((p: Partial<PaneState>) => setState((s) => ({ ...s, ...p })), []);

  // Corrections are made one after another, none dropped: the dropdowns stay usable (and keep the keyboard's
  // focus) while one is stored, and a second change waits for the first.
  const idleWaiters = useRef<(() => void)[]>([]);
  const corrections = useRef<Promise<void>>(Promise.resolve());
  const whenIdle = useCallback(() => (busyRef.current ? new Promise<void>((r) => idleWaiters.current.push(r)) : Promise.resolve()), []);

  /** Run one action at a time, showing its progress and turning failures into plain words. */
  const guarded = useCallback(
    async (busy: Busy, work: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      patch({ busy, error: null, notice: null });
      try {
        await work();
      } catch (e) {
        patch({ error: plainError(e) });
      } finally {
        busyRef.current = false;
        patch({ busy: null });
        for (const w of idleWaiters.current.splice(0)) w();
      }
    },
    [patch],
  );

  /** The settings as the pane last read or wrote them: a settings change event that differs is a co-author's. */
  const knownItems = useRef<string | null>(null);
  /** Merged areas from the last scan the person asked for, by sheet: the automatic re-scan uses these. */
  const merges = useRef<Map<string, CellRect[]> | null>(null);
  const remember = useCallback((snapshot: WorkbookSnapshot, automatic: boolean) => {
    knownItems.current = JSON.stringify(snapshot.settings);
    if (!automatic) merges.current = new Map(snapshot.sheets.map((s) => [s.name, s.merges]));
  }, []);

  /**
   * Scan. On the automatic path (after an edit, or a co-author's settings) it waits while the person edits a
   * cell and asks Excel nothing that clears their undo stack: merged areas come from the last scan they asked for.
   */
  const rescan = useCallback(async (automatic = false) => {
    const { runner, workbookName, today, recognise } = opts.current;
    const cached = automatic && merges.current ? merges.current : undefined;
    const onProgress = (read: number, total: number) => patch({ progress: `Reading the workbook: ${Math.round((100 * read) / Math.max(1, total))}% of ${total.toLocaleString("en-GB")} cells` });
    const recogniseWith: Recognise | undefined = recognise
      ? (snapshot, o) => {
          patch({ progress: "Finding the KPI tables…" });
          return recognise(snapshot, o);
        }
      : undefined;
    try {
      const out = await runner(
        (ctx) => scanWorkbook(ctx, { workbookName, today, read: { ...(cached ? { cachedMerges: cached } : {}), onProgress }, recognise: recogniseWith }),
        automatic ? { delayForCellEdit: true } : undefined,
      );
      remember(out.snapshot, !!cached);
      patch({ scan: out.result, settings: out.settings, snapshot: out.snapshot, empty: isEmptyWorkbook(out.snapshot), coauthorChanged: false });
    } finally {
      patch({ progress: null });
    }
  }, [patch, remember]);

  const scan = useCallback(() => guarded("Scanning…", () => rescan(false)), [guarded, rescan]);

  /** The re-scan after the person's own edit (useWatchChanges waits until the pane is idle). */
  const autoScan = useCallback(() => (stateRef.current.scan ? guarded("Scanning…", () => rescan(true)) : Promise.resolve()), [guarded, rescan]);

  /** A co-author changed cells: said, and picked up at the next scan. */
  const coauthorChanged = useCallback(() => patch({ coauthorChanged: true }), [patch]);

  /** The settings changed: re-scan when they are not what the pane last read or wrote (a co-author's). */
  const settingsChanged = useCallback(async () => {
    if (!stateRef.current.scan) return;
    let items: StoredItems;
    try {
      items = await opts.current.runner((ctx) => readStoredItems(ctx), { delayForCellEdit: true });
    } catch {
      return;
    }
    if (JSON.stringify(items) === knownItems.current) return;
    await guarded("Scanning…", () => rescan(true));
    patch({ notice: "A co-author changed the settings: the KPIs are rated again with them." });
  }, [guarded, rescan, patch]);

  const save = useCallback(
    (settings: Settings) =>
      guarded("Saving settings…", async () => {
        // Only what this person changed is written: the settings the pane showed are the base of the change.
        const base = stateRef.current.settings ?? undefined;
        const items = await opts.current.runner((ctx) => saveSettings(ctx, settings, base));
        knownItems.current = JSON.stringify(items);
        opts.current.onWorkbookChanged?.();
        await rescan();
      }),
    [guarded, rescan],
  );

  const insert = useCallback(
    () =>
      guarded("Scanning…", async () => {
        patch({ inserted: null });
        const { runner, workbookName, today, recognise } = opts.current;
        // The merged areas of the last scan, when there was one: nothing in the insert clears the undo stack.
        const read = merges.current ? { cachedMerges: merges.current } : undefined;
        // The scorecard's builder and writer load when first asked for: the pane opens without them.
        const { insertScorecard } = await import(/* webpackChunkName: "scorecard" */ "../excel/insertScorecard");
        const out = await runner((ctx) =>
          insertScorecard(ctx, { workbookName, today, recognise, read, onScanned: () => patch({ busy: "Writing the scorecard…" }) }),
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

  const store = useCallback(
    (change: SettingsChange, done: string) =>
      guarded("Saving your correction…", async () => {
        const { runner, workbookName, today } = opts.current;
        const out = await runner((ctx) => correctWorkbook(ctx, { workbookName, today, change }));
        if (out.problem !== undefined) {
          patch({ error: { title: "Not changed", message: out.problem, action: "" }, selection: null });
          return;
        }
        remember(out.snapshot, false);
        patch({ scan: out.result, settings: out.settings, snapshot: out.snapshot, empty: isEmptyWorkbook(out.snapshot), notice: done, selection: null, coauthorChanged: false });
        opts.current.onWorkbookChanged?.();
      }),
    [guarded, patch, remember],
  );

  /**
   * Store a correction and show its effect: the change is made on the settings and cells as they are when it
   * is stored (one read, one save), and the KPIs are rated again from that same read. `done` says what it did.
   */
  const correct = useCallback(
    (change: SettingsChange, done: string) => {
      const next = corrections.current.then(async () => {
        while (busyRef.current) await whenIdle();
        await store(change, done);
      });
      corrections.current = next.catch(() => undefined);
      return next;
    },
    [store, whenIdle],
  );

  /** "Use selection as KPI table": read what is selected and ask for its heading rows. */
  const pickSelection = useCallback(
    () =>
      guarded("Reading the selection…", async () => {
        const { runner } = opts.current;
        const selected = await runner((ctx) => readSelection(ctx));
        // The cells are needed to guess the heading rows: the last scan's do, unless they are older than what
        // was typed there since (then they are read again).
        let snapshot = stateRef.current.snapshot;
        let firstRows = snapshot ? firstRowTexts(snapshot, selected.sheet, selected.range) : [];
        if (!snapshot || firstRows.every((row) => row.every((t) => t === ""))) {
          snapshot = await runner((ctx) => readWorkbook(ctx));
          firstRows = firstRowTexts(snapshot, selected.sheet, selected.range);
        }
        const owned = snapshot.sheets.find((s) => s.name === selected.sheet)?.ownedByAddin;
        if (owned) throw new SelectionError(`${selected.sheet} is the scorecard the add-in writes. Select a KPI table on one of your own sheets, then try again.`);
        patch({
          selection: {
            ...selected,
            guess: guessHeadingRows(snapshot, selected.sheet, selected.range),
            firstRows,
          },
        });
      }),
    [guarded, patch],
  );

  const cancelSelection = useCallback(() => patch({ selection: null }), [patch]);
  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  const dismissNotice = useCallback(() => patch({ notice: null }), [patch]);

  return {
    state, scan, autoScan, coauthorChanged, settingsChanged, save, insert, goTo, correct, pickSelection, cancelSelection, dismissError, dismissNotice,
    isBusy: () => busyRef.current,
  };
}
