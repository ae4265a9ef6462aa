// Print a corpus entry's sheets as a grid with row numbers, and its expected KPIs (`npx tsx scripts/corpus/show.ts <id>`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cellText, TABLES_DIR, type CorpusEntry } from "./entry";

const id = process.argv[2];
const e = JSON.parse(readFileSync(join(TABLES_DIR, `${id}.json`), "utf8")) as CorpusEntry;
console.log(`${e.source.publisher} — ${e.source.title} (asOf ${e.asOf})`);
for (const s of e.sheets) {
  console.log(`== ${s.name}  merges: ${(s.merges ?? []).join(" ")}`);
  s.rows.forEach((row, i) => {
    const cells = row.map((c) => {
      let t = cellText(c);
      if (c && typeof c === "object") {
        if (c.fmt) t += `{${c.fmt}}`;
        if (c.fill) t += `[fill ${c.fill}]`;
        if (c.font) t += `[${c.font}]`;
        if (c.date) t = `date:${c.date}`;
      }
      return t.length > 40 ? `${t.slice(0, 38)}…` : t;
    });
    console.log(`${String(i + 1).padStart(3)} | ${cells.join(" | ")}`);
  });
}
for (const k of e.expected) console.log(JSON.stringify(k));
