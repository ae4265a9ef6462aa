// Charts for a saved workbook. ExcelJS does not write charts, so the host saves with ExcelJS and then adds
// DrawingML chart parts to the package here: per sheet one drawing part with an anchor per chart, a chart
// part per chart, the relationships between them, and the content types.
import { EditedPackage } from "./editedPackage";
import { appendAnchors, chartAnchorXml, emptyDrawingXml, nextShapeId } from "./chartDrawing";
import type { ChartModel } from "./chartModel";
import {
  CONTENT_TYPE,
  REL_TYPE,
  addContentTypeOverride,
  addRelationship,
  findSheet,
  nextPartPath,
  parseRelationships,
  readPart,
  relativeTarget,
  relsPathFor,
  resolveTarget,
  worksheetParts,
} from "./chartPackage";
import { chartSpaceXml } from "./chartPart";
import { drawingRelId, insertDrawingElement } from "./chartSheetXml";

export { readChartsFromXlsx } from "./chartRead";

/** Add the charts to an .xlsx package and return the new package. Throws when a chart names a sheet the workbook lacks. */
export async function addChartsToXlsx(xlsx: Uint8Array, charts: ChartModel[]): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  const pkg = await EditedPackage.open(xlsx);
  const sheets = await worksheetParts(pkg);
  let types = await readPart(pkg, "[Content_Types].xml");
  if (types === null) throw new Error("The package has no [Content_Types].xml.");
  const reserved = new Set<string>();

  const bySheet = new Map<string, { part: string; charts: ChartModel[] }>();
  for (const chart of charts) {
    const sheet = findSheet(sheets, chart.sheetName);
    if (!sheet) throw new Error(`Chart "${chart.name}" is on sheet "${chart.sheetName}", which the workbook does not have.`);
    const entry = bySheet.get(sheet.part) ?? { part: sheet.part, charts: [] };
    entry.charts.push(chart);
    bySheet.set(sheet.part, entry);
  }

  for (const { part: sheetPart, charts: sheetCharts } of bySheet.values()) {
    let sheetXml = await readPart(pkg, sheetPart);
    if (sheetXml === null) throw new Error(`The worksheet part ${sheetPart} is missing.`);
    const sheetRelsPath = relsPathFor(sheetPart);
    let sheetRels = await readPart(pkg, sheetRelsPath);

    // Reuse the sheet's drawing (ExcelJS writes one for images): a sheet may have only one <drawing>.
    const existingId = drawingRelId(sheetXml);
    const existingRel = existingId ? parseRelationships(sheetRels).find((r) => r.id === existingId && !r.external) : undefined;
    let drawingPart: string;
    let drawingXml: string;
    if (existingRel) {
      drawingPart = resolveTarget(sheetPart, existingRel.target);
      drawingXml = (await readPart(pkg, drawingPart)) ?? emptyDrawingXml();
      types = addContentTypeOverride(types, drawingPart, CONTENT_TYPE.drawing); // no-op when the part is registered
    } else {
      drawingPart = nextPartPath(pkg, "xl/drawings/drawing", ".xml", reserved);
      drawingXml = emptyDrawingXml();
      const added = addRelationship(sheetRels, REL_TYPE.drawing, relativeTarget(sheetPart, drawingPart));
      sheetRels = added.xml;
      sheetXml = insertDrawingElement(sheetXml, added.id);
      types = addContentTypeOverride(types, drawingPart, CONTENT_TYPE.drawing);
    }

    const drawingRelsPath = relsPathFor(drawingPart);
    let drawingRels = await readPart(pkg, drawingRelsPath);
    let shapeId = nextShapeId(drawingXml);
    const anchors: ((declare: boolean) => string)[] = [];
    for (const chart of sheetCharts) {
      const chartPart = nextPartPath(pkg, "xl/charts/chart", ".xml", reserved);
      await pkg.setText(chartPart, chartSpaceXml(chart));
      types = addContentTypeOverride(types, chartPart, CONTENT_TYPE.chart);
      const added = addRelationship(drawingRels, REL_TYPE.chart, relativeTarget(drawingPart, chartPart));
      drawingRels = added.xml;
      const id = shapeId++;
      anchors.push((declare) => chartAnchorXml(chart, added.id, id, declare));
    }
    drawingXml = appendAnchors(drawingXml, (declare) => anchors.map((a) => a(declare)).join(""));

    await pkg.setText(sheetPart, sheetXml);
    if (sheetRels !== null) await pkg.setText(sheetRelsPath, sheetRels);
    await pkg.setText(drawingPart, drawingXml);
    await pkg.setText(drawingRelsPath, drawingRels ?? "");
  }

  await pkg.setText("[Content_Types].xml", types);
  return pkg.generate();
}
