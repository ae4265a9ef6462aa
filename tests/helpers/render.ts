// Rendering a workbook the way a user would see it printed, with LibreOffice and poppler, so tests can check
// that a saved .xlsx opens and that its charts are actually drawn. Tests skip (with a message) where
// soffice is not installed.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";

function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const n of names) {
      const candidate = join(dir, n);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** The LibreOffice binary, or null when it is not installed. */
export function sofficePath(): string | null {
  const found = onPath(process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"]);
  if (found) return found;
  const usual = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ];
  return usual.find((p) => existsSync(p)) ?? null;
}

/** poppler's pdftoppm, or null. */
export function pdftoppmPath(): string | null {
  return onPath(process.platform === "win32" ? ["pdftoppm.exe"] : ["pdftoppm"]);
}

/**
 * A describe for render tests (npm run test:render): where LibreOffice or poppler is missing, its tests
 * fail with the reason and how to install them, rather than passing unseen.
 */
export function describeRender(name: string, fn: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      const reason = renderUnavailableReason();
      if (reason) throw new Error(reason);
    });
    fn();
  });
}

/** Why rendering tests cannot run here, or null when they can. */
export function renderUnavailableReason(): string | null {
  if (!sofficePath()) return "LibreOffice (soffice) is not on PATH: install libreoffice-calc-nogui to run the rendering checks";
  if (!pdftoppmPath()) return "pdftoppm is not on PATH: install poppler-utils to run the rendering checks";
  return null;
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${basename(file)} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

export interface RenderOptions {
  timeoutMs?: number;
  /** pdftoppm resolution in dots per inch. */
  dpi?: number;
}

/**
 * Convert a workbook to PDF with headless LibreOffice. A fresh profile per call lets tests run in
 * parallel (LibreOffice refuses a second instance on one profile). Returns the PDF's path.
 */
export async function renderXlsxToPdf(xlsxPath: string, outDir: string, opts: RenderOptions = {}): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("soffice is not installed");
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString("hex")}`);
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, xlsxPath],
      opts.timeoutMs ?? 120_000,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice reported success but wrote no PDF for ${xlsxPath}`);
  return pdf;
}

async function pdfToImages(pdf: string, outDir: string, format: "-png" | null, opts: RenderOptions): Promise<string[]> {
  const pdftoppm = pdftoppmPath();
  if (!pdftoppm) throw new Error("pdftoppm is not installed");
  const stem = `${basename(pdf, ".pdf")}-${format ? "png" : "rgb"}`;
  const args = [...(format ? [format] : []), "-r", String(opts.dpi ?? 60), pdf, join(outDir, stem)];
  await run(pdftoppm, args, opts.timeoutMs ?? 60_000);
  const ext = format ? ".png" : ".ppm";
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(ext))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((f) => join(outDir, f));
}

const pageNumber = (file: string): number => Number(/-(\d+)\.\w+$/.exec(file)?.[1] ?? 0);

/** Render every page of the workbook to PNG (soffice -> PDF -> pdftoppm -png -r 60). Returns the PNG paths in page order. */
export async function renderXlsxToPng(xlsxPath: string, outDir: string, opts: RenderOptions = {}): Promise<string[]> {
  const pdf = await renderXlsxToPdf(xlsxPath, outDir, opts);
  return pdfToImages(pdf, outDir, "-png", opts);
}

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes per pixel, row by row. */
  pixels: Uint8Array;
}

/** Render a PDF's pages as raw RGB images (pdftoppm's PPM, parsed here: no image library needed). */
export async function pdfToRgbPages(pdf: string, outDir: string, opts: RenderOptions = {}): Promise<RgbImage[]> {
  const files = await pdfToImages(pdf, outDir, null, opts);
  return files.map((f) => parsePpm(readFileSync(f)));
}

/** Parse a binary PPM (P6, maxval 255). */
export function parsePpm(bytes: Uint8Array): RgbImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' comment to end of line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]))) pos++;
    return String.fromCharCode(...bytes.subarray(start, pos));
  };
  if (token() !== "P6") throw new Error("not a binary PPM (P6)");
  const width = Number(token());
  const height = Number(token());
  if (Number(token()) !== 255) throw new Error("only 8-bit PPM is supported");
  pos++; // the single whitespace byte before the raster
  return { width, height, pixels: bytes.subarray(pos, pos + width * height * 3) };
}

/** Pixels that are not (near) white: ink of any colour. */
export function countInk(img: RgbImage): number {
  let n = 0;
  for (let i = 0; i < img.pixels.length; i += 3) if (img.pixels[i] + img.pixels[i + 1] + img.pixels[i + 2] < 720) n++;
  return n;
}

/** Pixels within `tolerance` (per channel) of a colour "RRGGBB": how much of the page a series colour covers. */
export function countColour(img: RgbImage, hex: string, tolerance = 40): number {
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  let n = 0;
  for (let i = 0; i < img.pixels.length; i += 3) {
    const p = img.pixels;
    if (Math.abs(p[i] - r) <= tolerance && Math.abs(p[i + 1] - g) <= tolerance && Math.abs(p[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

/** A fresh scratch directory under the OS temp dir. */
export function scratchDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}-${randomBytes(6).toString("hex")}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Open each workbook in headless LibreOffice with recalculation on load ("always": the OOXMLRecalcMode setting,
 * set in a fresh profile's registrymodifications.xcu) and save it again as .xlsx into outDir, so the cached
 * values in the result are LibreOffice's own. One soffice run per batch of files: a single run given 262 files
 * stopped after the 247th and still exited 0, so the files go in batches well under that. Returns the saved paths.
 */
/** Files per soffice run when recalculating (see recalculateWithLibreOffice). */
const RECALC_BATCH = 100;

export async function recalculateWithLibreOffice(xlsxPaths: readonly string[], outDir: string, opts: RenderOptions = {}): Promise<string[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("soffice is not installed");
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `lo-recalc-${randomBytes(6).toString("hex")}`);
  mkdirSync(join(profile, "user"), { recursive: true });
  // 0 = always recalculate (1 never, 2 ask), for OOXML and ODF files alike.
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
      "</oor:items>\n",
  );
  try {
    for (let i = 0; i < xlsxPaths.length; i += RECALC_BATCH) {
      const batch = xlsxPaths.slice(i, i + RECALC_BATCH);
      await run(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...batch], opts.timeoutMs ?? 600_000);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = xlsxPaths.map((p) => join(outDir, basename(p)));
  for (const p of out) if (!existsSync(p)) throw new Error(`LibreOffice reported success but wrote no ${p}`);
  return out;
}
