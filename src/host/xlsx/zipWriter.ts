// The write side of the package zip, the counterpart of zipPackage.ts: parts go out in the order given,
// each either deflated from its bytes (fflate, or Node's zlib where there is one) or as the stored,
// already compressed bytes of the file it came from — so a part the copy did not change keeps its bytes.
// No ZIP64: a package over 4 GB or 65,535 parts is refused rather than written damaged.
import { deflateSync } from "fflate";
import CRC32 from "crc-32";

/** A part copied as it was stored: method, CRC and sizes from its zip's central directory. */
export interface StoredPart {
  name: string;
  method: number;
  crc: number;
  uncompressedSize: number;
  compressed: Uint8Array;
  /** MS-DOS time and date as the file had them. */
  time: number;
  date: number;
}

/** A part written from its content. */
export interface NewPart {
  name: string;
  data: Uint8Array;
}

export type OutPart = StoredPart | NewPart;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const MAX_32 = 0xffffffff;
/** 1980-01-01 00:00, the earliest MS-DOS date: new parts carry no clock time, so one input gives one output. */
const DOS_DATE_1980 = (1 << 5) | 1;
const VERSION = 20;
const UTF8_NAMES = 0x800;

interface NodeZlib {
  deflateRawSync(data: Uint8Array, options: { level: number }): Uint8Array;
}
const nodeZlib = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("zlib") as NodeZlib | undefined;

/** Raw DEFLATE at the usual level (6), as Excel and most writers compress parts. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return nodeZlib ? nodeZlib.deflateRawSync(data, { level: 6 }) : deflateSync(data, { level: 6 });
}

function isStored(p: OutPart): p is StoredPart {
  return (p as StoredPart).compressed !== undefined;
}

/** A new part as it will be stored: empty parts stored, others deflated. */
function storedForm(p: OutPart): StoredPart {
  if (isStored(p)) return p;
  const crc = CRC32.buf(p.data) >>> 0;
  if (p.data.length === 0) return { name: p.name, method: 0, crc, uncompressedSize: 0, compressed: p.data, time: 0, date: DOS_DATE_1980 };
  return { name: p.name, method: 8, crc, uncompressedSize: p.data.length, compressed: deflateRaw(p.data), time: 0, date: DOS_DATE_1980 };
}

class Bytes {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u16(v: number): void {
    this.room(2);
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = (v >>> 8) & 0xff;
  }

  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(Math.floor(v / 0x10000) & 0xffff);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** The fields local and central headers share, from the version needed to the name's length. */
function commonHeader(out: Bytes, p: StoredPart, name: Uint8Array, flags: number): void {
  out.u16(VERSION);
  out.u16(flags);
  out.u16(p.method);
  out.u16(p.time);
  out.u16(p.date);
  out.u32(p.crc);
  out.u32(p.compressed.length);
  out.u32(p.uncompressedSize);
  out.u16(name.length);
  out.u16(0); // extra field
}

/** The zip of the parts, in the order given. Throws on a duplicate name or beyond what a zip without ZIP64 holds. */
export function writeZip(parts: OutPart[]): Uint8Array {
  if (parts.length > 0xffff) throw new Error(`A package of ${parts.length} parts is more than a zip without ZIP64 holds.`);
  const seen = new Set<string>();
  const out = new Bytes();
  const central = new Bytes();
  const encoder = new TextEncoder();
  for (const part of parts) {
    const key = part.name.toLowerCase();
    if (seen.has(key)) throw new Error(`The package has two parts named ${part.name}.`);
    seen.add(key);
    const p = storedForm(part);
    const name = encoder.encode(p.name);
    // Bit 11: the name is UTF-8 (only said when it is not plain ASCII, as most writers do).
    const flags = name.length !== p.name.length || /[^\x20-\x7e]/.test(p.name) ? UTF8_NAMES : 0;
    const offset = out.length;
    if (offset > MAX_32 || p.compressed.length > MAX_32 || p.uncompressedSize > MAX_32) throw new Error("The package is over 4 GB, more than a zip without ZIP64 holds.");
    out.u32(SIG_LOCAL);
    commonHeader(out, p, name, flags);
    out.bytes(name);
    out.bytes(p.compressed);
    central.u32(SIG_CENTRAL);
    central.u16(VERSION); // made by: MS-DOS, 2.0
    commonHeader(central, p, name, flags);
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32(0); // external attributes
    central.u32(offset);
    central.bytes(name);
  }
  const dirOffset = out.length;
  const dir = central.done();
  if (dirOffset + dir.length > MAX_32) throw new Error("The package is over 4 GB, more than a zip without ZIP64 holds.");
  out.bytes(dir);
  out.u32(SIG_END);
  out.u16(0);
  out.u16(0);
  out.u16(parts.length);
  out.u16(parts.length);
  out.u32(dir.length);
  out.u32(dirOffset);
  out.u16(0); // comment
  return out.done();
}
