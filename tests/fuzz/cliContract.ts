// What every run of the CLI must be, whatever the file: exit 0 with a valid result, or exit 1 with one
// line on stderr in words — never a stack trace, never "unexpected error", never blaming Excel for us.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

const SCHEMA = join(__dirname, "..", "..", "schema", "scan-result.schema.json");

let validate: ((v: unknown) => boolean) & { errors?: unknown } | null = null;

function schema() {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  }
  return validate;
}

export interface CliRun {
  command: "scan" | "scorecard" | "pack";
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The problems with one run, in words; empty when it kept the contract. */
export function contractProblems(run: CliRun): string[] {
  const problems: string[] = [];
  const err = run.stderr.trim();
  if (/unexpected error/i.test(err)) problems.push(`"unexpected error" on stderr: ${err.slice(0, 300)}`);
  // Said in words to the user, but a bug all the same: the fuzz suite fails on it.
  if (/a fault in KPI Scorecard/.test(err)) problems.push(`a fault of ours: ${err.slice(0, 300)}`);
  if (/\n\s+at\s/.test(run.stderr) || /^\s+at\s.+:\d+:\d+\)?$/m.test(run.stderr)) problems.push(`a stack trace on stderr: ${err.slice(0, 300)}`);
  if (/Cannot read propert|is not a function|is not defined|Maximum call stack|undefined \(reading/.test(run.stderr + run.stdout)) problems.push(`an internal error text reached the user: ${err.slice(0, 300)}`);
  if (run.code === 0) {
    if (run.command === "scan") {
      let json: unknown;
      try {
        json = JSON.parse(run.stdout);
      } catch {
        problems.push("exit 0 but the output is not JSON");
      }
      if (json !== undefined && !schema()(json)) problems.push(`exit 0 but the JSON breaks the schema: ${JSON.stringify(schema().errors).slice(0, 300)}`);
      if (/\bNaN\b|\bInfinity\b/.test(run.stdout)) problems.push("NaN or Infinity in the output");
    }
  } else if (run.code === 1) {
    if (!err) problems.push("exit 1 with nothing on stderr");
    else if (err.includes("\n")) problems.push(`exit 1 with more than one line on stderr: ${err.slice(0, 300)}`);
    if (/Excel reported/i.test(err)) problems.push(`our own failure blamed on Excel: ${err}`);
  } else {
    problems.push(`exit code ${run.code}: ${err.slice(0, 300)}`);
  }
  return problems;
}
