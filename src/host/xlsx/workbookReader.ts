// The one reader of a workbook file, for everything that reads one: the headless host (load.ts, into its
// workbook model) and the command line's scan (src/cli/fileSnapshot.ts, straight into a snapshot). It opens
// the package (zipPackage.ts: checked, bounded, lazy), finds the sheets through the workbook's relationships,
// checks the limits before the work they would cost, reads the shared strings, styles and date system once,
// and decodes each worksheet's cells in one pass (sheetData.ts), handing every cell that holds something to
// the caller's sink; what else a sheet part holds comes back parsed, for the caller's features. Damage is
// PackageDamage naming the part; openErrorOf words it for the user.
import type { XmlElement } from "./chartXmlText";
import { cellValueOf, parseSharedStrings, SharedFormulas } from "./cellValues";
import type { CellValue } from "../model/types";
import { WorkbookOpenError } from "../contract";
import { openPackage } from "./detect";
import { readContentTypes, type ContentTypes } from "./drawingsPassthrough";
import { damageMessage, limitMessage, OverLimit, PackageDamage, type LoadLimits } from "./loadErrors";
import { parsePartXml } from "./partXml";
import { readSheetPart, type RawRow } from "./sheetData";
import { readStyles, type StyleSheet } from "./styles";
import { readWebExtensions, type LoadedWebExtensions } from "./webExtension";
import { findWorkbookPart, readWorkbookParts, type SheetEntry, type WorkbookParts } from "./workbookParts";
import type { ZipPackage } from "./zipPackage";

/** The shared text, the styles and the date system every sheet's cells are read with. */
export interface CellContext {
  sharedStrings: string[];
  styles: StyleSheet;
  date1904: boolean;
}

/** Where a worksheet's cells go as they are read. */
export interface CellSink {
  row?(row: RawRow): void;
  /**
   * A cell that holds a value, a formula or a format, in the order the part lists them: its value (null when
   * empty), its formula (without "="; undefined when none) and its cell format's index (0 when it has none).
   */
  cell(row: number, col: number, value: CellValue, formula: string | undefined, style: number): void;
}

/** What the sheets' parts will cost, checked against the limits before any of them is unpacked. */
export function checkSheetSizes(pkg: ZipPackage, parts: WorkbookParts, limits: LoadLimits): void {
  let total = 0;
  for (const s of parts.sheets) {
    if (s.kind !== "worksheet") continue;
    const size = pkg.entry(s.part)?.uncompressedSize ?? 0;
    if (size > limits.maxSheetPartBytes) throw new OverLimit("maxSheetPartBytes", limits.maxSheetPartBytes, size, s.part);
    total += size;
  }
  for (const p of [parts.sharedStringsPart, parts.stylesPart]) total += p ? pkg.entry(p)?.uncompressedSize ?? 0 : 0;
  if (total > limits.maxTotalBytes) throw new OverLimit("maxTotalBytes", limits.maxTotalBytes, total);
}

/** Counts cells over the whole workbook and stops the read as soon as there are too many. */
export class CellBudget {
  private count = 0;
  constructor(private readonly max: number) {}
  take(): void {
    if (++this.count > this.max) throw new OverLimit("maxCells", this.max, this.count);
  }
}

export class WorkbookReader {
  private constructor(
    readonly pkg: ZipPackage,
    readonly parts: WorkbookParts,
    readonly ctx: CellContext,
    private readonly budget: CellBudget,
  ) {}

  /** Open a workbook file: throws WorkbookOpenError (what the file is instead), PackageDamage or OverLimit. */
  static open(bytes: Uint8Array, label: string, limits: LoadLimits): WorkbookReader {
    const pkg = openPackage(bytes, label);
    const workbookPart = findWorkbookPart(pkg);
    if (!workbookPart) {
      throw new WorkbookOpenError(`${label} is damaged or is not an Excel workbook (.xlsx): it has no workbook part (xl/workbook.xml).`, "corrupt");
    }
    const parts = readWorkbookParts(pkg, workbookPart);
    checkSheetSizes(pkg, parts, limits);
    pkg.budget = limits.maxTotalBytes;
    const ctx: CellContext = {
      sharedStrings: parts.sharedStringsPart ? parseSharedStrings(pkg.textOf(parts.sharedStringsPart), parts.sharedStringsPart) : [],
      styles: readStyles(parts.stylesPart ? pkg.textOf(parts.stylesPart) : null, parts.stylesPart ?? "xl/styles.xml"),
      date1904: parts.date1904,
    };
    return new WorkbookReader(pkg, parts, ctx, new CellBudget(limits.maxCells));
  }

  /** The worksheets (not chart sheets), in the workbook's order. */
  get worksheets(): SheetEntry[] {
    return this.parts.sheets.filter((e) => e.kind === "worksheet");
  }

  /**
   * One worksheet's cells, each decoded once (shared strings, dates, shared formulas) and handed to the sink;
   * returns the rest of the part (everything but its cells), parsed. A cell naming a format the workbook does
   * not have is damage, as Excel finds it.
   */
  readWorksheet(entry: SheetEntry, sink: CellSink): XmlElement {
    const part = entry.part;
    const { sharedStrings, date1904, styles } = this.ctx;
    const formulas = new SharedFormulas();
    const budget = this.budget;
    const split = readSheetPart(this.pkg.textOf(part), part, {
      row: sink.row ? (row) => sink.row!(row) : undefined,
      cell(raw) {
        const value = cellValueOf(raw, sharedStrings, date1904, part);
        const formula = formulas.formulaOf(raw);
        if (raw.style >= styles.cellFormatCount && raw.style > 0) throw new PackageDamage("part", part, "a cell uses a format the workbook does not have");
        const style = raw.style && styles.cellStyle(raw.style) ? raw.style : 0;
        if (value === null && formula === undefined && !style) return;
        budget.take();
        sink.cell(raw.row, raw.col, value, formula, style);
      },
    });
    return parsePartXml(split.rest, part);
  }

  /** The add-in's settings and every web extension part, as the file has them. */
  webExtensions(): Promise<LoadedWebExtensions> {
    return carried(() => readWebExtensions(this.pkg), "xl/webextensions/webextension1.xml");
  }

  /** [Content_Types].xml, read once (findWorkbookPart has checked that it is there and well formed). */
  contentTypes(): ContentTypes {
    return readContentTypes(this.pkg.textOrNull("[Content_Types].xml") ?? "");
  }
}

/**
 * Parts read only to be carried through (drawings, web extensions): a part there that is not well formed
 * is damage to the file, named as nearly as the reader can, not a fault of ours.
 */
export async function carried<T>(read: () => Promise<T>, part: string, detail?: string): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof PackageDamage || e instanceof OverLimit) throw e;
    if (e instanceof Error && /^Malformed XML/.test(e.message)) throw new PackageDamage("part", part, detail);
    throw e;
  }
}

/** Turn what went wrong into one sentence for the user; our own faults are owned as ours. */
export function openErrorOf(e: unknown, label: string): WorkbookOpenError {
  if (e instanceof WorkbookOpenError) return e;
  if (e instanceof PackageDamage) return new WorkbookOpenError(damageMessage(label, e), "corrupt");
  if (e instanceof OverLimit) return Object.assign(new WorkbookOpenError(limitMessage(label, e), "too-large"), { limit: e.limit });
  if (e instanceof RangeError && /memory|allocation|string length|array length/i.test(e.message)) {
    return new WorkbookOpenError(`${label} is too large to read in the memory available. Split the workbook, or delete what it does not need, save, and try again.`, "too-large");
  }
  return new WorkbookOpenError(
    `${label} could not be read: KPI Scorecard met something in it that it cannot handle (a fault in KPI Scorecard, not in your file or in Excel). Open the file in Excel, save it again and try again; if it still fails, please report it.`,
    "unreadable",
  );
}
