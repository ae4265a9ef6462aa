// `scan --json` prints the result as JSON.stringify(result, null, 2) would, but piece by piece: each
// item of a top-level array is stringified alone. One string for a workbook of 300,000 KPIs passes
// V8's largest string (about 512 MB) and fails with "Invalid string length"; pieces never do.

/** Write `value` (a plain object) as two-space-indented JSON through `out`, one array item at a time. */
export function writeJson(value: Record<string, unknown>, out: (s: string) => void): void {
  const keys = Object.keys(value).filter((k) => printable(value[k]));
  if (keys.length === 0) {
    out("{}\n");
    return;
  }
  out("{\n");
  keys.forEach((key, i) => {
    const v = value[key];
    const comma = i < keys.length - 1 ? "," : "";
    if (Array.isArray(v) && v.length > 0) {
      out(`  ${JSON.stringify(key)}: [\n`);
      v.forEach((item, j) => out(`    ${indented(printable(item) ? JSON.stringify(item, null, 2) : "null", "    ")}${j < v.length - 1 ? "," : ""}\n`));
      out(`  ]${comma}\n`);
    } else {
      out(`  ${JSON.stringify(key)}: ${indented(JSON.stringify(v, null, 2), "  ")}${comma}\n`);
    }
  });
  out("}\n");
}

/** What JSON.stringify keeps as an object's member (it leaves out undefined, functions and symbols). */
function printable(v: unknown): boolean {
  return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
}

/** Nested lines moved right: JSON text holds no raw line breaks inside strings, so every "\n" starts a line. */
function indented(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}
