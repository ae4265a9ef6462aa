// The write side of the package zip (zipWriter.ts) and the package being edited (editedPackage.ts) against the
// reader (zipPackage.ts): whatever parts are written read back as written, with their CRC-32 and sizes checked;
// a part an edit leaves alone — or sets back to what it held — keeps its compressed bytes; order is kept.
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import CRC32 from "crc-32";
import { writeZip, type StoredPart } from "../../src/host/xlsx/zipWriter";
import { ZipPackage } from "../../src/host/xlsx/zipPackage";
import { EditedPackage } from "../../src/host/xlsx/editedPackage";
import { sameBytes, zipEntries } from "../helpers/zipEntries";

const segment = fc.stringMatching(/^[A-Za-z0-9_.\-[\] é]{1,12}$/).filter((s) => s !== "." && s !== ".." && !s.endsWith("."));
const partName = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("/"));
/** Part contents: empty, text-like (compresses) and random (does not). */
const content = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s.repeat(3))),
  fc.uint8Array({ maxLength: 600 }),
);
const parts = fc.uniqueArray(fc.record({ name: partName, data: content }), { maxLength: 12, selector: (p) => p.name.toLowerCase() });

/** A part as another writer stored it: deflated by zlib at level 9, or stored, with its own date. */
function storedByOthers(name: string, data: Uint8Array, deflate: boolean): StoredPart {
  const compressed = deflate ? new Uint8Array(deflateRawSync(data, { level: 9 })) : data;
  return { name, method: deflate ? 8 : 0, crc: CRC32.buf(data) >>> 0, uncompressedSize: data.length, compressed, time: 0x6000, date: 0x5821 };
}

describe("writeZip", () => {
  it("writes parts the reader reads back, each checked, in the order given", () => {
    fc.assert(
      fc.property(parts, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (ps, stored) => {
        const out = writeZip(ps.map((p, i) => (stored[i] ? storedByOthers(p.name, p.data, i % 2 === 0) : p)));
        const pkg = new ZipPackage(out);
        expect(pkg.entries.map((e) => e.name)).toEqual(ps.map((p) => p.name));
        for (const p of ps) expect(sameBytes(pkg.bytesOf(p.name), p.data)).toBe(true);
      }),
    );
  });

  it("copies a stored part's compressed bytes and date as they were", () => {
    const data = new TextEncoder().encode("<x>".repeat(200));
    const part = storedByOthers("xl/a.xml", data, true);
    const out = writeZip([part]);
    expect(sameBytes(zipEntries(out).get("xl/a.xml")!.compressed, part.compressed)).toBe(true);
    const e = new ZipPackage(out).entry("xl/a.xml")!;
    expect([e.time, e.date]).toEqual([0x6000, 0x5821]);
  });

  it("gives the same bytes for the same parts (no clock time in new parts)", () => {
    const ps = [{ name: "a.xml", data: new TextEncoder().encode("<a/>") }];
    expect(sameBytes(writeZip(ps), writeZip(ps))).toBe(true);
  });

  it("refuses two parts whose names differ only in case (OPC names ignore case)", () => {
    expect(() => writeZip([{ name: "A.xml", data: new Uint8Array(1) }, { name: "a.xml", data: new Uint8Array(1) }])).toThrow(/two parts/);
  });
});

describe("EditedPackage", () => {
  const edits = fc.array(fc.constantFrom("keep", "same", "change", "remove"), { minLength: 12, maxLength: 12 });

  it("keeps untouched and unchanged parts' stored bytes, writes the rest, keeps the order", async () => {
    await fc.assert(
      fc.asyncProperty(parts, edits, parts, async (ps, what, added) => {
        const original = writeZip(ps.map((p, i) => storedByOthers(p.name, p.data, i % 3 !== 0)));
        const pkg = await EditedPackage.open(original);
        const expected = new Map<string, Uint8Array>();
        ps.forEach((p, i) => {
          if (what[i] === "remove") return pkg.remove(p.name.toUpperCase());
          if (what[i] === "same") pkg.setBytes(p.name, p.data.slice());
          if (what[i] === "change") pkg.setBytes(p.name, new TextEncoder().encode(`changed ${i}`));
          expected.set(p.name, what[i] === "change" ? new TextEncoder().encode(`changed ${i}`) : p.data);
        });
        const fresh = added.filter((a) => !pkg.has(a.name));
        for (const a of fresh) pkg.setBytes(a.name, a.data);
        const out = await pkg.generate();
        const read = new ZipPackage(out);
        expect(read.entries.map((e) => e.name)).toEqual([...expected.keys(), ...fresh.map((a) => a.name)]);
        for (const [name, data] of expected) expect(sameBytes(read.bytesOf(name), data)).toBe(true);
        for (const a of fresh) expect(sameBytes(read.bytesOf(a.name), a.data)).toBe(true);
        const before = zipEntries(original);
        const after = zipEntries(out);
        ps.forEach((p, i) => {
          if (what[i] === "keep" || what[i] === "same") expect(sameBytes(after.get(p.name)!.compressed, before.get(p.name)!.compressed)).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("finds parts ignoring case and reads them as text (a UTF-8 byte-order mark dropped)", async () => {
    const pkg = await EditedPackage.open(writeZip([{ name: "xl/Workbook.xml", data: new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]) }]));
    expect(pkg.find("XL/workbook.XML")).toBe("xl/Workbook.xml");
    expect(await pkg.text("xl/workbook.xml")).toBe("<a/>");
    await pkg.setText("xl/workbook.xml", "<b/>");
    expect(pkg.paths()).toEqual(["xl/Workbook.xml"]);
    expect(new ZipPackage(await pkg.generate()).textOf("xl/Workbook.xml")).toBe("<b/>");
  });
});
