// Payload sizes as Excel on the web measures them: the JSON of the request and the response.

/** UTF-8 byte length of the JSON text of a value. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  if (s === undefined) return 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
