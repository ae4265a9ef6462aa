// `scan --json` prints the result as JSON.stringify(result, null, 2) would, but piece by piece: one
// string for a workbook of 300,000 KPIs passes V8's largest string (about 512 MB) and fails with
// "Invalid string length". The text comes in chunks of 48 to 64 KB, and the writer waits whenever the
// output is full (a pipe to a slow reader): without that, Node queues every chunk in memory — 220 MB
// more at the peak for a 31 MB document. A small subtree (a KPI, a finding) is written by JSON.stringify
// itself, indented to its depth: stepping through every member in generators cost more than the scan's
// recognition on a workbook of 13,000 KPIs.

const CHUNK = 48 * 1024;
/** Subtrees whose strings and members come to at most this many characters are stringified whole. */
const WHOLE = 16 * 1024;

/** Write `value` as two-space-indented JSON and a line break, a chunk at a time, awaiting `out` when it asks to wait. */
export async function writeJson(value: unknown, out: (s: string) => unknown): Promise<void> {
  for (const chunk of jsonChunks(value)) {
    const wait = out(chunk);
    if (wait instanceof Promise) await wait;
  }
}

/** The JSON text of `value` (as JSON.stringify(value, null, 2) + "\n"), in chunks of 48 to 64 KB. */
export function* jsonChunks(value: unknown): Generator<string> {
  const parts: string[] = [];
  let size = 0;
  for (const piece of pieces(value, "")) {
    parts.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      yield parts.join("");
      parts.length = 0;
      size = 0;
    }
  }
  parts.push("\n");
  yield parts.join("");
}

function* pieces(value: unknown, pad: string): Generator<string> {
  const v = jsonValueOf(value);
  if (v !== null && typeof v === "object" && smallerThan(v, WHOLE)) {
    // JSON escapes every line break inside a string, so each "\n" of the text starts a line to indent.
    const text = JSON.stringify(v, null, 2);
    return yield pad ? text.replaceAll("\n", `\n${pad}`) : text;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return yield "[]";
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield `${i ? "," : ""}\n${pad}  `;
      if (printable(v[i])) yield* pieces(v[i], `${pad}  `);
      else yield "null";
    }
    return yield `\n${pad}]`;
  }
  if (v !== null && typeof v === "object") {
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => printable(jsonValueOf(record[k])));
    if (keys.length === 0) return yield "{}";
    yield "{";
    for (let i = 0; i < keys.length; i++) {
      yield `${i ? "," : ""}\n${pad}  ${JSON.stringify(keys[i])}: `;
      yield* pieces(record[keys[i]], `${pad}  `);
    }
    return yield `\n${pad}}`;
  }
  yield JSON.stringify(v);
}

/** Whether a value's strings, keys and members come to fewer than `limit` characters (a walk that stops there). */
function smallerThan(root: object, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    size += 8;
    if (typeof v === "string") size += v.length;
    else if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (typeof (v as { toJSON?: unknown }).toJSON === "function") stack.push((v as { toJSON: () => unknown }).toJSON());
      else {
        for (const k of Object.keys(v)) {
          size += k.length;
          stack.push((v as Record<string, unknown>)[k]);
        }
      }
    }
    if (size >= limit) return false;
  }
  return true;
}

/** What JSON.stringify writes for a value with toJSON (a Date): its toJSON(). */
function jsonValueOf(v: unknown): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON: () => unknown }).toJSON() : v;
}

/** What JSON.stringify keeps as an object's member (it leaves out undefined, functions and symbols). */
function printable(v: unknown): boolean {
  return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
}
