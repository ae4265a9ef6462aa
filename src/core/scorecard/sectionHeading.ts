// A section's heading on the scorecard ("Exceptions…", "Findings in full…"): one bold line in the section
// colour across the whole printed width, as tall as its text needs.
import { span, type BlockBuilder } from "./grid";
import { fullSpan, type SheetLayout } from "./layout";
import { literal } from "./literal";
import { SECTION_COLOURS } from "./palette";
import type { FontSpec } from "./textFit";

export const SECTION_HEADING_FONT: FontSpec = { size: 12, bold: true };

export function sectionHeading(layout: SheetLayout, b: BlockBuilder, row: number, text: string): void {
  const all = fullSpan(layout);
  b.set(row, 0, literal(text));
  layout.mergeAcross(row, row, all);
  layout.format({
    address: span(row, 0, row, all[1]),
    fill: SECTION_COLOURS.fill,
    fontColour: SECTION_COLOURS.text,
    bold: true,
    fontSize: SECTION_HEADING_FONT.size,
    wrap: true,
    verticalAlignment: "Center",
  });
  layout.fitText(row, all, text, SECTION_HEADING_FONT);
}
