// Re-scan after the workbook changes (the user's edits or a co-author's), debounced, and never
// while someone is typing in the pane: the re-scan waits until focus leaves the input. Changes the
// pane makes itself (while it is busy) and changes to its own scorecard sheet do not count; that
// sheet is known by the add-in's tag, so renaming it changes nothing.
import { useEffect, useRef } from "react";
import { ownedSheetId, watchChanges, type Unsubscribe } from "../excel/watch";
import type { Runner } from "./runner";

export const RESCAN_DELAY_MS = 1500;

function typingInPane(): boolean {
  const el = typeof document !== "undefined" ? document.activeElement : null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
}

export function useWatchChanges(
  runner: Runner | null,
  onChanged: () => void,
  /** True while the pane itself writes to the workbook (settings, scorecard). */
  isBusy: () => boolean = () => false,
): void {
  const latest = useRef({ onChanged, isBusy });
  useEffect(() => {
    latest.current = { onChanged, isBusy };
  });
  useEffect(() => {
    if (!runner) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: Unsubscribe | null = null;
    let cancelled = false;
    const pending = new Set<string>();
    /** Whether every pending change is on the add-in's own sheet (looked up now: it may be newer than the watch). */
    const onlyOwnSheet = async (ids: string[]): Promise<boolean> => {
      try {
        const owned = await runner((ctx) => ownedSheetId(ctx));
        return owned !== null && ids.every((id) => id === owned);
      } catch {
        return false;
      }
    };
    const fire = async () => {
      if (typingInPane()) {
        timer = setTimeout(fire, RESCAN_DELAY_MS);
        return;
      }
      const ids = [...pending];
      pending.clear();
      if (cancelled || (await onlyOwnSheet(ids))) return;
      latest.current.onChanged();
    };
    const changed = (worksheetId: string) => {
      if (latest.current.isBusy()) return;
      pending.add(worksheetId);
      clearTimeout(timer);
      timer = setTimeout(fire, RESCAN_DELAY_MS);
    };
    runner((ctx) => watchChanges(ctx, changed))
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
