// Colour arithmetic for accessible status colours: WCAG 2.x contrast, and a simulation of the
// common colour-vision deficiencies so we can check RAG fills stay apart for those readers too.

/** A colour as six hex digits, no "#": "C00000". The form Excel's API and the .xlsx file use. */
export type HexColour = string;

type Rgb = [number, number, number];

function parseHex(hex: HexColour): Rgb {
  const h = hex.replace(/^#/, "");
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`Not a six-digit hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as Rgb;
}

/** sRGB channel (0-1) to linear light, as WCAG 2.x defines it. */
function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

function linearRgb(hex: HexColour): Rgb {
  return parseHex(hex).map(toLinear) as Rgb;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: HexColour): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, 1 to 21. Normal-size text needs at least 4.5. */
export function contrastRatio(a: HexColour, b: HexColour): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export type ColourVision = "normal" | "protanopia" | "deuteranopia" | "tritanopia";

// Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, applied in linear RGB.
const CVD_MATRICES: Record<Exclude<ColourVision, "normal">, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(hex: HexColour, vision: ColourVision): Rgb {
  const lin = linearRgb(hex);
  if (vision === "normal") return lin;
  const m = CVD_MATRICES[vision];
  return m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))) as Rgb;
}

/** CIE L*a*b* of a linear-RGB colour (D65). */
function toLab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/**
 * How far apart two colours look (CIE76 ΔE) to a reader with the given colour vision.
 * Around 2 is a just-noticeable difference; 20+ is clearly distinct at a glance.
 */
export function perceivedDifference(a: HexColour, b: HexColour, vision: ColourVision = "normal"): number {
  const la = toLab(simulate(a, vision));
  const lb = toLab(simulate(b, vision));
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}
