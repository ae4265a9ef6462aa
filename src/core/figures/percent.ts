// A whole percentage (97.5) to the fraction Excel stores (0.975), by moving the decimal point in
// the number's own digits rather than dividing, so 71.3 gives 0.713 and not 0.7130000000000001.

export function percentToFraction(n: number): number {
  if (!Number.isFinite(n)) return Number.NaN;
  // String(n) may already be in exponent form ("5e-324", "1e+21"): shift that exponent.
  const [mantissa, exponent = "0"] = String(n).split("e");
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}
