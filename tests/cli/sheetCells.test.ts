// The flat store of a sheet's cells as read: the reading order it gives (rows in the order the file first lists
// them, each row's cells by column, the last of a cell listed twice) and the cells of a row from a column on.
import { SheetCells } from "../../src/cli/sheetCells";

function listed(cells: SheetCells): string[] {
  const out: string[] = [];
  for (let k = 0; k < cells.count; k++) {
    const i = cells.at(k);
    out.push(`${cells.row(i)},${cells.col(i)}=${String(cells.value(i))}${cells.formula(i) ? "f" : ""}/${cells.style(i)}`);
  }
  return out;
}

function rowFrom(cells: SheetCells, row: number, col: number): string[] {
  const [from, end] = cells.rowFrom(row, col);
  const out: string[] = [];
  for (let k = from; k < end; k++) out.push(`${cells.col(cells.at(k))}`);
  return out;
}

describe("SheetCells", () => {
  it("keeps cells listed in reading order as they are, past its first capacity", () => {
    const cells = new SheetCells();
    for (let r = 0; r < 600; r++) for (let c = 0; c < 4; c++) cells.add(r, c * 2, r * 10 + c, c, c === 3);
    cells.finish();
    expect(cells.count).toBe(2400);
    expect(listed(cells).slice(0, 5)).toEqual(["0,0=0/0", "0,2=1/1", "0,4=2/2", "0,6=3f/3", "1,0=10/0"]);
    expect(rowFrom(cells, 599, 3)).toEqual(["4", "6"]);
    expect(rowFrom(cells, 600, 0)).toEqual([]);
  });

  it("reads rows listed out of order in the order the file first lists them, each by column, the last of a duplicate kept", () => {
    const cells = new SheetCells();
    cells.add(5, 3, "a", 0, false);
    cells.add(5, 1, "b", 0, false);
    cells.add(2, 0, "c", 1, false);
    cells.add(5, 3, "d", 2, true);
    cells.add(2, 4, "e", 0, false);
    cells.finish();
    expect(listed(cells)).toEqual(["5,1=b/0", "5,3=df/2", "2,0=c/1", "2,4=e/0"]);
    expect(rowFrom(cells, 5, 2)).toEqual(["3"]);
    expect(rowFrom(cells, 2, 0)).toEqual(["0", "4"]);
    expect(rowFrom(cells, 3, 0)).toEqual([]);
  });

  it("empties a cell a merged area covers", () => {
    const cells = new SheetCells();
    cells.add(0, 0, "top", 0, false);
    cells.add(0, 1, "=x", 0, true);
    cells.finish();
    cells.clear(cells.at(1));
    expect(listed(cells)).toEqual(["0,0=top/0", "0,1=null/0"]);
  });
});
