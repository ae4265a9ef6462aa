// The drawing part that places charts on a sheet: one xdr:twoCellAnchor holding a graphicFrame per chart.
import type { ChartModel } from "./chartModel";
import { CHART_NS, DRAWING_MAIN_NS, REL_NS } from "./chartPart";
import { appendInside, descendants, escapeXml, parseXml, prefixFor } from "./chartXmlText";
import { maxOf } from "../../core/arrays";

export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

function cellMarker(tag: "from" | "to", row: number, col: number): string {
  const r = Math.max(0, Math.floor(row));
  const c = Math.max(0, Math.floor(col));
  return `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/**
 * One anchored chart frame. `declare` adds the namespace declarations the anchor needs when the drawing
 * it goes into (one ExcelJS wrote for images, say) does not bind xdr and a to the usual prefixes.
 */
export function chartAnchorXml(chart: ChartModel, relId: string, shapeId: number, declare = false): string {
  const { fromRow, fromCol } = chart.anchor;
  // A zero-size anchor would hide the chart: keep at least one cell each way.
  const toRow = Math.max(chart.anchor.toRow, fromRow + 1);
  const toCol = Math.max(chart.anchor.toCol, fromCol + 1);
  const ns = declare ? ` xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_MAIN_NS}"` : "";
  return (
    `<xdr:twoCellAnchor${ns}>${cellMarker("from", fromRow, fromCol)}${cellMarker("to", toRow, toCol)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(chart.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${escapeXml(relId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function emptyDrawingXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_MAIN_NS}"></xdr:wsDr>`
  );
}

/** Append chart anchors to a drawing part, whoever wrote it. Returns the new part text. */
export function appendAnchors(drawingXml: string, anchors: (declare: boolean) => string): string {
  const root = parseXml(drawingXml);
  const declare = prefixFor(root, SPREADSHEET_DRAWING_NS) !== "xdr" || prefixFor(root, DRAWING_MAIN_NS) !== "a";
  return appendInside(drawingXml, root, anchors(declare));
}

/** The next free shape id in a drawing: ids must be unique within the part. */
export function nextShapeId(drawingXml: string): number {
  const ids = descendants(parseXml(drawingXml), "cNvPr").map((e) => Number(e.attrs.id));
  return maxOf(ids.filter(Number.isFinite), 1) + 1;
}
