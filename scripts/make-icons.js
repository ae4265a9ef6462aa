// Draws the add-in's icons (a RAG-bars glyph: red, amber and green bars rising left to right)
// as PNGs at the sizes the manifest declares. No network and no image libraries: PNG is
// written by hand with zlib, so the icons can be regenerated anywhere Node runs.
//   node scripts/make-icons.js [outDir]
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
// WCAG-friendly RAG colours (each is > 3:1 against white, as icons need).
const RED = [196, 49, 75];
const AMBER = [202, 80, 16];
const GREEN = [16, 124, 16];
const FRAME = [36, 36, 36];
// Excel's selection blue, and a light fill under it.
const BRAND = [15, 108, 189];
const BRAND_LIGHT = [207, 228, 250];
/** The "Use selection as KPI table" button's icon, at the sizes a ribbon button needs. */
const SELECTION_SIZES = [16, 32, 80];

/** CRC-32 as the PNG chunk trailer needs it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA image of size x size as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Three bars of rising height on a baseline, drawn with 4x4 supersampling for smooth edges. */
function drawGlyph(size) {
  const margin = size * 0.12;
  const inner = size - 2 * margin;
  const gap = inner * 0.08;
  const barW = (inner - 2 * gap) / 3;
  const base = size - margin;
  const axis = Math.max(1, size * 0.06);
  const bars = [
    { x: margin, h: inner * 0.42, c: RED },
    { x: margin + barW + gap, h: inner * 0.66, c: AMBER },
    { x: margin + 2 * (barW + gap), h: inner * 0.9, c: GREEN },
  ];
  const colourAt = (px, py) => {
    if (py >= base - axis && py < base && px >= margin && px < size - margin) return FRAME;
    for (const b of bars) if (px >= b.x && px < b.x + barW && py >= base - axis - b.h && py < base - axis) return b.c;
    return null;
  };
  return render(size, colourAt);
}

/**
 * "Use selection as KPI table": a sheet's grid with a block of it selected (a thick frame over a light fill),
 * the way Excel shows a selection.
 */
function drawSelectionGlyph(size) {
  const margin = size * 0.1;
  const inner = size - 2 * margin;
  const line = Math.max(1, size * 0.045);
  const thick = Math.max(1.5, size * 0.1);
  const cols = 3, rows = 4;
  const cw = inner / cols, rh = inner / rows;
  // The selection: the right two columns, the lower three rows.
  const sel = { x0: margin + cw, y0: margin + rh, x1: margin + inner, y1: margin + inner };
  const colourAt = (px, py) => {
    if (px < margin || px >= margin + inner || py < margin || py >= margin + inner) return null;
    const inSel = px >= sel.x0 && px < sel.x1 && py >= sel.y0 && py < sel.y1;
    if (inSel && (px < sel.x0 + thick || px >= sel.x1 - thick || py < sel.y0 + thick || py >= sel.y1 - thick)) return BRAND;
    const onGrid = [0, 1, 2, 3].some((i) => Math.abs(px - (margin + i * cw)) < line / 2 || (i === 3 && px >= margin + inner - line)) ||
      [0, 1, 2, 3, 4].some((i) => Math.abs(py - (margin + i * rh)) < line / 2 || (i === 4 && py >= margin + inner - line));
    if (onGrid) return FRAME;
    return inSel ? BRAND_LIGHT : null;
  };
  return render(size, colourAt);
}

/** An RGBA image of a drawing given as the colour at each point (null: transparent), 4x4 supersampled. */
function render(size, colourAt) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, bl = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
          if (c) { r += c[0]; g += c[1]; bl += c[2]; a++; }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(bl / a);
        rgba[i + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return rgba;
}

function main() {
  const outDir = process.argv[2] || path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawGlyph(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  for (const size of SELECTION_SIZES) {
    const file = path.join(outDir, `use-selection-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawSelectionGlyph(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, drawGlyph, drawSelectionGlyph, SIZES, SELECTION_SIZES };
