// --table, --header-rows and --role: the command line's way to say "this range is a KPI table", "it has no
// heading row", "column C is the latest". They apply to `scan` and `scorecard`; `scorecard` stores them in the
// copy's settings as the pane would, so a later scan of the copy needs no flags.
import { COLUMN_ROLES, type TableDeclaration } from "../core/corrections";
import { parseRangeAddress } from "../core/address";
import type { ColumnRoleName } from "../core/types";
import { usageError } from "./cliError";

export interface TableFlags {
  table?: string;
  headerRows?: number;
  role?: string[];
}

/** "Board!B4:E7", "'Q2 KPIs'!A3:H20" to a sheet and a range. */
export function tableOption(value: string): string {
  const at = value.lastIndexOf("!");
  const sheet = at > 0 ? value.slice(0, at).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : "";
  const range = at > 0 ? value.slice(at + 1) : "";
  if (!sheet || !parseRangeAddress(range.replace(/\$/g, ""))) {
    throw usageError(`--table must be a sheet and a range such as "Board!B4:E7" or "'Q2 KPIs'!A3:H20" (got "${value}").`);
  }
  return value;
}

export function headerRowsOption(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 3) throw usageError(`--header-rows must be 0, 1, 2 or 3 (0: the table has no heading row) (got "${value}").`);
  return n;
}

/** COL=ROLE, e.g. C=latest; repeatable. */
export function roleOption(value: string, previous: string[] = []): string[] {
  const m = /^\s*([A-Za-z]{1,3})\s*=\s*([a-z-]+)\s*$/.exec(value);
  if (!m || !COLUMN_ROLES.includes(m[2] as ColumnRoleName)) {
    throw usageError(`--role must be COLUMN=ROLE, e.g. C=latest, with ROLE one of ${COLUMN_ROLES.join(", ")} (got "${value}").`);
  }
  return [...previous, `${m[1].toUpperCase()}=${m[2]}`];
}

/** The declaration the flags make, or none; --header-rows and --role need --table. */
export function declarationsFrom(flags: TableFlags): TableDeclaration[] {
  if (!flags.table) {
    if (flags.headerRows !== undefined || flags.role?.length) throw usageError("--header-rows and --role describe the table given with --table; add --table \"Sheet!B4:E7\".");
    return [];
  }
  const at = flags.table.lastIndexOf("!");
  const sheet = flags.table.slice(0, at).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const range = flags.table.slice(at + 1).replace(/\$/g, "");
  const roles = (flags.role ?? []).map((r) => {
    const [column, role] = r.split("=");
    return { column, role: role as ColumnRoleName };
  });
  return [{ sheet, range, ...(flags.headerRows !== undefined ? { headerRows: flags.headerRows } : {}), ...(roles.length ? { roles } : {}) }];
}
