// Where an element inserted into someone else's worksheet part goes: before the first child CT_Worksheet's sequence
// places after it. Both insertions (internal hyperlinks, the charts' <drawing>) read the one sequence.
import { childrenAfter } from "../../src/host/xlsx/worksheetOrder";

describe("childrenAfter (CT_Worksheet's sequence)", () => {
  it("puts hyperlinks before the page set-up and every drawing, header/footer drawings included", () => {
    const after = childrenAfter("hyperlinks");
    for (const later of ["printOptions", "pageMargins", "headerFooter", "drawing", "legacyDrawingHF", "drawingHF", "tableParts", "extLst"]) expect(after.has(later)).toBe(true);
    for (const earlier of ["sheetData", "mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks"]) expect(after.has(earlier)).toBe(false);
  });

  it("puts a drawing after the page set-up and before header/footer drawings, pictures and tables", () => {
    const after = childrenAfter("drawing");
    expect([...after]).toEqual(["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);
  });
});
