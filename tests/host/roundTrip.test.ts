import JSZip from "jszip";
import { newWorkbook, openWorkbook } from "../../src/host";
import type { HeadlessWorkbook } from "../../src/host";

/** Build a scorecard-like sheet through the API, save, reopen, and return the reopened workbook. */
async function buildAndReopen(): Promise<{ bytes: Uint8Array; reopened: HeadlessWorkbook }> {
  const wb = newWorkbook();
  await wb.run(async (context) => {
    const data = context.workbook.worksheets.getItem("Sheet1");
    data.name = "KPI data";
    data.getRange("A1:C3").values = [["Ref", "Measure", "Actual"], ["PI 1", "Rate", 0.42], ["PI 2", "Count", 12]];
    data.getRange("C2").numberFormat = [["0.0%"]];
    context.workbook.tables.add("'KPI data'!A1:C3", true);

    const ws = context.workbook.worksheets.add("Bob's Scorecard");
    ws.getRange("A1").values = [["KPI Scorecard"]];
    ws.getRange("A1:D1").merge();
    ws.getRange("A1").format.font.bold = true;
    ws.getRange("A1").format.font.size = 16;
    ws.getRange("A1").format.font.color = "#1F4E79";
    ws.getRange("A3:D3").values = [["Ref", "RAG", "Actual", "Source"]];
    ws.getRange("A3:D3").format.fill.color = "#DDEBF7";
    ws.getRange("A3:D3").format.borders.getItem("EdgeBottom").style = "Continuous";
    ws.getRange("A3:D3").format.borders.getItem("EdgeBottom").weight = "Medium";
    ws.getRange("A4:C5").values = [["PI 1", "Red", 0.42], ["PI 2", "Green", 12]];
    ws.getRange("C4").numberFormat = [["0.0%"]];
    ws.getRange("B:B").format.columnWidth = 90;
    ws.getRange("A4").format.horizontalAlignment = "Center";
    ws.getRange("A4").format.wrapText = true;
    const cf = ws.getRange("B4:B5").conditionalFormats.add("ContainsText");
    cf.textComparison.format.fill.color = "#C00000";
    cf.textComparison.format.font.color = "#FFFFFF";
    cf.textComparison.rule = { operator: "Contains", text: "Red" };
    const custom = ws.getRange("C4:C5").conditionalFormats.add("Custom");
    custom.custom.rule.formula = "=$C4>1";
    custom.custom.format.font.bold = true;
    ws.getRange("D4").hyperlink = { documentReference: "'KPI data'!A2", textToDisplay: "KPI data!A2", screenTip: "Go to the KPI" };
    ws.getRange("D5").hyperlink = { address: "https://example.invalid/kpi", textToDisplay: "web" };
    ws.activate(); // Excel freezes panes on the active sheet only
    ws.freezePanes.freezeRows(3);
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows("$3:$3");
    ws.pageLayout.centerHorizontally = true;
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Page &P";
    ws.showGridlines = false;
    ws.tabColor = "#70AD47";
    context.workbook.names.add("KPIScorecard.Owned", ws.getRange("A1"), "owned sheet");
    ws.names.add("LocalNote", "=\"hello\"");
    context.workbook.settings.add("kpiScorecard.settings", { amberBand: 0.05, scorecardSheetName: "Bob's Scorecard" });
    data.visibility = "Hidden";
    await context.sync();
  });
  const bytes = await wb.save();
  return { bytes, reopened: await openWorkbook(bytes) };
}

describe("save and reopen", () => {
  let bytes: Uint8Array;
  let wb: HeadlessWorkbook;
  beforeAll(async () => {
    ({ bytes, reopened: wb } = await buildAndReopen());
  });

  it("keeps values, number formats, displayed text, merges and sheet visibility", async () => {
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name, items/visibility");
      const ws = sheets.getItem("Bob's Scorecard");
      const r = ws.getRange("A3:C5");
      r.load("values, text, numberFormat");
      const merged = ws.getRange("A1:D5").getMergedAreasOrNullObject();
      merged.load("address");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([["KPI data", "Hidden"], ["Bob's Scorecard", "Visible"]]);
      expect(r.values).toEqual([["Ref", "RAG", "Actual"], ["PI 1", "Red", 0.42], ["PI 2", "Green", 12]]);
      expect(r.text[1][2]).toBe("42.0%");
      expect(r.numberFormat[1][2]).toBe("0.0%");
      expect(merged.address).toBe("'Bob''s Scorecard'!A1:D1");
    });
  });

  it("keeps fonts, fills, borders, alignment and column widths", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bob's Scorecard");
      const title = ws.getRange("A1").format.font;
      title.load("bold, size, color");
      const fill = ws.getRange("A3:D3").format.fill;
      fill.load("color");
      const border = ws.getRange("A3:D3").format.borders.getItem("EdgeBottom");
      border.load("style, weight");
      const a4 = ws.getRange("A4").format;
      a4.load("horizontalAlignment, wrapText");
      const colB = ws.getRange("B1").format;
      colB.load("columnWidth");
      const colA = ws.getRange("A1").format;
      colA.load("columnWidth");
      await context.sync();
      expect([title.bold, title.size, title.color]).toEqual([true, 16, "#1F4E79"]);
      expect(fill.color).toBe("#DDEBF7");
      expect([border.style, border.weight]).toEqual(["Continuous", "Medium"]);
      expect([a4.horizontalAlignment, a4.wrapText]).toEqual(["Center", true]);
      expect(Math.abs(colB.columnWidth - 90)).toBeLessThan(1);
      expect(colA.columnWidth).toBe(48);
    });
  });

  it("keeps conditional formats with their rules and colours", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bob's Scorecard");
      const cfs = ws.getRange("B4:C5").conditionalFormats;
      cfs.load("items/type");
      await context.sync();
      expect(cfs.items.map((c) => c.type).sort()).toEqual(["ContainsText", "Custom"]);
      const text = cfs.items.find((c) => c.type === "ContainsText")!;
      const custom = cfs.items.find((c) => c.type === "Custom")!;
      text.textComparison.load("rule");
      text.textComparison.format.fill.load("color");
      text.textComparison.format.font.load("color");
      custom.custom.rule.load("formula");
      await context.sync();
      expect(text.textComparison.rule).toEqual({ operator: "Contains", text: "Red" });
      expect(text.textComparison.format.fill.color).toBe("#C00000");
      expect(text.textComparison.format.font.color).toBe("#FFFFFF");
      expect(custom.custom.rule.formula).toBe("=$C4>1");
    });
    // Excel's rule editor needs the operator and text of a "contains" rule, not just its formula.
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheetXml).toMatch(/<cfRule type="containsText"[^>]*operator="containsText"[^>]*text="Red"/);
  });

  it("keeps internal and external hyperlinks", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bob's Scorecard");
      const d4 = ws.getRange("D4");
      d4.load("hyperlink, values");
      const d5 = ws.getRange("D5");
      d5.load("hyperlink");
      await context.sync();
      expect(d4.values).toEqual([["KPI data!A2"]]);
      expect(d4.hyperlink).toMatchObject({ documentReference: "'KPI data'!A2", screenTip: "Go to the KPI" });
      expect(d5.hyperlink).toMatchObject({ address: "https://example.invalid/kpi" });
    });
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheetXml).toContain(`location="&apos;KPI data&apos;!A2"`);
  });

  it("keeps frozen panes, page setup, print titles, gridlines and tab colour", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bob's Scorecard");
      ws.load("showGridlines, tabColor");
      const pl = ws.pageLayout;
      pl.load("orientation, paperSize, zoom, centerHorizontally");
      pl.headersFooters.defaultForAllPages.load("centerFooter");
      const titles = pl.getPrintTitleRowsOrNullObject();
      titles.load("address");
      const frozen = ws.freezePanes.getLocationOrNullObject();
      frozen.load("address");
      await context.sync();
      expect([ws.showGridlines, ws.tabColor]).toEqual([false, "#70AD47"]);
      expect([pl.orientation, pl.paperSize, pl.centerHorizontally]).toEqual(["Landscape", "A4", true]);
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(pl.headersFooters.defaultForAllPages.centerFooter).toBe("Page &P");
      expect(titles.address).toBe("'Bob''s Scorecard'!3:3");
      expect(frozen.address).toBe("'Bob''s Scorecard'!1:3");
    });
  });

  it("keeps tables, workbook and sheet names, and add-in settings", async () => {
    await wb.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name, items/showHeaders, items/worksheet/name");
      const names = context.workbook.names;
      names.load("items/name, items/formula, items/comment");
      const local = context.workbook.worksheets.getItem("Bob's Scorecard").names;
      local.load("items/name, items/value");
      const setting = context.workbook.settings.getItemOrNullObject("kpiScorecard.settings");
      setting.load("value");
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.showHeaders, t.worksheet.name])).toEqual([["Table1", true, "KPI data"]]);
      expect(names.items.map((n) => [n.name, n.formula, n.comment])).toEqual([["KPIScorecard.Owned", "='Bob''s Scorecard'!$A$1", "owned sheet"]]);
      expect(local.items.map((n) => [n.name, n.value])).toEqual([["LocalNote", "hello"]]);
      expect(setting.value).toEqual({ amberBand: 0.05, scorecardSheetName: "Bob's Scorecard" });
    });
    // Settings live where Excel keeps an add-in's settings: the web extension part.
    const zip = await JSZip.loadAsync(bytes);
    const we = await zip.file("xl/webextensions/webextension1.xml")!.async("string");
    expect(we).toContain(`<we:property name="kpiScorecard.settings" value="{&quot;amberBand&quot;:0.05`);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("application/vnd.ms-office.webextension+xml");
    expect(await zip.file("_rels/.rels")!.async("string")).toContain("webextensiontaskpanes");
  });

  it("writes settings changed after reopening, keeping the same web extension part", async () => {
    await wb.run(async (context) => {
      context.workbook.settings.add("kpiScorecard.settings", { amberBand: 0.2 });
      await context.sync();
    });
    const again = await openWorkbook(await wb.save());
    const value = await again.run(async (context) => {
      const s = context.workbook.settings.getItem("kpiScorecard.settings");
      s.load("value");
      await context.sync();
      return s.value;
    });
    expect(value).toEqual({ amberBand: 0.2 });
  });
});

describe("tables after edits", () => {
  it("a table whose header cell was retyped is saved with matching column names", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B3").values = [["Ref", "Value"], ["a", 1], ["b", 2]];
      context.workbook.tables.add("Sheet1!A1:B3", true);
      await context.sync();
      ws.getRange("B1").values = [["Actual"]];
      await context.sync();
    });
    const zip = await JSZip.loadAsync(await wb.save());
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(tableXml).toContain(`name="Actual"`);
    expect(tableXml).not.toContain(`name="Value"`);
  });
});

describe("another add-in's settings", () => {
  it("are neither read as ours nor changed; ours go in their own web extension part", async () => {
    // A workbook that already carries another add-in's task pane and settings.
    const base = newWorkbook();
    const zip = await JSZip.loadAsync(await base.save());
    zip.file("xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}"><we:reference id="wa104380862" version="1.0.0.0" store="en-GB" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="theirs" value="1"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`);
    zip.file("xl/webextensions/taskpanes.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`);
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`);
    const wb = await openWorkbook(await zip.generateAsync({ type: "uint8array" }));
    const before = await wb.run(async (context) => {
      const all = context.workbook.settings;
      all.load("items/key");
      await context.sync();
      context.workbook.settings.add("kpiScorecard.settings", { amberBand: 0.1 });
      return all.items.map((s) => s.key);
    });
    expect(before).toEqual([]);
    const saved = await JSZip.loadAsync(await wb.save());
    expect(await saved.file("xl/webextensions/webextension1.xml")!.async("string")).toContain(`<we:property name="theirs" value="1"/>`);
    expect(await saved.file("xl/webextensions/webextension1.xml")!.async("string")).not.toContain("kpiScorecard");
    expect(await saved.file("xl/webextensions/webextension2.xml")!.async("string")).toContain(`name="kpiScorecard.settings"`);
    expect(await saved.file("xl/webextensions/taskpanes.xml")!.async("string")).toMatch(/r:id="rIdKpi1"/);
    const again = await openWorkbook(await saved.generateAsync({ type: "uint8array" }));
    const value = await again.run(async (context) => {
      const s = context.workbook.settings.getItem("kpiScorecard.settings");
      s.load("value");
      await context.sync();
      return s.value;
    });
    expect(value).toEqual({ amberBand: 0.1 });
  });
});
