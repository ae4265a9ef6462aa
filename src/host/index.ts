// A headless Excel: the subset of the Excel JavaScript API that src/excel uses, over an
// in-memory workbook that loads and saves real .xlsx files. Used by the command line, the
// browser preview and the tests, so that all of them run the same src/excel code as Excel does.
//
// CONTRACT (other layers rely on exactly this surface):
//   openWorkbook(bytes, options?) -> HeadlessWorkbook   load an .xlsx (throws WorkbookOpenError with a plain reason)
//   newWorkbook(options?)         -> HeadlessWorkbook   an empty workbook with one sheet "Sheet1"
//   wb.run(batch)                 like Excel.run: batch receives an Excel.RequestContext
//   wb.stats                      every context.sync() counted, with request/response payload bytes
//   wb.save()                     -> Uint8Array of a real .xlsx (charts included as DrawingML parts)
export type { HeadlessWorkbook, HostOptions, SyncStats } from "./contract";
export { WorkbookOpenError } from "./contract";
export { openWorkbook, newWorkbook } from "./headlessWorkbook";
export { isRichApiError } from "./errors";
export type { RichApiErrorShape } from "./errors";
