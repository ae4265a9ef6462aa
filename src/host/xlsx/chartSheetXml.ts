// The worksheet's <drawing r:id> element: finding an existing one, and inserting one where CT_Worksheet's
// sequence puts it. Excel reports a file as corrupt when a worksheet child is out of order.
import { REL_NS } from "./chartPart";
import { attr, child, escapeXml, parseXml, prefixFor } from "./chartXmlText";
import { childrenAfter } from "./worksheetOrder";

/** Worksheet children that the schema places after <drawing>; it goes before the first of these present. */
const AFTER_DRAWING = childrenAfter("drawing");

/** The relationship id of the sheet's drawing, or null when it has none. */
export function drawingRelId(sheetXml: string): string | null {
  return attr(child(parseXml(sheetXml), "drawing"), "id", true);
}

/** Insert <drawing r:id="…"/> at its schema position, in the root's own prefix. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const root = parseXml(sheetXml);
  const mainPrefix = root.prefix ? `${root.prefix}:` : "";
  const rPrefix = prefixFor(root, REL_NS);
  const el =
    rPrefix && rPrefix !== ""
      ? `<${mainPrefix}drawing ${rPrefix}:id="${escapeXml(relId)}"/>`
      : `<${mainPrefix}drawing xmlns:r="${REL_NS}" r:id="${escapeXml(relId)}"/>`;
  const before = root.children.find((c) => AFTER_DRAWING.has(c.local));
  if (before) return sheetXml.slice(0, before.start) + el + sheetXml.slice(before.start);
  if (root.innerEnd < 0) throw new Error("The worksheet part is empty (no sheetData).");
  return sheetXml.slice(0, root.innerEnd) + el + sheetXml.slice(root.innerEnd);
}
