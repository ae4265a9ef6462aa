// Corpus entries can keep a range as an Excel table (ListObject): the built workbook holds the table part,
// the cells keep their formats, and a malformed table is refused before anything is built.
import JSZip from "jszip";
import { buildEntry } from "../../scripts/corpus/build";
import { entryProblems, type CorpusEntry, type CorpusTable } from "../../scripts/corpus/entry";
import { workbookBytes } from "../../scripts/fixtures/workbook";

function entry(tables: CorpusTable[]): CorpusEntry {
  return {
    id: "t",
    source: { publisher: "P", sector: "council", title: "T", date: "2024-01-01", url: "https://example.org" },
    asOf: "2024-03-31",
    sheets: [
      {
        name: "KPIs",
        rows: [
          ["Title"],
          [],
          ["Measure", "2022/23", "2023/24"],
          ["Repairs fixed first time", { v: 0.88, fmt: "0%" }, { v: 0.855, fmt: "0.0%" }],
        ],
        tables,
      },
    ],
    expected: [{ sheet: "KPIs", row: 4, measure: "Repairs fixed first time" }],
  };
}

describe("Excel tables in corpus entries", () => {
  it("builds the range as a table part and keeps the cells' number formats", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes(buildEntry(entry([{ name: "Repairs", ref: "A3:C4" }]))));
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(table).toContain('name="Repairs"');
    expect(table).toContain('ref="A3:C4"');
    expect([...table.matchAll(/tableColumn id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Measure", "2022/23", "2023/24"]);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain("<tableParts");
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain('formatCode="0.0%"');
  });

  it("refuses a table whose range, header or name is wrong", () => {
    const say = (t: CorpusTable[]) => entryProblems(entry(t), "t.json").join("\n");
    expect(say([{ name: "Repairs", ref: "A3:C4" }])).toBe("");
    expect(say([{ name: "Repairs", ref: "A3" }])).toMatch(/must be an A1 range/);
    expect(say([{ name: "Repairs", ref: "A2:C4" }])).toMatch(/every header cell must hold text/);
    expect(say([{ name: "Repairs", ref: "A3:C9" }])).toMatch(/runs past the sheet's last row/);
    expect(say([{ name: "1st", ref: "A3:C4" }])).toMatch(/name must start/);
    expect(say([{ name: "R", ref: "A3:C4" }, { name: "r", ref: "A3:B4" }])).toMatch(/name used twice/);
  });
});
