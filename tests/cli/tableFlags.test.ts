// --table, --header-rows and --role on the command line: a table nothing could recognise is read as the user
// says, and `scorecard` stores the declaration in the copy so that a later scan of it needs no flags.
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "kpi-table-flags-"));
const file = join(dir, "board.xlsx");
const FLAGS = ["--table", "Board!B4:E7", "--header-rows", "0", "--role", "C=latest", "--role", "D=target", "--role", "E=previous", "--as-of", "2024-03-31"];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Board");
  [
    ["Families seen this month", 412, 400, 388],
    ["Hours of respite delivered", 1290, 1500, 1100],
    ["Young carers identified", 37, 45, 29],
    ["Short breaks arranged", 86, 80, 91],
  ].forEach((r, i) => r.forEach((v, j) => (ws.getCell(4 + i, 2 + j).value = v)));
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});

const kpisOf = (json: string) =>
  (JSON.parse(json) as { tables: { kpis: { measure: string; latest: { value: number }; currentTarget: { value: number }; previous: { value: number } }[] }[] }).tables.flatMap((t) =>
    t.kpis.map((k) => [k.measure, k.latest.value, k.currentTarget.value, k.previous.value]),
  );

const EXPECTED = [
  ["Families seen this month", 412, 400, 388],
  ["Hours of respite delivered", 1290, 1500, 1100],
  ["Young carers identified", 37, 45, 29],
  ["Short breaks arranged", 86, 80, 91],
];

it("without flags the rows are not a KPI table; with them, four KPIs with the right latest, target and previous", async () => {
  expect(JSON.parse((await run("scan", file, "--json", "--as-of", "2024-03-31")).out).tables).toEqual([]);
  const { code, out, err } = await run("scan", file, "--json", ...FLAGS);
  expect([code, err]).toEqual([0, ""]);
  expect(kpisOf(out)).toEqual(EXPECTED);
  expect(JSON.parse(out).tables[0].userDefined).toBe(true);
});

it("the scorecard copy made with the flags rescans to the same four KPIs without them", async () => {
  const copy = join(dir, "board-scorecard.xlsx");
  expect((await run("scorecard", file, "-o", copy, ...FLAGS)).code).toBe(0);
  const { code, out } = await run("scan", copy, "--json", "--as-of", "2024-03-31");
  expect(code).toBe(0);
  expect(kpisOf(out)).toEqual(EXPECTED);
});

it.each([
  [["--table", "Board"], /--table must be a sheet and a range/],
  [["--table", "Nope!B4:E7"], /there is no sheet "Nope"/],
  [["--table", "Board!B4:E7", "--header-rows", "7"], /--header-rows must be 0, 1, 2 or 3/],
  [["--table", "Board!B4:E4", "--header-rows", "1"], /no row is left for KPIs/],
  [["--role", "C=latest"], /--header-rows and --role describe the table given with --table/],
  [["--table", "Board!B4:E7", "--role", "C=newest"], /--role must be COLUMN=ROLE/],
  [["--table", "Board!B4:E7", "--role", "H=latest"], /column H is outside B4:E7/],
])("refuses %j in one line with exit 2", async (flags, message) => {
  const { code, err } = await run("scan", file, ...flags);
  expect(code).toBe(2);
  expect(err).toMatch(message);
  expect(err.trim().split("\n")).toHaveLength(1);
});
