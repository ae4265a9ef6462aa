// Where the pane runs, as Office.onReady says: in Excel, in another Office application, or in a plain
// browser (office.js loaded outside Office answers with no host). Only when office.js is absent
// altogether (not loaded: offline, blocked, or a page without it) is the answer "no host" without
// asking. There is no time limit: Excel on the web can take many seconds to start, and a guess made
// too early would show the browser preview inside Excel for good. The pane says it is waiting instead.

export type HostKind = "excel" | "other-office" | "none";

export interface OfficeLike {
  onReady(): Promise<{ host: string | null } | null | undefined>;
}

/**
 * Whether the page was opened by Office, whether or not office.js loaded: Office adds `_host_Info` to the URL of
 * the pages it opens ("Excel$Win32$16.01$en-GB$…"; office-js-docs-pr docs/develop/dialog-best-practices.md and
 * parent-to-dialog.md describe it for dialogs; task panes carry it too), and office.js keeps it in session
 * storage for a reload. When office.js is missing there (a proxy that blocks appsforoffice.microsoft.com), the
 * pane must say so rather than open the browser preview with its sample workbook inside Excel.
 */
export function openedByOffice(search: string, storage: Pick<Storage, "getItem"> | null): boolean {
  for (const key of new URLSearchParams(search).keys()) if (key.toLowerCase() === "_host_info") return true;
  try {
    return !!storage?.getItem("hostInfoValue");
  } catch {
    return false;
  }
}

/** office.js as loaded by taskpane.html, or null when it did not load. */
export function loadedOffice(): OfficeLike | null {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  return office && typeof office.onReady === "function" ? office : null;
}

/** Waits for Office.onReady (however long it takes) and reports the host it names. */
export async function officeHost(office: OfficeLike | null = loadedOffice()): Promise<HostKind> {
  if (!office) return "none";
  const info = await office.onReady();
  const host = info?.host ?? null;
  if (host === null) return "none";
  return host === "Excel" ? "excel" : "other-office";
}

/** The open workbook's file name in Excel, for the scan's title; "Workbook" when Office does not say. */
export function officeWorkbookName(): string {
  const url = (globalThis as { Office?: { context?: { document?: { url?: string } } } }).Office?.context?.document?.url ?? "";
  const last = url.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last) || "Workbook";
  } catch {
    return last || "Workbook";
  }
}
