// saveCopy beyond the scorecard: a copy with nothing changed is the file itself, part for part; settings
// the pane saves go into the add-in's own web extension part and nowhere else; another add-in's parts
// are carried as they were.
import JSZip from "jszip";
import { openWorkbook } from "../../src/host";
import { SETTINGS_KEY } from "../../src/core/settings";
import { FEATURES, featureWorkbook } from "../helpers/featureWorkbooks";
import { sameBytes, zipEntries } from "../helpers/zipEntries";

function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = zipEntries(before);
  const b = zipEntries(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !sameBytes(a.get(n)!.compressed, b.get(n)!.compressed)).sort();
}

const OTHER_ADDIN =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}">` +
  `<we:reference id="wa104380862" version="1.0.0.0" store="en-GB" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="theirs" value="1"/></we:properties>` +
  `<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;

async function withOtherAddin(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/webextensions/webextension1.xml", OTHER_ADDIN);
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/><Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/></Types>`,
    ),
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("saveCopy", () => {
  it("with nothing changed gives back every part of the file with its original bytes", async () => {
    const input = await featureWorkbook(FEATURES);
    const wb = await openWorkbook(input);
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load("items/name");
      await ctx.sync();
    });
    expect(changedEntries(input, await wb.saveCopy())).toEqual([]);
  });

  it("writes settings the pane saves into the add-in's own web extension part, next to another add-in's, touching nothing else", async () => {
    const input = await withOtherAddin(await featureWorkbook(FEATURES.filter((f) => !f.macros)));
    const wb = await openWorkbook(input);
    await wb.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, { amberBand: 0.05, scorecardSheetName: "Board scorecard" });
      await ctx.sync();
    });
    const first = await wb.saveCopy();
    expect(changedEntries(input, first)).toEqual([
      "[Content_Types].xml",
      "xl/webextensions/_rels/taskpanes.xml.rels",
      "xl/webextensions/taskpanes.xml",
      "xl/webextensions/webextension2.xml",
    ]);
    const zip = await JSZip.loadAsync(first);
    expect(await zip.file("xl/webextensions/webextension1.xml")!.async("string")).toBe(OTHER_ADDIN);
    expect(await zip.file("xl/webextensions/webextension2.xml")!.async("string")).toContain(`name="${SETTINGS_KEY}"`);

    // Changed again in the copy: only our part changes.
    const again = await openWorkbook(first);
    const read = await again.run(async (ctx) => {
      const s = ctx.workbook.settings.getItem(SETTINGS_KEY);
      s.load("value");
      await ctx.sync();
      ctx.workbook.settings.add(SETTINGS_KEY, { amberBand: 0.2 });
      await ctx.sync();
      return s.value;
    });
    expect(read).toEqual({ amberBand: 0.05, scorecardSheetName: "Board scorecard" });
    expect(changedEntries(first, await again.saveCopy())).toEqual(["xl/webextensions/webextension2.xml"]);
  });
});
