// `kpi-scorecard scorecard` never writes over its input or an existing file, checks every option value
// in one line (exit 2), says what went wrong with the disk in words, and never leaves half a file.
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { runScorecard } from "../../src/cli/scorecardCommand";
import { realFs, type OutputFs } from "../../src/cli/outputFile";
import { CliError } from "../../src/cli/cliError";
import { FIXTURES } from "../helpers/scan";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "kpi-scorecard", ...args], (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const SOURCE = join(FIXTURES, "seed000-impact-summary.xlsx");

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), "kpi-safe-"));
}

function inputIn(dir: string, name = "kpis.xlsx"): string {
  const input = join(dir, name);
  copyFileSync(SOURCE, input);
  return input;
}

describe("the input is never written over", () => {
  it("-o naming a hard link to the input is refused, and the input is unchanged", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const link = join(dir, "link.xlsx");
    linkSync(input, link);
    const before = readFileSync(input);
    const r = await run("scorecard", input, "-o", link, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/will not write over the input/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("-o naming a symlink to the input is refused, with or without --force", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const link = join(dir, "alias.xlsx");
    symlinkSync(input, link);
    const before = readFileSync(input);
    for (const extra of [[], ["--force"]]) {
      const r = await run("scorecard", input, "-o", link, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/will not write over the input/);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("-o naming the input by another path (./, ..) is refused", async () => {
    const dir = freshDir();
    mkdirSync(join(dir, "sub"));
    const input = inputIn(dir);
    const r = await run("scorecard", input, "-o", join(dir, "sub", "..", ".", "kpis.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/will not write over the input/);
  });

  it("on a case-insensitive disk, the input under another letter case is the same file and is refused", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    // What a case-insensitive disk (Windows, macOS) answers: KPIS.XLSX is kpis.xlsx, same inode.
    const caseInsensitive: OutputFs = { ...realFs, stat: (p) => realFs.stat(p.replace(/KPIS\.XLSX$/, "kpis.xlsx")) };
    const before = readFileSync(input);
    await expect(runScorecard(input, { output: join(dir, "KPIS.XLSX"), force: true, overrides: {} }, () => undefined, caseInsensitive)).rejects.toThrow(
      /will not write over the input/,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("existing files and output names", () => {
  it("an existing -o file is refused without --force (exit 2, file unchanged) and replaced with it", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const output = join(dir, "out.xlsx");
    writeFileSync(output, "precious");
    const refused = await run("scorecard", input, "-o", output);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists; add --force to replace it/);
    expect(readFileSync(output, "utf8")).toBe("precious");
    const forced = await run("scorecard", input, "-o", output, "--force", "--as-of", "2024-02-29");
    expect(forced.code).toBe(0);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["kpis.xlsx", "out.xlsx"]); // no temporary file left behind
  });

  it("the default name beside the input takes a free suffix when taken, never replacing a file", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    writeFileSync(join(dir, "kpis-scorecard.xlsx"), "mine");
    const r = await run("scorecard", input, "--as-of", "2024-02-29");
    expect(r.code).toBe(0);
    expect(r.out).toContain(join(dir, "kpis-scorecard-2.xlsx"));
    expect(readFileSync(join(dir, "kpis-scorecard.xlsx"), "utf8")).toBe("mine");
    const again = await run("scorecard", input, "--as-of", "2024-02-29");
    expect(again.out).toContain(join(dir, "kpis-scorecard-3.xlsx"));
  });

  it("-o must end in .xlsx: out.csv is refused before any work", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const r = await run("scorecard", input, "-o", join(dir, "out.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/-o must name a file ending in \.xlsx/);
    expect(existsSync(join(dir, "out.csv"))).toBe(false);
  });

  it("a missing output folder is said in words, not ENOENT", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const r = await run("scorecard", input, "-o", join(dir, "no-such-folder", "out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`kpi-scorecard: cannot write "${join(dir, "no-such-folder", "out.xlsx")}": the folder "${join(dir, "no-such-folder")}" does not exist.\n`);
  });
});

describe("file-system failures: plain words, and never half a file", () => {
  const cases: [string, string][] = [
    ["ENOSPC", "the disk is full"],
    ["EROFS", "the disk or folder is read-only"],
    ["EACCES", "permission denied"],
    ["EDQUOT", "your disk quota is used up"],
  ];
  it.each(cases)("%s while writing: %s, and no file is left", async (code, words) => {
    const dir = freshDir();
    const input = inputIn(dir);
    const output = join(dir, "out.xlsx");
    // The write gets half way, then the disk fails.
    const failing: OutputFs = {
      ...realFs,
      writeFile: async (p, data, o) => {
        await fsp.writeFile(p, data.subarray(0, data.length >> 1), o);
        throw Object.assign(new Error(`${code}: raw system text`), { code });
      },
    };
    const err = await runScorecard(input, { output, overrides: { asOf: "2024-02-29" } }, () => undefined, failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toBe(`cannot write "${output}": ${words}${code === "EACCES" ? `: you cannot write in "${dir}"` : ""}.`);
    expect(readdirSync(dir)).toEqual(["kpis.xlsx"]);
  });

  it("a crash between writing and placing the file leaves the output absent, not half written", async () => {
    const dir = freshDir();
    const input = inputIn(dir);
    const output = join(dir, "out.xlsx");
    const crashing: OutputFs = {
      ...realFs,
      link: async () => {
        throw Object.assign(new Error("EIO"), { code: "EIO" });
      },
    };
    await expect(runScorecard(input, { output, overrides: { asOf: "2024-02-29" } }, () => undefined, crashing)).rejects.toThrow(/the disk reported a read or write error/);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(dir)).toEqual(["kpis.xlsx"]);
  });
});

describe("option values: one line naming the option and what is allowed, exit 2", () => {
  const input = join(FIXTURES, "seed000-impact-summary.xlsx");
  const cases: [string[], RegExp][] = [
    [["--as-of", "2024-02-30"], /^kpi-scorecard: --as-of must be a real calendar date as YYYY-MM-DD, e\.g\. 2024-03-31 \(got "2024-02-30", which is not a day of the calendar\)\.$/],
    [["--plan-start", "2019-02-30"], /^kpi-scorecard: --plan-start must be a real calendar date as YYYY-MM-DD/],
    [["--as-of", "31/03/2024"], /^kpi-scorecard: --as-of must be a real calendar date as YYYY-MM-DD/],
    [["--default-polarity", "sideways"], /^kpi-scorecard: --default-polarity must be "higher" or "lower" \(got "sideways"\)\.$/],
    [["--amber-band", "10"], /^kpi-scorecard: --amber-band must be a fraction between 0 and 1, e\.g\. 0\.1 for 10% \(got "10"\)\.$/],
    [["--amber-band", "-0.1"], /^kpi-scorecard: --amber-band must be a fraction between 0 and 1/],
    [["--amber-band", "lots"], /^kpi-scorecard: --amber-band must be a fraction between 0 and 1/],
    [["--flat-band", "-1"], /^kpi-scorecard: --flat-band must be a number of 0 or more/],
    [["--flat-band", "0x10"], /^kpi-scorecard: --flat-band must be a number of 0 or more/],
  ];
  it.each(cases)("scan %j is refused", async (args, message) => {
    for (const command of ["scan", "scorecard"]) {
      const r = await run(command, input, ...args);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toMatch(message);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.out).toBe("");
    }
  });

  it("good values are taken as meant: --amber-band 10% is 0.1, --default-polarity lower", async () => {
    const r = await run("scan", input, "--json", "--as-of", "2024-02-29", "--amber-band", "10%", "--default-polarity", "lower", "--plan-start", "2024-02-29");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.settings.amberBand).toBe(0.1);
    expect(doc.settings.defaultPolarity).toBe("lower-is-better");
    expect(doc.settings.planStart).toBe("2024-02-29");
  });

  it("--version prints the package's version; --help documents the exit codes", async () => {
    const version = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version as string;
    const v = await run("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(version);
    const help = await run("scorecard", "--help");
    expect(help.out).toMatch(/--force/);
    expect(help.out).toMatch(/Exit codes:[\s\S]*2 +the command line is wrong/);
  });
});
