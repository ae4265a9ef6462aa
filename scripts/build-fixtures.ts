// Builds every .xlsx fixture under tests/fixtures/ and the sample workbook under assets/samples/
// from the seed transcriptions in scripts/fixtures/data/, then writes the catalog and README.
// Deterministic: the same data gives the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { workbookBytes } from "./fixtures/workbook";
import { catalogSource, readmeSource } from "./fixtures/emit-catalog";
import type { BuiltFixture } from "./fixtures/built";
import { buildSeed000Published, buildSeed000Typed } from "./fixtures/build-seed000";
import { buildSeed002Published, buildSeed002Typed } from "./fixtures/build-seed002";
import { buildSeed004Published, buildSeed004WithRag } from "./fixtures/build-seed004";
import { buildNoise } from "./fixtures/build-noise";
import { buildLayoutVariants } from "./fixtures/build-variants";
import { buildBadInput, buildEmpty } from "./fixtures/build-bad-input";
import { buildSample } from "./fixtures/build-sample";
import { buildBoardSummarySample } from "./fixtures/build-board-summary-sample";
import { NOT_A_WORKBOOK_TEXT, encryptedWorkbookStub } from "./fixtures/raw-files";
import { EVIDENCE_SHEETS } from "./fixtures/build-evidence";
import { JUDGEMENT_SHEETS } from "./fixtures/build-judgements";
import { DEVON_SHEETS, LAYOUT_SHEETS } from "./fixtures/build-history";
import { MORE_LAYOUT_SHEETS } from "./fixtures/build-layouts-more";
import { BUDGET_BOOK_SHEETS } from "./fixtures/build-budget-books";
import { YEARS_ACROSS_SHEETS } from "./fixtures/build-years-across";
import { ROW_SHEETS } from "./fixtures/build-rows";
import { ROWS_MORE_SHEETS } from "./fixtures/build-rows-more";
import { SCHOOL_SHEETS } from "./fixtures/build-school-tables";
import { PERIOD_SHEETS_TITLED } from "./fixtures/build-period-sheets-titled";
import { LONG_EXPORT_SHEETS } from "./fixtures/build-long-exports";
import { TARGET_ROW_SHEETS } from "./fixtures/build-target-rows";
import { SECTION_LINE_SHEETS } from "./fixtures/build-section-lines";
import { YEAR_TABLE_SHEETS } from "./fixtures/build-year-tables";
import { STANDARD_SHEETS } from "./fixtures/build-standards";
import { SCALE_CAPTION_SHEETS } from "./fixtures/build-scale-captions";
import { TARGETS_IN_WORDS_SHEETS } from "./fixtures/build-targets-in-words";
import { CAPTION_GROUP_EXPORT, CAPTION_GROUP_REPORT } from "./fixtures/build-caption-groups";
import { PLAIN_TABLE_SHEETS } from "./fixtures/build-plain-tables";
import { YEAR_KIND_SHEETS } from "./fixtures/build-year-kinds";
import { YEAR_TO_DATE_SHEETS } from "./fixtures/build-year-to-date";
import { NOTES_UNITS_WORDS_SHEETS, RANK_CORNER_SHEETS } from "./fixtures/build-ranks-corners";
import { buildSheets } from "./corpus/build";
import { writeProducerFixtures } from "./fixtures/producers";
import { writeImitations } from "./fixtures/producers/imitations";

/** The evidence workbook: one sheet per kind of evidence recognition weighs. */
export const EVIDENCE_FILE = "tests/fixtures/evidence.xlsx";
export function buildEvidence() {
  return buildSheets(EVIDENCE_SHEETS);
}

/** One KPI kept in many shapes (issue 15): the Devon plan as two period sheets, and the seed 002 figures in tracker layouts. */
export const HISTORY_FILES: [string, () => ReturnType<typeof buildSheets>][] = [
  ["tests/fixtures/history-devon-app.xlsx", () => buildSheets(DEVON_SHEETS)],
  ["tests/fixtures/history-layouts.xlsx", () => buildSheets(LAYOUT_SHEETS)],
  ["tests/fixtures/history-layouts-more.xlsx", () => buildSheets(MORE_LAYOUT_SHEETS)],
  ["tests/fixtures/history-budget-books.xlsx", () => buildSheets(BUDGET_BOOK_SHEETS)],
  ["tests/fixtures/history-years-across.xlsx", () => buildSheets(YEARS_ACROSS_SHEETS)],
  ["tests/fixtures/rows-layouts.xlsx", () => buildSheets(ROW_SHEETS)],
  ["tests/fixtures/rows-more.xlsx", () => buildSheets(ROWS_MORE_SHEETS)],
  ["tests/fixtures/school-tables.xlsx", () => buildSheets(SCHOOL_SHEETS)],
  ["tests/fixtures/period-sheets-titled.xlsx", () => buildSheets(PERIOD_SHEETS_TITLED)],
  ["tests/fixtures/long-exports.xlsx", () => buildSheets(LONG_EXPORT_SHEETS)],
  ["tests/fixtures/target-rows.xlsx", () => buildSheets(TARGET_ROW_SHEETS)],
  ["tests/fixtures/section-lines.xlsx", () => buildSheets(SECTION_LINE_SHEETS)],
  ["tests/fixtures/ranks-corners.xlsx", () => buildSheets(RANK_CORNER_SHEETS)],
  ["tests/fixtures/notes-units-words.xlsx", () => buildSheets(NOTES_UNITS_WORDS_SHEETS)],
  ["tests/fixtures/year-tables.xlsx", () => buildSheets(YEAR_TABLE_SHEETS)],
  ["tests/fixtures/standards.xlsx", () => buildSheets(STANDARD_SHEETS)],
  ["tests/fixtures/scale-captions.xlsx", () => buildSheets(SCALE_CAPTION_SHEETS)],
  ["tests/fixtures/targets-in-words.xlsx", () => buildSheets(TARGETS_IN_WORDS_SHEETS)],
  ["tests/fixtures/caption-groups-export.xlsx", () => buildSheets(CAPTION_GROUP_EXPORT)],
  ["tests/fixtures/caption-groups-report.xlsx", () => buildSheets(CAPTION_GROUP_REPORT)],
  ["tests/fixtures/plain-tables.xlsx", () => buildSheets(PLAIN_TABLE_SHEETS)],
  ["tests/fixtures/year-kinds.xlsx", () => buildSheets(YEAR_KIND_SHEETS)],
  ["tests/fixtures/year-to-date.xlsx", () => buildSheets(YEAR_TO_DATE_SHEETS)],
];

/** The judgements workbook: the judgement cases of issue 19, each on a real report's layout. */
export const JUDGEMENTS_FILE = "tests/fixtures/judgements.xlsx";
export function buildJudgements() {
  return buildSheets(JUDGEMENT_SHEETS);
}

const root = join(__dirname, "..");

/** Every ExcelJS-built fixture, in catalog order. */
export const BUILDERS: (() => BuiltFixture)[] = [
  buildSeed000Published,
  buildSeed000Typed,
  buildSeed002Published,
  buildSeed002Typed,
  buildSeed004Published,
  buildSeed004WithRag,
  buildNoise,
  buildLayoutVariants,
  buildBadInput,
  buildEmpty,
  buildSample,
  buildBoardSummarySample,
];

/** Files that are not ExcelJS workbooks: path, bytes, README line. */
export const RAW_FILES: [string, Uint8Array | string, string][] = [
  ["tests/fixtures/not-a-workbook.xlsx", NOT_A_WORKBOOK_TEXT, "`not-a-workbook.xlsx` — a short plain-text file with an .xlsx name."],
  [
    "tests/fixtures/password-protected.xlsx",
    encryptedWorkbookStub(),
    "`password-protected.xlsx` — a MINIMAL OLE2/CFB file (signature D0 CF 11 E0 A1 B1 1A E1, one FAT and one directory sector naming the empty streams \"EncryptionInfo\" and \"EncryptedPackage\"), shaped like Excel's encrypted workbooks: enough to detect and name, not a real encrypted package.",
  ],
];

async function main(): Promise<void> {
  const built = BUILDERS.map((b) => b());
  for (const { wb, info, settings } of built) {
    const path = join(root, info.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, await workbookBytes(wb, settings));
    console.log(`wrote ${info.file} (${info.tables.length} KPI tables)`);
  }
  writeFileSync(join(root, EVIDENCE_FILE), await workbookBytes(buildEvidence()));
  console.log(`wrote ${EVIDENCE_FILE} (${EVIDENCE_SHEETS.length} sheets)`);
  writeFileSync(join(root, JUDGEMENTS_FILE), await workbookBytes(buildJudgements()));
  for (const [file, build] of HISTORY_FILES) {
    writeFileSync(join(root, file), await workbookBytes(build()));
    console.log(`wrote ${file}`);
  }
  console.log(`wrote ${JUDGEMENTS_FILE} (${JUDGEMENT_SHEETS.length} sheets)`);
  for (const [file, bytes] of RAW_FILES) {
    writeFileSync(join(root, file), bytes);
    console.log(`wrote ${file}`);
  }
  // Made from the demo workbook just written: the same content as other producers write it.
  writeProducerFixtures(root, (line) => console.log(line));
  // Imitations of producers that cannot run here; the real producers' files are committed (tests/fixtures/producers/README.md).
  writeImitations(join(root, "tests", "fixtures", "producers"), (line) => console.log(line));
  const infos = built.map((b) => b.info);
  writeFileSync(join(root, "scripts/fixtures/catalog.ts"), catalogSource(infos));
  writeFileSync(join(root, "tests/fixtures/README.md"), readmeSource(infos, RAW_FILES.map(([, , line]) => line)));
}

// Build only when run as a script (the tests import BUILDERS to check the committed files are current).
if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
