// Take the user to a cell: activate its sheet and select it. Excel cannot show a cell on a hidden
// sheet, so the sheet is looked at first (one sync) and a hidden one is explained, with what the user
// can do, rather than failing with Excel's generic error; then activate and select (one more sync).
// The add-in does not unhide the sheet itself: it changes nothing in the user's sheets.

/** A cell that could not be selected, in words for the user. */
export class NavigateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NavigateError";
  }
}

function hiddenSheetMessage(sheet: string, address: string, visibility: string): string {
  const cell = address.split(":")[0].replace(/\$/g, "");
  if (visibility === "VeryHidden") {
    return (
      `'${sheet}' is a very hidden sheet, so Excel cannot show ${cell} there, and its Unhide list does not offer it. ` +
      `Whoever keeps the workbook can make it visible in Excel's Visual Basic editor (the sheet's Visible property); the KPI's figures are in "Why this rating?".`
    );
  }
  return `'${sheet}' is a hidden sheet, so Excel cannot show ${cell} there. To see it, right-click any sheet tab, choose Unhide, pick '${sheet}', then use Go to again.`;
}

export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load("visibility");
  await context.sync();
  if (ws.isNullObject) throw new NavigateError(`The sheet '${sheet}' is not in the workbook any more (renamed or deleted?). Scan the workbook again.`);
  if (ws.visibility !== "Visible") throw new NavigateError(hiddenSheetMessage(sheet, address, ws.visibility));
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
