// Recognition off the UI thread: the pane hands the cells it read to a Web Worker and gets the same scan back
// as it would make itself; without a worker (none here, or one that fails) it scans on its own thread.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { scanReadSnapshot } from "../../src/excel/scanWorkbook";
import { workerRecognise } from "../../src/taskpane/workerRecognise";
import type { ScanRequest } from "../../src/taskpane/scanWorker";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");
const OPTIONS = { workbookName: "sample.xlsx", today: "2024-02-29" };

/** A worker that answers as scanWorker.ts does, after a round trip through structured cloning (JSON here). */
function fakeWorker(fail = false): Worker & { posted: number } {
  const w = {
    posted: 0,
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: unknown) => void) | null,
    terminate: () => undefined,
    postMessage(message: ScanRequest) {
      w.posted++;
      const request = JSON.parse(JSON.stringify(message)) as ScanRequest;
      setTimeout(() => {
        if (fail) return w.onerror?.(new Error("boom"));
        const out = scanReadSnapshot(request.snapshot, request.options);
        w.onmessage?.({ data: JSON.parse(JSON.stringify({ id: request.id, ok: true, result: out.result, settings: out.settings })) } as MessageEvent);
      }, 0);
    },
  };
  return w as unknown as Worker & { posted: number };
}

test("the worker's scan is the scan the pane would make itself", async () => {
  const wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  const snapshot = await wb.run((ctx) => readWorkbook(ctx));
  const worker = fakeWorker();
  const recognise = workerRecognise(() => worker);
  const [a, b] = [await recognise(snapshot, OPTIONS), scanReadSnapshot(snapshot, OPTIONS)];
  expect(worker.posted).toBe(1);
  expect(a.result).toEqual(JSON.parse(JSON.stringify(b.result)));
  expect(a.snapshot).toBe(snapshot);
  // One worker for every scan.
  await recognise(snapshot, OPTIONS);
  expect(worker.posted).toBe(2);
});

test("without a worker, or with one that fails, the scan runs on the pane's own thread", async () => {
  const wb = await openWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  const snapshot = await wb.run((ctx) => readWorkbook(ctx));
  const inline = scanReadSnapshot(snapshot, OPTIONS).result;
  expect((await workerRecognise(() => null)(snapshot, OPTIONS)).result).toEqual(inline);
  expect((await workerRecognise(() => { throw new Error("no workers"); })(snapshot, OPTIONS)).result).toEqual(inline);
  expect((await workerRecognise(() => fakeWorker(true))(snapshot, OPTIONS)).result).toEqual(inline);
});
