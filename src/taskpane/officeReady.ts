// Where the pane runs: in Excel (Office.onReady reports the Excel host) or not. office.js may
// have failed to load (offline, blocked): then Office is undefined and the answer is "no host".
// Office.onReady may also never answer outside Office, so wait at most timeoutMs.

export type HostKind = "excel" | "none";

interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
}

export function officeHost(timeoutMs = 2000): Promise<HostKind> {
  const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
  if (!office || typeof office.onReady !== "function") return Promise.resolve("none");
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("none"), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(info && info.host === "Excel" ? "excel" : "none");
      })
      .catch(() => {
        clearTimeout(timer);
        resolve("none");
      });
  });
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
