// Which Excel API requirement sets the running host supports. In Excel this asks Office; on the
// headless host (CLI, preview, tests) the host installs its own checker, so a test can simulate an
// Excel without, say, ExcelApi 1.13.

export type RequirementChecker = (name: string, minVersion?: string) => boolean;

let installed: RequirementChecker | null = null;

/** Install (or with null, remove) the checker used when Office.js is not present. */
export function setRequirementChecker(checker: RequirementChecker | null): void {
  installed = checker;
}

interface OfficeLike {
  context?: { requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

function officeRequirements(): OfficeLike["context"] | undefined {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  return office?.context?.requirements ? office.context : undefined;
}

/**
 * Whether requirement set `name` at `minVersion` is available: Office's answer in Excel, else the
 * installed checker's, else true (a host that installs no checker claims everything it implements).
 */
export function isSetSupported(name: string, minVersion?: string): boolean {
  const office = officeRequirements();
  if (office?.requirements) return office.requirements.isSetSupported(name, minVersion);
  if (installed) return installed(name, minVersion);
  return true;
}

/** The sets the add-in relies on, and what each brings (ExcelApi 1.9 page layout, 1.13 merged areas...). */
export const REQUIREMENTS = {
  minimum: { name: "ExcelApi", version: "1.7" },
  conditionalFormats: { name: "ExcelApi", version: "1.6" },
  rangeByIndexes: { name: "ExcelApi", version: "1.7" },
  pageLayout: { name: "ExcelApi", version: "1.9" },
  /** Range.getCellProperties: each cell's fill and font in one read. */
  cellProperties: { name: "ExcelApi", version: "1.9" },
  /** Range.getSpecialCells: where a large used range actually holds values. */
  specialCells: { name: "ExcelApi", version: "1.9" },
  mergedAreas: { name: "ExcelApi", version: "1.13" },
  /** Workbook.functions (DATE tells the date system: Workbook.use1904DateSystem is a preview API). */
  functions: { name: "ExcelApi", version: "1.2" },
} as const;
