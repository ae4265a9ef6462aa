// A deflate stream of a gigabyte of spaces in about a megabyte: one fully flushed block of a mebibyte,
// repeated, so it is built in a second without ever holding the gigabyte.
import { deflateRawSync, constants } from "node:zlib";
import CRC32 from "crc-32";

const MiB = 1024 * 1024;
let cached: { bytes: Uint8Array; size: number; crc: number } | null = null;

/** prefix + spaces + suffix, deflated; the spaces are `mebibytes` MiB. */
export function spaceBomb(prefix: string, mebibytes: number, suffix: string): { bytes: Uint8Array; size: number; crc: number } {
  if (cached && prefix === "" && suffix === "" && mebibytes === 1024) return cached;
  const spaces = Buffer.alloc(MiB, 0x20);
  const block = deflateRawSync(spaces, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = deflateRawSync(Buffer.from(prefix), { finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateRawSync(Buffer.from(suffix)); // the final block
  const bytes = Buffer.concat([head, ...Array.from({ length: mebibytes }, () => block), tail]);
  let crc = CRC32.bstr(prefix);
  for (let i = 0; i < mebibytes; i++) crc = CRC32.buf(spaces, crc);
  crc = CRC32.bstr(suffix, crc);
  const out = { bytes: new Uint8Array(bytes), size: Buffer.byteLength(prefix) + mebibytes * MiB + Buffer.byteLength(suffix), crc: crc >>> 0 };
  if (prefix === "" && suffix === "" && mebibytes === 1024) cached = out;
  return out;
}
