// Writes zips part by part, with the control a damaged file needs: a part's CRC or declared size can be
// made to lie, and a part can be given as an already-deflated stream (a bomb of a gigabyte in a megabyte).
import { deflateSync } from "fflate";
import CRC32 from "crc-32";
import JSZip from "jszip";

export interface ZipPart {
  name: string;
  /** The part's content; or `deflated` with its declared size and CRC. */
  data?: Uint8Array | string;
  deflated?: { bytes: Uint8Array; size: number; crc: number };
  /** Make the directory say something else. */
  lieAboutSize?: number;
  lieAboutCrc?: boolean;
}

const enc = new TextEncoder();

function u16(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

export function writeZip(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    let compressed: Uint8Array, size: number, crc: number;
    if (p.deflated) {
      ({ bytes: compressed, size, crc } = p.deflated);
    } else {
      const raw = typeof p.data === "string" ? enc.encode(p.data) : p.data ?? new Uint8Array(0);
      compressed = deflateSync(raw, { level: 6 });
      size = raw.length;
      crc = CRC32.buf(raw) >>> 0;
    }
    if (p.lieAboutCrc) crc = (crc ^ 0x5a5a5a5a) >>> 0;
    if (p.lieAboutSize !== undefined) size = p.lieAboutSize;
    const common = [...u16(20), ...u16(0x800), ...u16(8), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(compressed.length), ...u32(size), ...u16(name.length)];
    const local = Uint8Array.from([...u32(0x04034b50), ...common, ...u16(0)]);
    chunks.push(local, name, compressed);
    central.push([...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name]);
    offset += local.length + name.length + compressed.length;
  }
  const dir = Uint8Array.from(central.flat());
  const end = Uint8Array.from([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(parts.length), ...u16(parts.length), ...u32(dir.length), ...u32(offset), ...u16(0)]);
  const out = new Uint8Array(offset + dir.length + end.length);
  let at = 0;
  for (const c of [...chunks, dir, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of a workbook as text (XML) or bytes (everything else), in package order. */
export async function readParts(bytes: Uint8Array): Promise<Map<string, string | Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string | Uint8Array>();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (f.dir) continue;
    out.set(name, /\.(xml|rels|vml)$/.test(name) ? await f.async("string") : await f.async("uint8array"));
  }
  return out;
}

export function partsToZip(parts: Map<string, string | Uint8Array>, extra: ZipPart[] = []): Uint8Array {
  return writeZip([...[...parts].map(([name, data]) => ({ name, data })), ...extra]);
}
