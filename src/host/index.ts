// A headless Excel: the subset of the Excel JavaScript API that src/excel uses, over an
// in-memory workbook that loads and saves real .xlsx files. Used by the command line, the
// browser preview and the tests, so that all of them run the same src/excel code as Excel does.
//
// CONTRACT (other layers rely on exactly this surface):
//   openWorkbook(bytes, options?) -> HeadlessWorkbook   load an .xlsx (throws WorkbookOpenError with a plain reason)
//   newWorkbook(options?)         -> HeadlessWorkbook   an empty workbook with one sheet "Sheet1" (synchronous)
//   wb.run(batch)                 like Excel.run: batch receives an Excel.RequestContext
//   wb.stats                      every context.sync() counted, with request/response payload bytes
//   wb.save()                     -> Uint8Array of a real .xlsx (charts included as DrawingML parts)
//   wb.saveCopy()                 -> the opened file's bytes with only the add-in's sheets, names and settings patched in
//   wb.isSetSupported(name, ver)  the host's requirement sets (options.unsupportedRequirementSets: ["ExcelApi 1.13"])
//   wb.run(options, batch)        Excel.RunOptions: delayForCellEdit waits while wb.setCellEditing(true), else the batch fails
//   wb.coauthor()                 another person's session over the same workbook (events arrive there as "Remote")
//   wb.injectFault(sync, cmd)     make a sync fail at one command (a test's way of failing a write part-way)
//   wb.stats.undoClears           every call that cleared the user's undo stack, with where Microsoft says so
//                                 (with "ExcelApi 1.20" unsupported: every change, as Excel before API undo support)
//
// Strict as Excel: PropertyNotLoaded before load+sync (and after a write until loaded again);
// ItemNotFound at sync for getItem, null objects for *OrNullObject; InvalidArgument for values of the
// wrong shape; AccessDenied for any change to a protected sheet; RequestPayloadSizeLimitExceeded /
// ResponsePayloadSizeLimitExceeded over options.payloadLimitBytes; RangeExceedsLimit for a read over
// cellReadLimit cells (or null values, with options.overCellLimit "null"); getMergedAreasOrNullObject
// fails past 512 areas.
// A failed sync keeps the commands before the one that failed (Excel runs a batch in order, with no
// transaction); nothing loaded in it reaches the proxies. A deleted sheet leaves #REF! in the formulas that
// referred to it. worksheets.onChanged and settings.onSettingsChanged are raised after each sync, in every
// session ("Local" in the one that made the change, "Remote" in a co-author's). Excel.run's final flush is
// done too (it counts as a sync).
// Stricter than Excel: assigning a property the host does not implement throws a TypeError naming it.
// Calculated as Excel does in automatic mode (calc/recalc.ts): after a sync, the formulas written and those
// that read a changed cell get their values, for the functions of src/core/formula; another formula keeps
// the value it had (a file's cached value, or none for one written through the API).
export type { HeadlessWorkbook, HostOptions, HostRunOptions, SyncStats, UndoClear } from "./contract";
export { WorkbookOpenError } from "./contract";
export { openWorkbook, newWorkbook } from "./headlessWorkbook";
export { isRichApiError } from "./errors";
export { copyExtension } from "./xlsx/patchPackage";
export type { RichApiErrorShape } from "./errors";
