// The scorecard copy of a workbook written by another program (tests/fixtures/producers) or of the sample keeps
// the user's workbook: every sheet in its order with its cells, formulas, styles, merges and features as the host
// reads them; the styles part's entries at their indices; the defined names (a workbook name and a sheet-scoped
// one are added to each file first, in the file's own namespace prefix); the web extension parts (the add-in's
// settings read back, the other parts byte for byte); every other part with its compressed bytes. The copy is
// written by the package writer on the reader's zip code (editedPackage.ts); LibreOffice opening the copies is
// tests/render/producerKpis.render.test.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";
import { setRequirementChecker } from "../../src/excel/requirements";
import { loadXlsx } from "../../src/host/xlsx/load";
import { EditedPackage } from "../../src/host/xlsx/editedPackage";
import { workbookPart } from "../../src/host/xlsx/chartPackage";
import { ZipPackage } from "../../src/host/xlsx/zipPackage";
import { applySplices, qualify, topLevel } from "../../src/host/xlsx/xmlEdit";
import { startTagsNamed } from "../../src/host/xlsx/xmlReader";
import { parseXml, children } from "../../src/host/xlsx/chartXmlText";
import { escapeXml } from "../../src/host/xlsx/xml";
import type { SheetModel } from "../../src/host/model/types";
import { sameBytes, zipEntries } from "../helpers/zipEntries";

const ROOT = join(__dirname, "..", "..");
const PRODUCERS = join(ROOT, "tests/fixtures/producers");
const FILES: [string, string][] = [
  ...readdirSync(PRODUCERS).filter((f) => f.endsWith(".xlsx")).map((f) => [f, join(PRODUCERS, f)] as [string, string]),
  ["the sample", join(ROOT, "assets/samples/send-board-kpis.xlsx")],
];
const AS_OF = "2020-12-08";

/** The file with two defined names of its own (one for the workbook, one scoped to its first sheet), written in its prefix. */
async function withNames(bytes: Uint8Array): Promise<Uint8Array> {
  const pkg = await EditedPackage.open(bytes);
  const part = await workbookPart(pkg);
  const xml = (await pkg.text(part))!;
  const { root, children: kids } = topLevel(xml);
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : null;
  const first = startTagsNamed(xml, "sheet")[0].name;
  const quoted = `'${first.replace(/'/g, "''")}'`;
  const items = qualify(`<definedName name="Budget_total">1234</definedName><definedName name="Local_range" localSheetId="0">${escapeXml(quoted)}!$A$1:$B$2</definedName>`, prefix);
  const tag = prefix ? `${prefix}:definedNames` : "definedNames";
  const sheets = kids.find((c) => c.local === "sheets")!;
  const existing = kids.find((c) => c.local === "definedNames");
  const splice = !existing
    ? { start: sheets.end, end: sheets.end, text: `<${tag}>${items}</${tag}>` }
    : existing.innerEnd < 0
      ? { start: existing.start, end: existing.end, text: `<${tag}>${items}</${tag}>` }
      : { start: existing.innerEnd, end: existing.innerEnd, text: items };
  await pkg.setText(part, applySplices(xml, [splice]));
  return pkg.generate();
}

async function scorecardCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await openWorkbook(bytes);
  setRequirementChecker((n, v) => wb.isSetSupported(n, v));
  await wb.run((ctx) => insertScorecard(ctx, { workbookName: "input.xlsx", overrides: { asOf: AS_OF }, today: AS_OF, generatedAt: "2020-12-09T09:00:00Z" }));
  return wb.saveCopy();
}

/** A sheet as the host reads it, without its session id. */
function asRead(s: SheetModel) {
  const { id: _id, ...rest } = s;
  return { ...rest, columnWidths: [...s.columnWidths], rowHeights: [...s.rowHeights], hiddenColumns: [...s.hiddenColumns], hiddenRows: [...s.hiddenRows] };
}

/** Each section of the styles part: its entries' markup, in order. */
function styleEntries(xml: string): Map<string, string[]> {
  const root = parseXml(xml);
  return new Map(root.children.map((section) => [section.local, section.children.map((c) => xml.slice(c.start, c.end))]));
}

function stylesPart(bytes: Uint8Array): string {
  const pkg = new ZipPackage(bytes);
  const wb = pkg.entries.find((e) => /(^|\/)workbook\.xml$/i.test(e.name))!.name;
  const rels = pkg.textOf(`${wb.slice(0, wb.lastIndexOf("/") + 1)}_rels/${wb.slice(wb.lastIndexOf("/") + 1)}.rels`);
  const rel = startTagsNamed(rels, "Relationship").find((r) => /\/styles$/.test(r.Type))!;
  const target = rel.Target.startsWith("/") ? rel.Target.slice(1) : `${wb.slice(0, wb.lastIndexOf("/") + 1)}${rel.Target}`;
  return pkg.textOf(target);
}

describe.each(FILES)("the scorecard copy of %s", (_label, path) => {
  let input: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    input = await withNames(new Uint8Array(readFileSync(path)));
    copy = await scorecardCopy(input);
  });

  it("keeps every sheet in its order, each read as it was", async () => {
    const before = (await loadXlsx(input)).model;
    const after = (await loadXlsx(copy)).model;
    const names = before.sheets.map((s) => s.name);
    expect(after.sheets.map((s) => s.name).filter((n) => names.includes(n))).toEqual(names);
    expect(after.sheets.length).toBeGreaterThan(names.length); // the scorecard's sheets were added
    for (const s of before.sheets) expect(asRead(after.sheets.find((t) => t.name === s.name)!)).toEqual(asRead(s));
  });

  it("keeps the defined names, a sheet-scoped one on its sheet", async () => {
    const before = (await loadXlsx(input)).model;
    const after = (await loadXlsx(copy)).model;
    expect(after.names).toEqual(expect.arrayContaining(before.names));
    expect(before.names.map((n) => n.name)).toContain("Budget_total");
    const first = before.sheets[0];
    expect(first.names.map((n) => n.name)).toContain("Local_range");
    expect(after.sheets.find((s) => s.name === first.name)!.names).toEqual(first.names);
  });

  it("keeps every entry of the styles part at its index", () => {
    const before = styleEntries(stylesPart(input));
    const after = styleEntries(stylesPart(copy));
    for (const [section, entries] of before) expect(after.get(section)!.slice(0, entries.length)).toEqual(entries);
  });

  it("keeps the web extension parts: the settings read back, every other part byte for byte", async () => {
    const before = await loadXlsx(input);
    const after = await loadXlsx(copy);
    for (const [key, value] of before.model.settings) expect(after.model.settings.has(key) || value === undefined).toBe(true);
    const settingsPart = before.webExtensions.settingsPart?.path;
    for (const [part, bytes] of before.webExtensions.parts) {
      if (part === settingsPart) continue;
      expect(sameBytes(after.webExtensions.parts.get(part)!, bytes)).toBe(true);
    }
    if (settingsPart) expect(after.webExtensions.settingsPart?.path).toBe(settingsPart);
  });

  it("copies every part it has no reason to touch with its compressed bytes", () => {
    const pkg = new ZipPackage(input);
    const touched = new Set(["[content_types].xml"]);
    const wb = pkg.entries.find((e) => /(^|\/)workbook\.xml$/i.test(e.name))!.name;
    touched.add(wb.toLowerCase());
    touched.add(`${wb.slice(0, wb.lastIndexOf("/") + 1)}_rels/${wb.slice(wb.lastIndexOf("/") + 1)}.rels`.toLowerCase());
    for (const e of pkg.entries) if (/styles\.xml$|webextension\d*\.xml$|calcchain\.xml$/i.test(e.name)) touched.add(e.name.toLowerCase());
    const before = zipEntries(input);
    const after = zipEntries(copy);
    const changed = [...before].filter(([name, e]) => !touched.has(name.toLowerCase()) && !(after.has(name) && sameBytes(after.get(name)!.compressed, e.compressed)));
    expect(changed.map(([n]) => n)).toEqual([]);
  });

  it("writes parts that read as well-formed XML", () => {
    const pkg = new ZipPackage(copy);
    for (const e of pkg.entries) if (/\.(xml|rels)$/i.test(e.name)) expect(() => parseXml(pkg.textOf(e.name))).not.toThrow();
    expect(children(parseXml(pkg.textOf("[Content_Types].xml")), "Override").length).toBeGreaterThan(0);
  });
});
