// What the user has selected in Excel, for "Use selection as KPI table": the selected range's sheet and
// address, cut to the cells that hold something (a selection of whole columns is the table within them).
// One sync.

/** A selection that cannot be a table, in words for the user. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

export interface SelectedRange {
  sheet: string;
  /** The filled part of the selection, as "B4:E7". */
  range: string;
  /** The selection as the user made it ("B:E", "B3:F9"). */
  selected: string;
}

/** "'Q2 KPIs'!$B$4:$E$7" -> "B4:E7". */
function rangePart(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

export async function readSelection(context: Excel.RequestContext): Promise<SelectedRange> {
  const selected = context.workbook.getSelectedRange();
  selected.load("address");
  // The selection is on the active sheet.
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = selected.getUsedRangeOrNullObject(true);
  used.load("address");
  try {
    await context.sync();
  } catch (e) {
    // Several areas, a chart or a shape selected: Excel has no single range to give.
    if ((e as { code?: string }).code === "InvalidSelection") throw new SelectionError("Select one block of cells (not several areas, a chart or a shape), then try again.");
    throw e;
  }
  const selectedRange = rangePart(selected.address);
  if (used.isNullObject) throw new SelectionError(`Nothing is typed in ${selectedRange} on ${sheet.name}. Select the KPI table's cells, its heading row too if it has one, then try again.`);
  return { sheet: sheet.name, range: rangePart(used.address), selected: selectedRange };
}

/** Show a sheet, as clicking its tab in Excel does (its own selection comes back with it). One sync. */
export async function showSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  context.workbook.worksheets.getItem(sheet).activate();
  await context.sync();
}
