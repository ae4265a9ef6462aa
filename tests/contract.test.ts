// The project's own copy of the scan contract (schema/scan-result.schema.json) is what the tests and the
// package use. Where the reference copy stands beside the project (../shared/contracts, on the developers'
// machines), ours must stay compatible with it: it may add fields, never lose or rename one.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { main } from "../src/cli/main";

const ROOT = join(__dirname, "..");
const OURS = join(ROOT, "schema", "scan-result.schema.json");
const REFERENCE = join(ROOT, "..", "shared", "contracts", "scan-result.schema.json");
const SAMPLE = join(ROOT, "assets", "samples", "send-board-kpis.xlsx");

type Schema = { [k: string]: unknown };
const load = (path: string): Schema => JSON.parse(readFileSync(path, "utf8")) as Schema;

function compile(schema: Schema) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Every named property in a schema, as paths ("properties.tables.items.properties.kpis"), with its enum if any. */
function propertyPaths(node: unknown, path = "", out = new Map<string, unknown[] | null>()): Map<string, unknown[] | null> {
  if (!node || typeof node !== "object") return out;
  for (const [key, child] of Object.entries(node as Schema)) {
    const here = path ? `${path}.${key}` : key;
    if (key === "properties" && child && typeof child === "object") {
      for (const [name, sub] of Object.entries(child as Schema)) {
        const p = `${here}.${name}`;
        out.set(p, Array.isArray((sub as Schema)?.enum) ? ((sub as Schema).enum as unknown[]) : null);
        propertyPaths(sub, p, out);
      }
    } else if (child && typeof child === "object" && key !== "enum") {
      propertyPaths(child, here, out);
    }
  }
  return out;
}

async function sampleJson(): Promise<unknown> {
  let out = "";
  const code = await main(["node", "kpi-scorecard", "scan", SAMPLE, "--json"], (s) => (out += s), () => undefined);
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe("the project's scan contract", () => {
  it("is a JSON Schema that the sample's scan validates against", async () => {
    const validate = compile(load(OURS));
    const ok = validate(await sampleJson());
    if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it("the compatibility check below can fail: a schema that drops a field is caught", () => {
    const ours = load(OURS);
    const trimmed = structuredClone(ours) as { $defs: { kpi: { properties: Schema } } };
    delete trimmed.$defs.kpi.properties.latest;
    const missing = [...propertyPaths(ours).keys()].filter((p) => !propertyPaths(trimmed).has(p));
    expect(missing).toEqual(["$defs.kpi.properties.latest"]);
  });
});

(existsSync(REFERENCE) ? describe : describe.skip)("compatibility with the reference contract (../shared/contracts)", () => {
  const reference = existsSync(REFERENCE) ? load(REFERENCE) : {};
  const ours = load(OURS);

  it("keeps every field the reference names, with no enum value the reference does not allow", () => {
    const mine = propertyPaths(ours);
    const problems: string[] = [];
    for (const [path, refEnum] of propertyPaths(reference)) {
      if (!mine.has(path)) problems.push(`missing ${path}`);
      const ourEnum = mine.get(path);
      if (refEnum && ourEnum) for (const v of ourEnum) if (!refEnum.includes(v)) problems.push(`${path}: ${JSON.stringify(v)} is not in the reference`);
    }
    expect(problems).toEqual([]);
  });

  it("requires at least what the reference requires", () => {
    const required = (s: Schema, at: string): string[] => {
      const out: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (!node || typeof node !== "object") return;
        for (const [k, v] of Object.entries(node as Schema)) {
          if (k === "required" && Array.isArray(v)) v.forEach((r) => out.push(`${path}:${String(r)}`));
          else walk(v, `${path}.${k}`);
        }
      };
      walk(s, at);
      return out;
    };
    const mine = new Set(required(ours, ""));
    expect(required(reference, "").filter((r) => !mine.has(r))).toEqual([]);
  });

  it("the sample's scan validates against the reference too", async () => {
    const validate = compile(reference);
    const ok = validate(await sampleJson());
    if (!ok) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });
});
