// Excel.Functions (ExcelApi 1.2): worksheet functions evaluated by Excel. The host has DATE, which tells a
// workbook's date system in any Excel: DATE(1904,1,1) is 0 in the 1904 system and 1,462 in the 1900 system
// (Excel's own serials; Workbook.use1904DateSystem is a preview API, absent from the production office.js).
import type { WorkbookModel } from "../model/types";
import { richApiError } from "../errors";
import { HostObject, type Getter } from "./base";

interface Evaluated {
  value: number | null;
  error: string | null;
}

/** Excel.FunctionResult: `value` (or `error`, such as "#NUM!") once loaded and synced. */
export class FunctionResult extends HostObject<Evaluated> {
  protected scalars(): Record<string, Getter<Evaluated>> {
    return { value: (t) => t.value, error: (t) => t.error };
  }
  get value(): number | null { return this.get("value"); }
  get error(): string | null { return this.get("error"); }
}

const MS_PER_DAY = 86_400_000;

/** DATE(year, month, day) as Excel computes it: months and days roll over; years 0-1899 count from 1900. */
export function dateSerial(year: number, month: number, day: number, date1904: boolean): Evaluated {
  if (![year, month, day].every(Number.isFinite)) return { value: null, error: "#VALUE!" };
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  if (y > 9999) return { value: null, error: "#NUM!" };
  const utc = Date.UTC(y, Math.trunc(month) - 1, 1) + (Math.trunc(day) - 1) * MS_PER_DAY;
  // The 1900 system counts from 1899-12-31 as 1 and keeps Lotus's 29 February 1900: from March 1900 on, days since 1899-12-30.
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  let serial = Math.round((utc - base) / MS_PER_DAY);
  if (!date1904 && utc < Date.UTC(1900, 2, 1)) serial -= 1;
  if (serial < 0) return { value: null, error: "#NUM!" };
  return { value: serial, error: null };
}

export class Functions extends HostObject<WorkbookModel> {
  protected scalars(): Record<string, Getter<WorkbookModel>> {
    return {};
  }

  date(year: number, month: number, day: number): FunctionResult {
    const r = new FunctionResult(this.ctx, () => {
      const m = this.target();
      if (m === null) throw richApiError("InvalidArgument");
      return dateSerial(year, month, day, m.date1904);
    });
    return r.registerCreation({ call: "date", args: [year, month, day] });
  }
}
