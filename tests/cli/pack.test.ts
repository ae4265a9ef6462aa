// `kpi-scorecard pack`: without LibreOffice it says how to install it; it never writes over its input or
// an existing file, and names only a .pdf. (The printed pack itself is checked in tests/render.)
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { runPack, findSoffice } from "../../src/cli/packCommand";
import { FIXTURES } from "../helpers/scan";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe("kpi-scorecard pack", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-pack-"));
  const input = join(dir, "seed000.xlsx");
  copyFileSync(join(FIXTURES, "seed000-impact-summary.xlsx"), input);

  it("says plainly how to install LibreOffice when it is not there, and writes nothing", async () => {
    const out = join(dir, "pack.pdf");
    await expect(runPack(input, { output: out, overrides: {}, soffice: null }, () => undefined)).rejects.toThrow(
      /LibreOffice prints the pack and was not found.*sudo apt-get install libreoffice-calc-nogui.*brew install --cask libreoffice/,
    );
    expect(existsSync(out)).toBe(false);
    expect(findSoffice({ KPI_SCORECARD_SOFFICE: join(dir, "no-such-soffice") })).toBeNull();
  });

  it("never writes over its input or an existing file, and names only a .pdf", async () => {
    const before = readFileSync(input);
    expect((await run("pack", input, "-o", input)).err).toMatch(/-o must name a \.pdf file/);
    const taken = join(dir, "taken.pdf");
    writeFileSync(taken, "mine");
    const r = await run("pack", input, "-o", taken);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/exists already; choose another name with -o, or add --force/);
    expect(readFileSync(taken, "utf8")).toBe("mine");
    expect(readFileSync(input).equals(before)).toBe(true);
    expect((await run("pack", "--help")).out).toMatch(/board pack PDF through LibreOffice/);
  });
});
