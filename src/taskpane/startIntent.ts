// What the pane was opened to do. The ribbon's "Use selection as KPI table" opens the same task pane as "KPI
// Scorecard" (same TaskpaneId in manifest.xml) at taskpane.html?start=use-selection: Office then replaces the
// pane's contents with that page, open or not ("the pane container will remain open but the contents of the
// pane will be replaced with the corresponding Action SourceLocation", office-js-docs-reference
// docs/manifest/action.md, TaskpaneId). So that pressing it again while the pane is open is again a new page,
// the pane takes the intent from the URL, keeps it in session storage, and goes on as the plain page: the pane
// shown is never at the button's URL. Office may add its own parameters (_host_Info), which are kept.
import type { StartIntent } from "./Pane";

const KEY = "kpiScorecard.start";
/** An intent kept longer than this is stale (a reload long after the button was pressed). */
const FRESH_MS = 120_000;

export function startIntent(search: string): StartIntent | undefined {
  return new URLSearchParams(search).get("start") === "use-selection" ? "use-selection" : undefined;
}

export interface TakenIntent {
  intent?: StartIntent;
  /** Go to this address first (the same page without the intent); the intent waits in session storage. */
  reloadTo?: string;
}

type IntentStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function takeStartIntent(loc: { pathname: string; search: string; hash: string }, storage: IntentStorage | null, now = Date.now()): TakenIntent {
  const fromUrl = startIntent(loc.search);
  try {
    if (fromUrl && storage) {
      storage.setItem(KEY, JSON.stringify({ intent: fromUrl, at: now }));
      const params = new URLSearchParams(loc.search);
      params.delete("start");
      const rest = params.toString();
      return { reloadTo: `${loc.pathname}${rest ? `?${rest}` : ""}${loc.hash}` };
    }
    const kept = storage?.getItem(KEY);
    if (!kept) return fromUrl ? { intent: fromUrl } : {};
    storage!.removeItem(KEY);
    const { intent, at } = JSON.parse(kept) as { intent?: string; at?: number };
    return intent === "use-selection" && typeof at === "number" && now - at < FRESH_MS ? { intent } : {};
  } catch {
    // No session storage (blocked): the intent is taken from the URL as it stands.
    return fromUrl ? { intent: fromUrl } : {};
  }
}
