// The .xlsx package as a zip read from its central directory: each part is inflated only when it is
// asked for, never beyond the size the directory declares, and its CRC-32 is checked, so a damaged
// part is a refusal that names it rather than silently different cells, and a huge part nobody reads
// costs nothing.
import { Inflate } from "fflate";
import CRC32 from "crc-32";
import { OverLimit, PackageDamage } from "./loadErrors";
import type { StoredPart } from "./zipWriter";

/** One file of the zip, as its central directory describes it. */
export interface ZipEntry {
  /** The name as stored (OPC part names have no leading slash in a zip). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** MS-DOS modification time and date, kept when the part is copied into another package. */
  time: number;
  date: number;
}

const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/** Input handed to the inflater at a time: keeps the output of a bomb bounded as it grows. */
const INFLATE_CHUNK = 16 * 1024;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

function findEndOfDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

/** Sizes and offset from a ZIP64 extra field, for the fields the fixed header left at their maximum. */
function zip64Extra(b: Uint8Array, at: number, length: number, e: ZipEntry): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = u16(b, at), size = u16(b, at + 2);
    if (id === 1) {
      let p = at + 4;
      if (e.uncompressedSize === 0xffffffff) { e.uncompressedSize = u64(b, p); p += 8; }
      if (e.compressedSize === 0xffffffff) { e.compressedSize = u64(b, p); p += 8; }
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = u64(b, p);
      return;
    }
    at += 4 + size;
  }
}

export class ZipPackage {
  private readonly byName = new Map<string, ZipEntry>();
  readonly entries: ZipEntry[] = [];
  private readonly inflated = new Set<ZipEntry>();
  private spent = 0;
  /** The most the parts read may add up to once unpacked (declared sizes, counted before inflating). */
  budget = Infinity;

  /** Throws PackageDamage when the bytes are not a whole zip (cut short, directory damaged). */
  constructor(private readonly bytes: Uint8Array) {
    const eocd = findEndOfDirectory(bytes);
    if (eocd < 0) throw new PackageDamage("incomplete");
    let count = u16(bytes, eocd + 10);
    let dirSize = u32(bytes, eocd + 12);
    let dirOffset = u32(bytes, eocd + 16);
    if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR) {
      const at = u64(bytes, eocd - 12);
      if (at + 56 > bytes.length || u32(bytes, at) !== SIG_ZIP64_EOCD) throw new PackageDamage("directory");
      count = u64(bytes, at + 32);
      dirSize = u64(bytes, at + 40);
      dirOffset = u64(bytes, at + 48);
    }
    if (dirOffset + dirSize > bytes.length) throw new PackageDamage("incomplete");
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw new PackageDamage("directory");
      const flags = u16(bytes, p + 8);
      const nameLength = u16(bytes, p + 28), extraLength = u16(bytes, p + 30), commentLength = u16(bytes, p + 32);
      const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
      const e: ZipEntry = {
        name: (flags & 0x800 ? utf8 : latin1).decode(rawName).replace(/^\/+/, ""),
        method: u16(bytes, p + 10),
        flags,
        crc: u32(bytes, p + 16),
        compressedSize: u32(bytes, p + 20),
        uncompressedSize: u32(bytes, p + 24),
        localHeaderOffset: u32(bytes, p + 42),
        time: u16(bytes, p + 12),
        date: u16(bytes, p + 14),
      };
      zip64Extra(bytes, p + 46 + nameLength, extraLength, e);
      p += 46 + nameLength + extraLength + commentLength;
      if (e.name.endsWith("/")) continue; // a folder entry
      const key = e.name.toLowerCase();
      if (this.byName.has(key)) throw new PackageDamage("duplicate", e.name);
      this.byName.set(key, e);
      this.entries.push(e);
    }
  }

  /** The entry of a part, looked up case-insensitively as OPC part names are. */
  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.replace(/^\/+/, "").toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** Declared size of everything in the package once inflated. */
  get totalUncompressedSize(): number {
    return this.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  }

  /** The part's bytes, inflated and checked against its declared size and CRC-32; throws PackageDamage naming it. */
  bytesOf(part: string): Uint8Array {
    const e = this.entry(part);
    if (!e) throw new PackageDamage("missing", part);
    if (e.flags & 1) throw new PackageDamage("encrypted", e.name);
    if (!this.inflated.has(e)) {
      this.inflated.add(e);
      this.spent += e.uncompressedSize;
      if (this.spent > this.budget) throw new OverLimit("maxTotalBytes", this.budget, this.spent);
    }
    const raw = this.compressedOf(e);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw new PackageDamage("part", e.name);
      out = raw;
    } else if (e.method === 8) {
      out = inflateBounded(raw, e);
    } else {
      throw new PackageDamage("part", e.name);
    }
    if (crc32(out) !== e.crc) throw new PackageDamage("part", e.name);
    return out;
  }

  /** Where the entry's compressed bytes are, through its local header; throws PackageDamage naming it. */
  private compressedOf(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = e.localHeaderOffset;
    if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) throw new PackageDamage("part", e.name);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new PackageDamage("part", e.name);
    return b.subarray(start, end);
  }

  /** The part as stored (still compressed), to copy into another package unchanged; nothing is inflated. */
  storedOf(part: string): StoredPart {
    const e = this.entry(part);
    if (!e) throw new PackageDamage("missing", part);
    if (e.flags & 1) throw new PackageDamage("encrypted", e.name);
    return { name: e.name, method: e.method, crc: e.crc, uncompressedSize: e.uncompressedSize, compressed: this.compressedOf(e), time: e.time, date: e.date };
  }

  /** The part as text (UTF-8, with or without a byte-order mark). */
  textOf(part: string): string {
    return decodeText(this.bytesOf(part));
  }

  textOrNull(part: string): string | null {
    return this.has(part) ? this.textOf(part) : null;
  }
}

/** Node's own zlib where there is one (the command line): native speed, output capped by the declared size. */
interface NodeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }): Uint8Array;
  /** Node 20.15 and later: the same CRC-32 as the zip format's, unsigned. */
  crc32?(data: Uint8Array): number;
}
const nodeZlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("zlib") as NodeZlib | undefined;

/** A part's CRC-32 (unsigned), natively where Node has it: the JavaScript one costs a sheet of 20 MB ~30 ms. */
const crc32: (data: Uint8Array) => number = nodeZlib?.crc32 ? nodeZlib.crc32.bind(nodeZlib) : (data) => CRC32.buf(data) >>> 0;

/** Inflate exactly the declared size: more output, or less, means the part is damaged. */
function inflateBounded(raw: Uint8Array, e: ZipEntry): Uint8Array {
  if (nodeZlib) {
    let out: Uint8Array;
    try {
      // One output buffer a byte larger than the part (zlib's least is 64): inflated straight into it, not in
      // 16 KB pieces joined by a copy at the end; a part longer than it says still stops at its declared size.
      out = nodeZlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize), chunkSize: Math.max(64, e.uncompressedSize + 1) });
    } catch {
      throw new PackageDamage("part", e.name);
    }
    if (out.length !== e.uncompressedSize) throw new PackageDamage("part", e.name);
    return out;
  }
  return inflateInChunks(raw, e);
}

/** The same in plain JavaScript (the browser preview): fed in small pieces, so a bomb stops at the declared size. */
function inflateInChunks(raw: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.uncompressedSize);
  let filled = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) {
      overflow = true;
      throw new PackageDamage("part", e.name);
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let i = 0; i < raw.length; i += INFLATE_CHUNK) {
      inflater.push(raw.subarray(i, Math.min(raw.length, i + INFLATE_CHUNK)), i + INFLATE_CHUNK >= raw.length);
      if (overflow) break;
    }
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    throw new PackageDamage("part", e.name);
  }
  if (overflow || filled !== out.length) throw new PackageDamage("part", e.name);
  return out;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return utf8.decode(bytes); // drops a UTF-8 byte-order mark
}
