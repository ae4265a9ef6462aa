// Re-scan after the workbook changes, in a way that respects the person using it:
// - their own edits only (source "Local"): a co-author's edits are announced ("updated by a co-author") and
//   picked up at the next scan, never re-scanned under this person's hands;
// - debounced, and never while they type in the pane (the re-scan waits until focus leaves the input), and
//   through a runner that waits while they edit a cell (delayForCellEdit) rather than failing;
// - nothing the pane itself changed: changes to the add-in's own sheets (known by their tags) are ignored;
// - edits that arrive while the pane is busy are kept and re-scanned once it is idle, never dropped;
// - settings: when they change, the pane checks whether they differ from what it last read (its own writes
//   raise the event too) and re-scans when a co-author's arrive.
import { useEffect, useRef } from "react";
import { ownedSheetIds, watchChanges, type ChangeSource, type Unsubscribe } from "../excel/watch";
import type { Runner } from "./runner";

export const RESCAN_DELAY_MS = 1500;

function typingInPane(): boolean {
  const el = typeof document !== "undefined" ? document.activeElement : null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
}

export interface WatchCallbacks {
  /** This person changed cells of their own sheets: re-scan (on the automatic path). */
  onLocalChange(): void;
  /** A co-author changed cells. */
  onRemoteChange?(): void;
  /** The add-in's settings changed (the pane tells its own writes from a co-author's). */
  onSettingsChange?(): void;
  /** True while the pane itself works on the workbook (a scan, a write). */
  isBusy(): boolean;
}

export function useWatchChanges(runner: Runner | null, callbacks: WatchCallbacks): void {
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });
  useEffect(() => {
    if (!runner) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: Unsubscribe | null = null;
    let cancelled = false;
    const pending = new Set<string>();
    let settingsPending = false;
    /** Whether every pending change is on the add-in's own sheets (looked up now: they may be newer than the watch). */
    const onlyOwnSheets = async (ids: string[]): Promise<boolean> => {
      try {
        const owned = await runner((ctx) => ownedSheetIds(ctx), { delayForCellEdit: true });
        return ids.every((id) => owned.includes(id));
      } catch {
        return false;
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, RESCAN_DELAY_MS);
    };
    const fire = async () => {
      if (cancelled) return;
      // Not while typing in the pane, and not while the pane works: what arrived waits, it is not dropped.
      if (typingInPane() || latest.current.isBusy()) {
        schedule();
        return;
      }
      const ids = [...pending];
      pending.clear();
      const settings = settingsPending;
      settingsPending = false;
      if (settings) latest.current.onSettingsChange?.();
      if (!ids.length || (await onlyOwnSheets(ids))) return;
      if (!cancelled) latest.current.onLocalChange();
    };
    const changed = (worksheetId: string, source: ChangeSource) => {
      if (source === "Remote") {
        latest.current.onRemoteChange?.();
        return;
      }
      pending.add(worksheetId);
      schedule();
    };
    const settingsChanged = () => {
      settingsPending = true;
      schedule();
    };
    runner((ctx) => watchChanges(ctx, { changed, settings: settingsChanged }))
      .then((unsub) => {
        if (cancelled) void unsub?.();
        else stop = unsub;
      })
      .catch(() => undefined); // No change events: the Scan button still works.
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [runner]);
}
