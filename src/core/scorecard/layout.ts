// What the scorecard's parts add to the sheet as they are laid out top to bottom: value blocks,
// formats, merges, row heights, colour rules, links and the sections the pane links to.
import { cellAddress } from "../address";
import type { BlockBuilder } from "./grid";
import { span } from "./grid";
import type { Span } from "./partition";
import { spanWidth } from "./partition";
import { EXCEL_FIT, MAX_ROW_HEIGHT, type FontSpec, type TextFit } from "./textFit";
import type {
  CellBlock,
  HyperlinkSpec,
  MergeSpec,
  RangeFormatSpec,
  RowHeightSpec,
  SheetSection,
  TextRuleSpec,
} from "./types";

export class SheetLayout {
  readonly blocks: CellBlock[] = [];
  readonly formats: RangeFormatSpec[] = [];
  readonly merges: MergeSpec[] = [];
  readonly textRules: TextRuleSpec[] = [];
  readonly hyperlinks: HyperlinkSpec[] = [];
  readonly sections: SheetSection[] = [];
  readonly pageBreaksBefore: number[] = [];
  private readonly heights = new Map<number, number>();

  /**
   * Printed column widths in points, from column A, and how rows are sized for the program that shows them
   * (Excel's lines, or LibreOffice's when the sheet is only printed by it).
   */
  constructor(
    readonly widths: readonly number[],
    readonly fit: TextFit = EXCEL_FIT,
  ) {}

  get lastCol(): number {
    return this.widths.length - 1;
  }

  add(block: BlockBuilder): void {
    const b = block.build();
    if (b) this.blocks.push(b);
  }

  format(f: RangeFormatSpec): void {
    this.formats.push(f);
  }

  /** Row `row` is at least `height` points tall. */
  height(row: number, height: number): void {
    const h = Math.min(MAX_ROW_HEIGHT, Math.ceil(height * 4) / 4);
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, h));
  }

  /** The row tall enough for `text` wrapped over the columns of `s` in `font`. */
  fitText(row: number, s: Span, text: string, font: FontSpec): void {
    this.height(row, this.fit.heightFor(text, spanWidth(this.widths, s), font));
  }

  /** Merge each row of rows first..last over the span's columns into its own cell. */
  mergeAcross(first: number, last: number, s: Span): void {
    if (s[0] === s[1]) return;
    this.merges.push({ address: span(first, s[0], last, s[1]), across: true });
  }

  section(id: SheetSection["id"], label: string, row: number): void {
    this.sections.push({ id, label, cell: cellAddress(row, 0) });
  }

  /** Rows with their heights, consecutive rows of one height as one run. */
  rowHeights(): RowHeightSpec[] {
    const rows = [...this.heights.keys()].sort((a, b) => a - b);
    const out: RowHeightSpec[] = [];
    for (const r of rows) {
      const h = this.heights.get(r)!;
      const last = out[out.length - 1];
      if (last && last.row + last.count === r && last.height === h) last.count++;
      else out.push({ row: r, count: 1, height: h });
    }
    return out;
  }

  /** Height of a row as laid out (points), for paging. */
  rowHeight(row: number, fallback: number): number {
    return this.heights.get(row) ?? fallback;
  }
}

/** The whole printed width as one span. */
export function fullSpan(layout: SheetLayout): Span {
  return [0, layout.lastCol];
}
