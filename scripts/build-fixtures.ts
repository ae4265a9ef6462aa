// Builds every .xlsx fixture under tests/fixtures/ and the sample workbook under assets/samples/
// from the seed transcriptions in scripts/fixtures/data/, then writes the catalog and README.
// Deterministic: the same data gives the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { workbookBytes } from "./fixtures/workbook";
import { catalogSource, readmeSource } from "./fixtures/emit-catalog";
import type { BuiltFixture } from "./fixtures/built";
import { buildSeed000Published, buildSeed000Typed } from "./fixtures/build-seed000";
import { buildSeed002Published } from "./fixtures/build-seed002";
import { buildSeed004Published, buildSeed004WithRag } from "./fixtures/build-seed004";
import { buildNoise } from "./fixtures/build-noise";

const root = join(__dirname, "..");

const BUILDERS: (() => BuiltFixture)[] = [
  buildSeed000Published,
  buildSeed000Typed,
  buildSeed002Published,
  buildSeed004Published,
  buildSeed004WithRag,
  buildNoise,
];

/** Files that are not ExcelJS workbooks, described for the README. */
const OTHER_FILES: string[] = [];

async function main(): Promise<void> {
  const built = BUILDERS.map((b) => b());
  for (const { wb, info } of built) {
    const path = join(root, info.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await workbookBytes(wb));
    console.log(`wrote ${info.file} (${info.tables.length} KPI tables)`);
  }
  const infos = built.map((b) => b.info).filter((i) => i.file.startsWith("tests/"));
  writeFileSync(join(root, "scripts/fixtures/catalog.ts"), catalogSource(infos));
  writeFileSync(join(root, "tests/fixtures/README.md"), readmeSource(infos, OTHER_FILES));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
