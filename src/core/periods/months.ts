// Month names as UK reports write them: full, three-letter, and "Sept".

/** A regex source matching one month name (lower case), to be wrapped in a capturing group. */
export const MONTH_NAME = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/** "sept" -> 9, "january" -> 1; null for anything else. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  const i = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(key);
  return i < 0 ? null : i + 1;
}

/**
 * A written year to a full year. Two digits are always 2000-2099: KPI reports label this
 * century's periods ("Jan 30" is January 2030), unlike Excel's 1930-1999 pivot for 30-99, which
 * was made for birth dates. Null for anything that is not two or four digits.
 */
export function fullYear(written: string): number | null {
  const digits = written.replace(/^'/, "");
  if (/^\d{4}$/.test(digits)) return Number(digits);
  if (/^\d{2}$/.test(digits)) {
    return 2000 + Number(digits);
  }
  return null;
}

/**
 * A pair of consecutive years as UK reports write them ("2023/24", "2022-23", "22/23",
 * "2023/2024"), to its first year. Null when the two years are not consecutive.
 */
export function yearPairStart(first: string, second: string): number | null {
  const a = fullYear(first);
  if (a === null) return null;
  const b = second.length === 4 ? Number(second) : a - (a % 100) + Number(second) + (a % 100 === 99 ? 100 : 0);
  if (!/^\d{2}$|^\d{4}$/.test(second) || b !== a + 1) return null;
  return a;
}
