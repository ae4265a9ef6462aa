// The words recognition and assessment weigh are data with, for each phrase, where such a phrase is met (written by
// `npm run words:met`): the heading phrases (headers.ts PHRASES, src/core/recognise/headingPhrasesMet.json) and the
// polarity wording (polarity.ts LOWER and HIGHER, one record per alternative of a pattern,
// src/core/assess/polarityWordsMet.json), each met in a cell of a corpus workbook or a fixture. Each recorded cell
// still holds its phrase; a new phrase needs its record; the phrases met in no such cell may become fewer, never more.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PHRASES, headingTokens } from "../../src/core/recognise/headers";
import { MET_FILE, POLARITY_MET_FILE, holdsPhrase, polarityWords, textCells, type Met } from "../../scripts/words/phrasesMet";

const ROOT = join(__dirname, "..", "..");
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, Met | null>;

/** Each list: its records, the phrases it holds now, how a cell's text holds a phrase, and the most met nowhere. */
const LISTS = [
  {
    name: "heading phrases",
    met: read(MET_FILE),
    phrases: [...new Set(PHRASES.map(([text]) => text))],
    holds: (phrase: string, text: string) => holdsPhrase(headingTokens(text), headingTokens(phrase)),
    // Met in no corpus or fixture cell: 118 when the records were first written (session 5); only ever fewer.
    nowhereAtMost: 101,
  },
  {
    name: "polarity words",
    met: read(POLARITY_MET_FILE),
    phrases: [...polarityWords().keys()],
    holds: (key: string, text: string) => polarityWords().get(key)!.test(text.toLowerCase()),
    nowhereAtMost: 44,
  },
];

/** Every recorded cell, read once per workbook: "file sheet!cell" -> its text. */
async function cellsOf(records: Met[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of new Set(records.map((m) => m.file))) {
    for (const c of await textCells(join(ROOT, file))) out.set(`${c.file} ${c.sheet}!${c.cell}`, c.text);
  }
  return out;
}

describe.each(LISTS)("where each of the $name is met", (list) => {
  it("every phrase has its record, and every record names a phrase of the list (npm run words:met)", () => {
    expect(list.phrases.filter((p) => !(p in list.met))).toEqual([]);
    expect(Object.keys(list.met).filter((p) => !list.phrases.includes(p))).toEqual([]);
  });

  it("each recorded cell still holds its phrase", async () => {
    const records = Object.entries(list.met).filter((e): e is [string, Met] => e[1] !== null);
    const cells = await cellsOf(records.map(([, m]) => m));
    const lost = records.filter(([phrase, m]) => {
      const text = cells.get(`${m.file} ${m.sheet}!${m.cell}`);
      return text === undefined || !list.holds(phrase, text);
    });
    expect(lost.map(([phrase, m]) => `"${phrase}" no longer in ${m.file} ${m.sheet}!${m.cell}`)).toEqual([]);
  }, 300_000);

  it("the phrases met in no corpus or fixture cell become fewer, never more", () => {
    expect(Object.values(list.met).filter((m) => m === null).length).toBeLessThanOrEqual(list.nowhereAtMost);
  });
});
