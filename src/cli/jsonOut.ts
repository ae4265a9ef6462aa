// `scan --json` prints the result as JSON.stringify(result, null, 2) would, but piece by piece: one
// string for a workbook of 300,000 KPIs passes V8's largest string (about 512 MB) and fails with
// "Invalid string length". The text is built in chunks of about 64 KB, each passed to `out`.

const CHUNK = 64 * 1024;

/** Write `value` as two-space-indented JSON, then a line break, through `out`, a chunk at a time. */
export function writeJson(value: unknown, out: (s: string) => void): void {
  let buffer = "";
  const put = (s: string) => {
    buffer += s;
    if (buffer.length >= CHUNK) {
      out(buffer);
      buffer = "";
    }
  };
  emit(value, "", put);
  out(`${buffer}\n`);
}

function emit(value: unknown, pad: string, put: (s: string) => void): void {
  const v = jsonValueOf(value);
  if (Array.isArray(v)) {
    if (v.length === 0) return put("[]");
    put("[");
    v.forEach((item, i) => {
      put(`${i ? "," : ""}\n${pad}  `);
      if (printable(item)) emit(item, `${pad}  `, put);
      else put("null");
    });
    return put(`\n${pad}]`);
  }
  if (v !== null && typeof v === "object") {
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => printable(jsonValueOf(record[k])));
    if (keys.length === 0) return put("{}");
    put("{");
    keys.forEach((key, i) => {
      put(`${i ? "," : ""}\n${pad}  ${JSON.stringify(key)}: `);
      emit(record[key], `${pad}  `, put);
    });
    return put(`\n${pad}}`);
  }
  put(JSON.stringify(v));
}

/** What JSON.stringify writes for a value with toJSON (a Date): its toJSON(). */
function jsonValueOf(v: unknown): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON: () => unknown }).toJSON() : v;
}

/** What JSON.stringify keeps as an object's member (it leaves out undefined, functions and symbols). */
function printable(v: unknown): boolean {
  return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
}
