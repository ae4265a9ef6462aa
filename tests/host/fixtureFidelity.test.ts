import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { openWorkbook } from "../../src/host";
import type { HeadlessWorkbook } from "../../src/host";

const dir = join(__dirname, "..", "fixtures");
const workbooks = readdirSync(dir).filter((f) => f.endsWith(".xlsx") && !["not-a-workbook.xlsx", "password-protected.xlsx"].includes(f));

interface SheetDump {
  name: string;
  visibility: string;
  protected: boolean;
  address: string | null;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  text: string[][];
}

async function dump(wb: HeadlessWorkbook): Promise<SheetDump[]> {
  return wb.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/visibility, items/protection/protected");
    await context.sync();
    const used = sheets.items.map((s) => {
      const r = s.getUsedRangeOrNullObject();
      r.load("address, values, formulas, numberFormat, text");
      return r;
    });
    await context.sync();
    return sheets.items.map((s, i) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
      address: used[i].isNullObject ? null : used[i].address,
      values: used[i].isNullObject ? [] : used[i].values,
      formulas: used[i].isNullObject ? [] : used[i].formulas,
      numberFormat: used[i].isNullObject ? [] : used[i].numberFormat,
      text: used[i].isNullObject ? [] : used[i].text,
    }));
  });
}

describe.each(workbooks)("%s survives open -> save -> open unchanged", (file) => {
  it("every cell's value, formula, number format and text, and each sheet's visibility and protection", async () => {
    const first = await openWorkbook(new Uint8Array(readFileSync(join(dir, file))));
    const before = await dump(first);
    const second = await openWorkbook(await first.save());
    const after = await dump(second);
    expect(after).toEqual(before);
  });
});
