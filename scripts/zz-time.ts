import { readFileSync } from "fs";
import { openWorkbook } from "../src/host";
import { readWorkbook } from "../src/excel/readWorkbook";
(async () => {
  const t0 = Date.now();
  const wb = await openWorkbook(new Uint8Array(readFileSync(process.argv[2])));
  const t1 = Date.now();
  console.log("open", t1 - t0, "ms", Math.round(process.memoryUsage().rss / 1e6), "MB");
  try {
    const snap = await wb.run((ctx) => readWorkbook(ctx));
    console.log("read", Date.now() - t1, "ms", snap.sheets.map((s) => [s.name, s.values.length, s.readProblem]));
  } catch (e) { console.log("read failed", (e as Error).message.slice(0, 200), Date.now() - t1); }
  console.log(Math.round(process.memoryUsage().rss / 1e6), "MB");
})();
