// Which date system the workbook counts in. Workbook.use1904DateSystem is a preview API (absent from the
// production office.js and @types/office-js), so it is asked of Excel itself: DATE(1904,1,1) through
// context.workbook.functions (ExcelApi 1.2) is 0 in the 1904 system and 1,462 in the 1900 system. One
// queued function call, read at the caller's next sync.
import { isSetSupported, REQUIREMENTS } from "./requirements";

export type DateProbe = Excel.FunctionResult<number> | null;

/** Queue the probe (null where Excel has no worksheet functions: the 1900 system is assumed). */
export function queueDateSystem(context: Excel.RequestContext): DateProbe {
  if (!isSetSupported(REQUIREMENTS.functions.name, REQUIREMENTS.functions.version)) return null;
  const r = context.workbook.functions.date(1904, 1, 1);
  r.load("value");
  return r;
}

/** After the sync: whether the workbook's serials count from 1904. */
export function uses1904(probe: DateProbe): boolean {
  return probe !== null && probe.value === 0;
}
