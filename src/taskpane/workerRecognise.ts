// Recognition in a Web Worker (scanWorker.ts), with the same result as in the pane's own thread: one worker,
// started at the first scan and kept; if it cannot start or fails, the scan runs here instead, as before.
import type { Recognise, RecogniseOptions, ScanWorkbookOutcome } from "../excel/scanWorkbook";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { ScanRequest } from "./scanWorker";

/** The scan on this thread, loaded only when no worker can do it (the engine is not part of the pane's first script). */
async function scanHere(snapshot: WorkbookSnapshot, options: RecogniseOptions): Promise<ScanWorkbookOutcome> {
  const { scanReadSnapshot } = await import(/* webpackChunkName: "scan-here" */ "../excel/scanWorkbook");
  return scanReadSnapshot(snapshot, options);
}

interface Reply {
  id: number;
  ok: boolean;
  result?: ScanWorkbookOutcome["result"];
  settings?: ScanWorkbookOutcome["settings"];
  toStore?: ScanWorkbookOutcome["toStore"];
  message?: string;
}

/** A Recognise that sends the work to the worker `make` starts (null: no workers here). */
export function workerRecognise(make: () => Worker | null): Recognise {
  let worker: Worker | null | undefined;
  let next = 1;
  const waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  const broken = (why: string) => {
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = make();
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = (e: MessageEvent<Reply>) => {
        const w = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        w?.resolve(e.data);
      };
      worker.onerror = () => broken("The scan's worker stopped.");
    }
    return worker;
  };
  return async (snapshot, options) => {
    const w = start();
    if (!w) return scanHere(snapshot, options);
    const id = next++;
    let reply: Reply;
    try {
      reply = await new Promise<Reply>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const request: ScanRequest = { id, snapshot, options };
        w.postMessage(request);
      });
    } catch {
      return scanHere(snapshot, options); // the worker failed: here, then
    }
    if (!reply.ok || !reply.result || !reply.settings) throw new Error(reply.message ?? "The scan failed.");
    return { result: reply.result, settings: reply.settings, snapshot, ...(reply.toStore ? { toStore: reply.toStore } : {}) };
  };
}
