// Cell fill and font, read with Range.getCellProperties, kept the way the snapshot stores them: each
// distinct (fill, font, font colour) once per sheet, each cell as a small number, then the sheet's
// commonest font as its default and only the cells that differ from it written out.
import type { CellStyle, FontFace } from "../core/snapshot";

/** What the reader asks getCellProperties for: as little as tells a fill, a symbol font and a coloured symbol. */
export const CELL_PROPERTIES = { format: { fill: { color: true }, font: { name: true, color: true } } } as const;

/** A cell's properties as Excel returns them for CELL_PROPERTIES (a row's, for getRowProperties: null where its cells differ). */
export interface ReadCellProperties {
  format?: { fill?: { color?: string | null }; font?: { name?: string | null; color?: string | null } };
}

interface Face {
  fill: string | null;
  fontName: string | null;
  fontColor: string | null;
}

/** "#ff0000" -> "FF0000"; null for anything that is not a 6-digit colour. */
function hex(color: string | null | undefined): string | null {
  const m = typeof color === "string" ? /^#?([0-9a-fA-F]{6})$/.exec(color) : null;
  return m ? m[1].toUpperCase() : null;
}

/** The distinct faces of one sheet's cells, and how many cells use each. */
export class StyleTable {
  private readonly ids = new Map<string, number>();
  private readonly faces: Face[] = [];
  private readonly uses: number[] = [];

  /** The id of a cell's face (counted `cells` times); white fill reads as no fill (it looks the same). */
  idOf(p: ReadCellProperties | null | undefined, cells = 1): number {
    const fill = hex(p?.format?.fill?.color);
    const face: Face = {
      fill: fill === "FFFFFF" ? null : fill,
      fontName: p?.format?.font?.name ?? null,
      fontColor: hex(p?.format?.font?.color),
    };
    const key = `${face.fill}|${face.fontName}|${face.fontColor}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.faces.length;
      this.ids.set(key, id);
      this.faces.push(face);
      this.uses.push(0);
    }
    this.uses[id] += cells;
    return id;
  }

  /** The font (and colour) most cells use: the sheet's default. */
  defaultFont(): FontFace {
    const votes = new Map<string, { face: FontFace; n: number }>();
    this.faces.forEach((f, i) => {
      const key = `${f.fontName}|${f.fontColor}`;
      const v = votes.get(key) ?? { face: { name: f.fontName, color: f.fontColor }, n: 0 };
      v.n += this.uses[i];
      votes.set(key, v);
    });
    let best: { face: FontFace; n: number } | null = null;
    for (const v of votes.values()) if (!best || v.n > best.n) best = v;
    return best ? best.face : { name: null, color: null };
  }

  /** The cells of a block (ids row by row, `colCount` wide) that differ from the default font or have a fill. */
  stylesOf(ids: ArrayLike<number>, colCount: number, font: FontFace): CellStyle[] {
    const differs = this.faces.map((f) => f.fill !== null || f.fontName !== font.name || f.fontColor !== font.color);
    const out: CellStyle[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id < 0 || !differs[id]) continue;
      const f = this.faces[id];
      const s: CellStyle = { r: Math.floor(i / colCount), c: i % colCount };
      if (f.fill !== null) s.fill = f.fill;
      if (f.fontName !== font.name && f.fontName !== null) s.fontName = f.fontName;
      if (f.fontColor !== font.color && f.fontColor !== null) s.fontColor = f.fontColor;
      out.push(s);
    }
    return out;
  }
}
