// A package being edited, on the same zip code as the reader: parts are read through zipPackage.ts (checked
// against their CRC-32 and declared size) and written by zipWriter.ts. A part that is not changed — or is
// set to exactly what it held — goes out with its original compressed bytes; the file's parts keep their
// order and new parts follow in the order they were added. Browser-safe: no Node built-ins.
import { ZipPackage, decodeText } from "./zipPackage";
import { writeZip, type OutPart } from "./zipWriter";

const encoder = new TextEncoder();

export class EditedPackage {
  /** Part names as they will go out, in order. */
  private readonly names: string[];
  /** New content by part name as stored. */
  private readonly changed = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();

  private constructor(private readonly source: ZipPackage) {
    this.names = source.entries.map((e) => e.name);
  }

  /** Throws PackageDamage when the bytes are not a whole zip. */
  static async open(bytes: Uint8Array): Promise<EditedPackage> {
    return new EditedPackage(new ZipPackage(bytes));
  }

  /** Part names (no folders), in the package's order. */
  paths(): string[] {
    return [...this.names];
  }

  /** The part's real name, matched case-insensitively as OPC part names are. */
  find(path: string): string | null {
    if (this.names.includes(path)) return path;
    const lower = path.toLowerCase();
    return this.names.find((p) => p.toLowerCase() === lower) ?? null;
  }

  has(path: string): boolean {
    return this.find(path) !== null;
  }

  async text(path: string): Promise<string | null> {
    const real = this.find(path);
    if (real === null) return null;
    const cached = this.texts.get(real);
    if (cached !== undefined) return cached;
    const text = decodeText(this.content(real));
    this.texts.set(real, text);
    return text;
  }

  bytes(path: string): Promise<Uint8Array> | null {
    const real = this.find(path);
    return real === null ? null : Promise.resolve(this.content(real));
  }

  private content(real: string): Uint8Array {
    return this.changed.get(real) ?? this.source.bytesOf(real);
  }

  /** Replace or add a part (as UTF-8). */
  async setText(path: string, text: string): Promise<void> {
    const real = this.find(path) ?? path;
    if (this.texts.get(real) === text) return;
    this.put(real, encoder.encode(text));
    this.texts.set(real, text);
  }

  setBytes(path: string, bytes: Uint8Array): void {
    this.put(this.find(path) ?? path, bytes);
  }

  private put(real: string, bytes: Uint8Array): void {
    if (!this.names.includes(real)) this.names.push(real);
    this.texts.delete(real);
    this.changed.set(real, bytes);
  }

  remove(path: string): void {
    const real = this.find(path);
    if (real === null) return;
    this.names.splice(this.names.indexOf(real), 1);
    this.texts.delete(real);
    this.changed.delete(real);
  }

  /** The package's bytes: parts whose content is as the file had it are copied as stored, the rest deflated. */
  async generate(): Promise<Uint8Array> {
    return writeZip(this.names.map((name) => this.outPart(name)));
  }

  private outPart(name: string): OutPart {
    const data = this.changed.get(name);
    if (data === undefined) return this.source.storedOf(name);
    const original = this.source.entry(name);
    if (original && original.name === name && original.uncompressedSize === data.length && equalBytes(this.source.bytesOf(name), data)) {
      return this.source.storedOf(name);
    }
    return { name, data };
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
