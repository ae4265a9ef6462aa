// The gauge's own rules: how scan KPIs are matched to the publisher's (rows, `also` rows, sources, duplicates)
// and how the fields added for the board's view are scored (measure words, computed RAG, milestones by month).
import type { Figure, Kpi, Milestone, ScanResult } from "../../src/core/types";
import type { CorpusEntry, ExpectedKpi } from "../../scripts/corpus/entry";
import { entryProblems } from "../../scripts/corpus/entry";
import { outOfSample, outOfSampleBySet, outOfSampleOfSets, reportingDateRight, scoreEntry, SCORED_FIELDS } from "../../scripts/corpus/score";
import { falls, raise } from "../../scripts/corpus/floor";
import type { CorpusScore } from "../../scripts/accuracy";

const fig = (value: number | null, cell = "C1"): Figure => ({
  value, text: String(value), cell, unit: null, period: null, periodStart: null, periodEnd: null, missing: null, relative: null,
});

function kpi(over: Partial<Kpi> & { sourceCell: string }): Kpi {
  return {
    ref: null, measure: "Pupils absent", group: null, frequency: null, unit: "percent", polarity: null, polaritySource: null,
    baseline: null, target: null, currentTarget: null, previous: null, latest: null, milestones: [], dot: { direction: null, judgement: null },
    rag: null, statedRag: null, findings: [], ...over,
  };
}

const scan = (sheet: string, kpis: Kpi[], more: { sheet: string; kpis: Kpi[] }[] = []): ScanResult => ({
  workbook: "x.xlsx", asOf: "2024-11-30", settings: {},
  tables: [{ sheet, kpis }, ...more].map((t) => ({ sheet: t.sheet, range: "A1:H9", layout: "milestone-columns", headerRows: 1, confidence: 1, kpis: t.kpis })),
  findings: [],
});

const sheetRows = (n: number) => Array.from({ length: n }, (_, i) => [`Measure ${i + 1}`, i]);
function entry(expected: ExpectedKpi[]): CorpusEntry {
  return {
    id: "t", asOf: "2024-11-30",
    source: { publisher: "P", sector: "send", title: "T", date: "2024-12", url: "https://example.org" },
    sheets: [{ name: "Nov 24", rows: sheetRows(9) }, { name: "Nov 23", rows: sheetRows(9) }],
    expected,
  };
}

const ms = (due: string, target: number | null, actual: number | null): Milestone => ({
  label: due, due, target: target === null ? null : fig(target), actual: actual === null ? null : fig(actual), rag: null, statedRag: null,
});

describe("matching scan KPIs to the publisher's", () => {
  const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5", also: [{ sheet: "Nov 23", row: 5 }] }]);

  it("counts one KPI kept on two period sheets, read as two, once: the second is a duplicate", () => {
    const s = scoreEntry(e, scan("Nov 23", [kpi({ sourceCell: "A5", measure: "Measure 5" })], [{ sheet: "Nov 24", kpis: [kpi({ sourceCell: "A5", measure: "Measure 5" })] }]));
    expect({ found: s.found, returned: s.returned, matching: s.returnedMatching, dup: s.duplicates }).toEqual({
      found: 1, returned: 2, matching: 1, dup: [{ sheet: "Nov 23", row: 5, measure: "Measure 5", of: "Nov 24!5" }],
    });
  });

  it("matches a KPI by any of its sources, when its own row is on the other sheet", () => {
    const k = { ...kpi({ sourceCell: "A5", measure: "Measure 5" }), sources: [{ sheet: "Nov 23", cell: "A5" }, { sheet: "Nov 24", cell: "A5" }] };
    const s = scoreEntry(e, scan("Nov 23", [k]));
    expect([s.found, s.returnedMatching, s.returned, s.duplicates.length, s.extra.length]).toEqual([1, 1, 1, 0, 0]);
  });

  it("matches KPIs that share one heading row by their cell, where the entry names the column", () => {
    const down = { ...entry([]), sheets: [{ name: "Nov 24", rows: [["Month", "Repairs done", "Calls answered"], ["Apr", 1, 2]] }] };
    down.expected = [
      { sheet: "Nov 24", row: 1, col: "B", measure: "Repairs done" },
      { sheet: "Nov 24", row: 1, col: "C", measure: "Calls answered" },
    ];
    expect(entryProblems(down, "t.json")).toEqual([]);
    const s = scoreEntry(down, scan("Nov 24", [kpi({ sourceCell: "C1", measure: "Calls answered" }), kpi({ sourceCell: "B1", measure: "Repairs done" })]));
    expect([s.found, s.returnedMatching, s.duplicates.length, s.byField.measure.right]).toEqual([2, 2, 0, 2]);
  });

  it("counts a KPI on a row nobody lists as extra", () => {
    const s = scoreEntry(e, scan("Nov 24", [kpi({ sourceCell: "A5", measure: "Measure 5" }), kpi({ sourceCell: "A7", measure: "Measure 7" })]));
    expect([s.found, s.returnedMatching, s.returned, s.extra.length]).toEqual([1, 1, 2, 1]);
  });
});

describe("the fields scored for the board", () => {
  const one = (x: Partial<ExpectedKpi>, k: Partial<Kpi>) => scoreEntry(entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5", ...x }]), scan("Nov 24", [kpi({ sourceCell: "B5", measure: "Measure 5", ...k })]));

  it("scores the measure as the publisher's words: a reference code is wrong, case and dashes are not", () => {
    expect(one({ measure: "Measure 5" }, { measure: "1.1.2.PI" }).byField.measure).toEqual({ scored: 1, right: 0 });
    expect(one({ measure: "Measure 5" }, { measure: "MEASURE  5." }).byField.measure).toEqual({ scored: 1, right: 1 });
  });

  it("scores the computed RAG against the stated one, unless a finding names the disagreement", () => {
    expect(one({ statedRag: "red" }, { rag: "green", statedRag: "red" }).byField.rag).toEqual({ scored: 1, right: 0 });
    const named = [{ code: "stated-rag-contradicts-data", severity: "warning" as const, message: "states Red; the figures make it Green" }];
    expect(one({ statedRag: "red" }, { rag: "green", statedRag: "red", findings: named }).byField.rag).toEqual({ scored: 1, right: 1 });
    expect(one({}, { rag: "green" }).byField.rag).toEqual({ scored: 0, right: 0 });
  });

  it("scores each milestone's target and actual on the scan milestone due the same month; a missing one both wrong", () => {
    const s = one(
      { milestones: [{ due: "2023-07", target: 0.109, actual: 0.121 }, { due: "2023-11", target: 0.105, actual: 0.113 }, { due: "2024-03", target: 0.1, actual: null }] },
      { milestones: [ms("2023-07-31", 0.109, null), ms("2023-07-31", null, 0.121), ms("2023-11-30", 0.105, 0.113)] },
    );
    expect(s.byField.milestoneTarget).toEqual({ scored: 3, right: 2 });
    expect(s.byField.milestoneActual).toEqual({ scored: 3, right: 1 });
    expect(s.misses.map((m) => `${m.field} ${m.due}`)).toEqual(["milestoneActual 2023-07", "milestoneTarget 2024-03", "milestoneActual 2024-03"]);
  });

  it("scores baseline, unit, rate base and notes where given", () => {
    const s = one(
      { baseline: 28.92, unit: "rate", ratePer: 100, notes: "Figures may differ" },
      { baseline: fig(28.92), unit: "rate", notes: "figures may differ." },
    );
    expect([s.byField.baseline.right, s.byField.unit.right, s.byField.ratePer.right, s.byField.notes.right]).toEqual([1, 1, 0, 1]);
  });
});

describe("entries, the reporting date and the first scores", () => {
  it("refuses an also row that is blank, and a milestone month written otherwise", () => {
    const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5", also: [{ sheet: "Nov 23", row: 40 }], milestones: [{ due: "Jul 23", target: 1 }] }]);
    expect(entryProblems(e, "t.json")).toEqual([
      't.json: Nov 24!row 5: milestone due "Jul 23" must be YYYY-MM',
      "t.json: Nov 24!row 5: also Nov 23!row 40: no such row or cell, or it is blank",
    ]);
  });

  it("takes the reporting date as right in the entry's month, or the month it names instead", () => {
    const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5" }]);
    expect([reportingDateRight(e, "2024-11-01"), reportingDateRight(e, "2024-10-31")]).toEqual([true, false]);
    expect(reportingDateRight({ ...e, inferredAsOf: "2024-10" }, "2024-10-31")).toBe(true);
  });

  it("sums the first scores kept in entries into the out-of-sample figures", () => {
    const first = (found: number, fieldsRight: number) => ({ found, expected: 10, returned: 10, returnedMatching: found, fieldsRight, fieldsScored: 50, engine: "6a6b83d", date: "2026-12-05" });
    const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5" }]);
    const o = outOfSample([{ ...e, firstScore: first(8, 40) }, { ...e, firstScore: first(10, 45) }, e]);
    expect(o).toEqual({ recall: 0.9, precision: 0.9, fields: 0.85, entries: 2 });
  });

  it("reads the first scores apart per floor set, entries in no set last, sets with no first score left out", () => {
    const first = (found: number) => ({ found, expected: 10, returned: 10, returnedMatching: found, fieldsRight: found, fieldsScored: 10, engine: "x", date: "2026-12-05" });
    const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5" }]);
    const entries = [{ ...e, id: "a", firstScore: first(8) }, { ...e, id: "b", firstScore: first(10) }, { ...e, id: "c", firstScore: first(6) }, { ...e, id: "d" }];
    const by = outOfSampleBySet(entries, [{ name: "old batch: on the baseline", ids: ["a", "b"] }, { name: "tuned", ids: ["d"] }]);
    expect(by.map((g) => [g.label, g.totals.entries, g.totals.recall])).toEqual([["old batch", 2, 0.9], ["in no set yet", 1, 0.6]]);
  });

  it("sums the first scores of the sets a round names, by label prefix, and no other", () => {
    const first = (found: number) => ({ found, expected: 10, returned: 10, returnedMatching: found, fieldsRight: found, fieldsScored: 10, engine: "x", date: "2026-12-06" });
    const e = entry([{ sheet: "Nov 24", row: 5, measure: "Measure 5" }]);
    const entries = [{ ...e, id: "a", firstScore: first(8) }, { ...e, id: "b", firstScore: first(10) }, { ...e, id: "c", firstScore: first(6) }, { ...e, id: "d", firstScore: first(2) }];
    const sets = [{ name: "b1: older engine", ids: ["d"] }, { name: "b2: this round", ids: ["a"] }, { name: "b2 (part 2): this round", ids: ["b"] }, { name: "b3: this round", ids: ["c"] }];
    const r = outOfSampleOfSets(entries, sets, ["b2", "b3"]);
    expect([r.entries, r.recall, r.sets]).toEqual([3, 0.8, ["b2", "b2 (part 2)", "b3"]]);
    expect(outOfSampleOfSets(entries, sets, ["zz"]).entries).toBe(0);
  });
});

describe("floors", () => {
  const scored = (id: string, found: number, fieldsRight: number): CorpusScore => ({
    id, expected: 10, found, returned: 10, returnedMatching: found, fieldsScored: 10, fieldsRight, misses: [], extra: [], duplicates: [],
    byField: Object.fromEntries(SCORED_FIELDS.map((f) => [f, f === "latest" ? { scored: 10, right: fieldsRight } : { scored: 0, right: 0 }])) as CorpusScore["byField"],
    inferredAsOf: "2024-11-30", inferredRight: true,
  });

  it("puts new entries in a set of their own, so a hard new entry lowers no old floor", () => {
    const first = raise({ sets: [], entries: {} }, [scored("a", 10, 10)], "first");
    const both = [scored("a", 10, 10), scored("b", 5, 3)];
    expect(falls(first, both)).toEqual([]);
    const next = raise(first, both, "second");
    expect(next.sets.map((s) => [s.name, s.ids, s.recall, s.fields])).toEqual([["first", ["a"], 1, 1], ["second", ["b"], 0.5, 0.3]]);
    expect(next.entries).toEqual({ a: { recall: 1, fields: 1, fieldsRight: 10, fieldsAt: 10 }, b: { recall: 0.5, fields: 0.3, fieldsRight: 3, fieldsAt: 5 } });
  });

  it("names every figure that fell, and never writes a lower floor", () => {
    const floor = raise({ sets: [], entries: {} }, [scored("a", 10, 9)], "first");
    expect(falls(floor, [scored("a", 9, 9)])).toEqual(["first: recall 0.9 < floor 1", "first: precision 0.9 < floor 1", "a: recall 0.9 < floor 1"]);
    expect(raise(floor, [scored("a", 10, 10)], "x").entries.a).toEqual({ recall: 1, fields: 1, fieldsRight: 10, fieldsAt: 10 });
    expect(falls(floor, [])).toEqual(["first: entries gone: a"]);
  });

  // An entry scored on fewer KPIs than it has: `scored` above, with the fields counted over the KPIs found.
  const partly = (id: string, found: number, fieldsRight: number): CorpusScore => {
    const s = scored(id, found, fieldsRight);
    return { ...s, fieldsScored: found, byField: { ...s.byField, latest: { scored: found, right: fieldsRight } } };
  };

  it("lets recall rise with some fields wrong (the number right holds), but not a real fall of fields", () => {
    const floor = raise({ sets: [], entries: {} }, [partly("a", 4, 4)], "first");
    expect([floor.entries.a, floor.sets[0].fieldsRight, floor.sets[0].fieldsAt, floor.sets[0].byFieldRight]).toEqual([
      { recall: 0.4, fields: 1, fieldsRight: 4, fieldsAt: 4 }, 4, 4, { latest: [4, 4] },
    ]);
    // Six more KPIs found, five of their fields right: the ratio falls to 0.9, the number right rises to 9.
    expect(falls(floor, [partly("a", 10, 9)])).toEqual([]);
    // The same KPIs found, one field now wrong: a real fall, named for the entry, the set and the field.
    expect(falls(floor, [partly("a", 4, 3)])).toEqual([
      "first: fields 3 right < floor 4", "first: latest 3 right < floor 4", "a: fields 3 right < floor 4",
    ]);
    // More KPIs found but fewer fields right than before: still a fall.
    expect(falls(floor, [partly("a", 10, 3)])).toContain("a: fields 3 right < floor 4");
  });

  it("raises the number right with the found KPIs, and keeps a ratio that a rise in recall lowered", () => {
    const floor = raise(raise({ sets: [], entries: {} }, [partly("a", 4, 4)], "first"), [partly("a", 10, 9)], "x");
    expect([floor.entries.a, floor.sets[0].fields, floor.sets[0].fieldsRight, floor.sets[0].fieldsAt]).toEqual([
      { recall: 1, fields: 1, fieldsRight: 9, fieldsAt: 4 }, 1, 9, 4,
    ]);
    expect(falls(floor, [partly("a", 10, 9)])).toEqual([]);
    expect(falls(floor, [partly("a", 10, 8)])).toEqual(["first: fields 8 right < floor 9", "first: latest 8 right < floor 9", "a: fields 8 right < floor 9"]);
    // Back to the ten found with every field right: the ratio floor is reached again and moves to ten KPIs.
    expect(raise(floor, [partly("a", 10, 10)], "x").entries.a).toEqual({ recall: 1, fields: 1, fieldsRight: 10, fieldsAt: 10 });
  });

  it("holds a floor recorded on no KPIs found (fields 1 from 0/0) to its number right only", () => {
    const floor = raise({ sets: [], entries: {} }, [partly("a", 0, 0)], "first");
    expect(floor.entries.a).toEqual({ recall: 0, fields: 1, fieldsRight: 0, fieldsAt: 0 });
    expect(falls(floor, [partly("a", 1, 0)])).toEqual([]);
    // A floor written before the counts were kept holds its ratio as it always did.
    expect(falls({ ...floor, entries: { a: { recall: 0, fields: 1 } } }, [partly("a", 0, 0)])).toEqual([]);
    expect(falls({ sets: [], entries: { a: { recall: 0.4, fields: 1 } } }, [partly("a", 10, 9)])).toEqual(["a: fields 0.9 < floor 1"]);
  });
});
