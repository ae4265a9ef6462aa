// The Web Worker that recognises and rates a workbook's cells off the pane's UI thread (Office.js stays on the
// UI thread: the cells are read there, in bounded blocks, and handed over as plain data). A large workbook
// takes seconds to recognise; meanwhile the pane keeps answering the person.
import { scanReadSnapshot, type RecogniseOptions } from "../excel/scanWorkbook";
import type { WorkbookSnapshot } from "../core/snapshot";

export interface ScanRequest {
  id: number;
  snapshot: WorkbookSnapshot;
  options: RecogniseOptions;
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<ScanRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const { id, snapshot, options } = e.data;
  try {
    const out = scanReadSnapshot(snapshot, options);
    // The snapshot stays with the pane, which sent it: only what the scan made comes back.
    scope.postMessage({ id, ok: true, result: out.result, settings: out.settings, toStore: out.toStore });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
