// What a cell shows through the API (values, text, valueTypes, formulas) and how a value written
// through the API is stored, following Excel's rules for typed input.
import * as numfmt from "numfmt";
import type { RawValue, ValueType } from "../../core/snapshot";
import type { CellModel, CellValue } from "./types";

export const GENERAL = "General";

export function numberFormatOf(cell: CellModel | undefined): string {
  return cell?.style?.numFmt ?? GENERAL;
}

function isError(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null;
}

/** `range.values` of one cell: "" when empty, the cached result for a formula, "#N/A" for errors. */
export function rawValueOf(cell: CellModel | undefined): RawValue {
  if (!cell || cell.value === null) return "";
  return isError(cell.value) ? cell.value.error : cell.value;
}

export function valueTypeOf(cell: CellModel | undefined): ValueType {
  if (!cell || cell.value === null || cell.value === "") return "Empty";
  const v = cell.value;
  if (isError(v)) return "Error";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return "Double";
  return "String";
}

/** `range.formulas` of one cell: "=..." for a formula, else the value. */
export function formulaOf(cell: CellModel | undefined): RawValue {
  if (cell?.formula !== undefined) return `=${cell.formula}`;
  return rawValueOf(cell);
}

/** Days from 1900-01-00 to 1904-01-01: a 1904-system serial shows the date of serial + this in the 1900 system. */
const DAYS_1900_TO_1904 = 1462;

/**
 * `range.text` of one cell: the value as displayed with its number format applied. In a workbook on
 * the 1904 date system a date serial counts from 1904-01-01 (numfmt knows only 1900, so it is moved).
 */
export function textOf(cell: CellModel | undefined, date1904 = false): string {
  if (!cell || cell.value === null) return "";
  return textOfValue(cell.value, numberFormatOf(cell), date1904);
}

/** A General number Excel shows as JavaScript writes it: plain digits, ten at most (no exponent, no rounding). */
const PLAIN_GENERAL = /^-?\d+(?:\.\d+)?$/;

function plainGeneral(v: number): string | null {
  const s = String(v);
  if (s.length > 12 || !PLAIN_GENERAL.test(s)) return null;
  let digits = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48) digits++;
  return digits <= 10 ? s : null;
}

/** The text a value shows under a number format (textOf without the cell). */
export function textOfValue(v: CellValue, fmt: string, date1904 = false): string {
  if (v === null) return "";
  if (isError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number" && fmt === GENERAL) {
    const plain = plainGeneral(v);
    if (plain !== null) return plain;
  }
  if (typeof v === "string") {
    // A text section ("@") can decorate text; otherwise text shows as typed.
    if (fmt.includes("@")) return safeFormat(fmt, v) ?? v;
    return v;
  }
  const shown = date1904 && isDateFormat(fmt) ? v + DAYS_1900_TO_1904 : v;
  return safeFormat(fmt, shown) ?? String(v);
}

const dateFormats = new Map<string, boolean>();

function isDateFormat(fmt: string): boolean {
  const known = dateFormats.get(fmt);
  if (known !== undefined) return known;
  let isDate = false;
  try {
    isDate = numfmt.isDateFormat(fmt);
  } catch {
    isDate = false;
  }
  dateFormats.set(fmt, isDate);
  return isDate;
}

function safeFormat(fmt: string, v: number | string): string | null {
  try {
    return numfmt.format(fmt, v, { nbsp: false, throws: false, leap1900: true });
  } catch {
    return null;
  }
}

/** Typed as they are, these become error values in Excel, not text. */
const ERROR_LITERALS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]);

/** A value as written by the API: a cell's new value, formula and (for typed numbers) format. */
export interface WrittenValue {
  value: CellValue;
  formula?: string;
  quotePrefix?: boolean;
  /** Number format Excel applies when it recognises typed input ("50%" -> "0%"), if the cell's is General. */
  impliedFormat?: string;
}

/**
 * Excel's rules for a value written to `values` or `formulas`: "=..." is a formula; so is text that
 * begins with "+", "-" or "@" and is not a number (Excel parses it as a formula); a leading
 * apostrophe keeps the rest as text; text that reads as a number, percentage, date or boolean is
 * converted; a cell formatted as text ("@") keeps what is written.
 */
export function interpretWrite(input: unknown, currentFormat: string): WrittenValue | "invalid" {
  if (input === null || input === undefined) return "invalid";
  if (typeof input === "number") return Number.isFinite(input) ? { value: input } : "invalid";
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") return "invalid";
  if (input === "") return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (currentFormat === "@") return { value: input };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input.slice(1) };
  if (ERROR_LITERALS.has(input.toUpperCase())) return { value: { error: input.toUpperCase() } };
  const parsed = numfmt.parseValue(input);
  if (parsed && (typeof parsed.v === "number" || typeof parsed.v === "boolean")) {
    return { value: parsed.v, impliedFormat: parsed.z };
  }
  if (/^[+\-@]./.test(input)) return { value: null, formula: input.startsWith("@") ? input.slice(1) : input };
  return { value: input };
}
