// Take the user to a cell: activate its sheet and select it, in one sync.

/** A cell that could not be selected, in words for the user. */
export class NavigateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NavigateError";
  }
}

export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ItemNotFound") {
      throw new NavigateError(`The sheet '${sheet}' is not in the workbook any more (renamed or deleted?). Scan the workbook again.`);
    }
    if (code === "InvalidArgument") throw new NavigateError(`'${address}' is not a cell on '${sheet}'. Scan the workbook again.`);
    throw e;
  }
}
