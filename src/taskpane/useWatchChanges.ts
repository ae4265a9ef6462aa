// Re-scan after the workbook changes (the user's edits or a co-author's), debounced, and never
// while someone is typing in the pane: the re-scan waits until focus leaves the input.
import { useEffect, useRef } from "react";
import { watchChanges, type Unsubscribe } from "../excel/watch";
import type { Runner } from "./runner";

export const RESCAN_DELAY_MS = 1500;

function typingInPane(): boolean {
  const el = typeof document !== "undefined" ? document.activeElement : null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
}

export function useWatchChanges(runner: Runner | null, ignoreSheet: string | undefined, onChanged: () => void): void {
  const latest = useRef(onChanged);
  useEffect(() => {
    latest.current = onChanged;
  });
  useEffect(() => {
    if (!runner) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: Unsubscribe | null = null;
    let cancelled = false;
    const fire = () => {
      if (typingInPane()) {
        timer = setTimeout(fire, RESCAN_DELAY_MS);
        return;
      }
      latest.current();
    };
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, RESCAN_DELAY_MS);
    };
    runner((ctx) => watchChanges(ctx, changed, { ignoreSheet }))
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
  }, [runner, ignoreSheet]);
}
