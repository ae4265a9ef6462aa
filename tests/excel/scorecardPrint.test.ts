// The scorecard prints as it stands: charts start on a new page and no chart is cut across two pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { openWorkbook } from "../../src/host";
import { insertScorecard } from "../../src/excel/insertScorecard";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "send-board-kpis.xlsx");

async function sheetXmlByName(zip: JSZip, name: string): Promise<{ xml: string; path: string }> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wbXml)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  const path = `xl/${target.replace(/^\/?xl\//, "")}`;
  return { xml: await zip.file(path)!.async("string"), path };
}

describe("the scorecard's page breaks", () => {
  it("start the charts on a new page and keep every chart on one page", async () => {
    const wb = await openWorkbook(readFileSync(SAMPLE));
    const { applied } = await wb.run((ctx) => insertScorecard(ctx, { workbookName: "sample.xlsx", overrides: { asOf: "2024-02-29" } }));
    expect(applied.charts).toBeGreaterThan(3);
    const zip = await JSZip.loadAsync(await wb.save());
    const { xml, path } = await sheetXmlByName(zip, applied.sheetName);
    const breaks = [...xml.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThanOrEqual(2);

    // Chart anchors (0-based rows) from the sheet's drawing part.
    const sheetRels = await zip.file(path.replace(/worksheets\//, "worksheets/_rels/") + ".rels")!.async("string");
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(sheetRels)![1];
    const dxml = await zip.file(`xl/drawings/${drawing}`)!.async("string");
    const anchors = [...dxml.matchAll(/<xdr:from>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(anchors).toHaveLength(applied.charts);
    // A break with id b falls after 1-based row b, i.e. above 0-based row b: it cuts a chart spanning rows from..to when from < b <= to.
    for (const [from, to] of anchors) for (const b of breaks) expect(b > from && b <= to).toBe(false);
    // The first break is above the first chart.
    expect(Math.min(...breaks)).toBeLessThanOrEqual(Math.min(...anchors.map((a) => a[0])));
  });
});
