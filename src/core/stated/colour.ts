// What a colour says as a RAG status: a cell filled red, amber or green with no text, or a dot drawn in
// the font colour, reads as that status. Hue decides, so the many reds and greens people pick all count;
// white, black and pale or dark greys say nothing.
import type { Rag } from "../types";

/** "FF0000", "#00B050", "FFC7CE" (6 or 8 hex digits; the first two of 8 are alpha). */
export function ragFromColour(hex: string | null | undefined): Rag | null {
  const channels = rgbOf(hex);
  if (!channels) return null;
  const [r, g, b] = channels;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const sat = max === min ? 0 : light > 0.5 ? (max - min) / (2 - max - min) : (max - min) / (max + min);
  // Too pale (a light tint used for banding) or too grey to be a status colour.
  if (sat < 0.25 || light > 0.93 || light < 0.08) return null;
  let hue: number;
  const d = max - min;
  if (max === r) hue = ((g - b) / d) % 6;
  else if (max === g) hue = (b - r) / d + 2;
  else hue = (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 15 || hue >= 340) return "red";
  if (hue < 66) return "amber";
  if (hue < 170) return "green";
  if (hue >= 190 && hue < 260) return "blue";
  return null;
}

/**
 * A neutral mid or light grey ("CCCCCC", "BFBFBF", "D9D9D9"): a Grey status in a column whose other cells
 * are filled red, amber or green, and nothing anywhere else (greys band tables). Near-white and near-black
 * are not.
 */
export function isNeutralGrey(hex: string | null | undefined): boolean {
  const channels = rgbOf(hex);
  if (!channels) return false;
  const [r, g, b] = channels;
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const light = (max + min) / 2;
  return max - min < 0.08 && light >= 0.4 && light <= 0.88;
}

/** Red, green and blue from 0 to 1, from "FF0000", "#00B050" or "FFFFC7CE" (the first two of 8 digits are alpha); null when not a colour. */
function rgbOf(hex: string | null | undefined): [number, number, number] | null {
  if (!hex) return null;
  const h = hex.replace(/^#/, "");
  const rgb = h.length === 8 ? h.slice(2) : h;
  if (!/^[0-9a-f]{6}$/i.test(rgb)) return null;
  return [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
}
