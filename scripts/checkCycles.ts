// Import circles make a module's meaning depend on load order and keep rooms from being understood one at a
// time: lint fails when a module under src/ reaches itself through its imports. Type-only imports are left
// out (they vanish from the emitted code, as eslint's import/no-cycle also leaves them out). Prints each
// circle as the files that make it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..");

/**
 * Circles still to be undone, each exactly as it stands: any other circle, or one of these grown by a file,
 * fails. None are left (the host's object model, the last, makes the objects a Range hands out through
 * src/host/api/objects.ts); keep it so.
 */
const KNOWN_CIRCLES: string[][] = [];
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Whether an import or export declaration brings in values (not only types). */
function carriesValues(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !clause || !ts.isNamedExports(clause) || clause.elements.length === 0 || clause.elements.some((e) => !e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return true; // import "./x": run for its effects
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
}

/** The files under src/ that a file imports values from or re-exports (static imports: a dynamic import runs after both modules have loaded). */
function importsOf(file: string, options: ts.CompilerOptions): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const node of source.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && carriesValues(node)) {
      specifiers.push(node.moduleSpecifier.text);
    }
  }
  const out: string[] = [];
  for (const spec of specifiers) {
    if (!spec.startsWith(".")) continue;
    const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule?.resolvedFileName;
    if (resolved && resolved.startsWith(SRC) && !resolved.endsWith(".d.ts")) out.push(resolve(resolved));
  }
  return out;
}

/** Strongly connected components of more than one file, or of one file that imports itself (Tarjan). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return out;
}

function main(): void {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config ?? {};
  const options = ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) graph.set(resolve(file), importsOf(file, options));
  const cycles = findCycles(graph).map((c) => c.map((f) => relative(ROOT, f).split("\\").join("/")));
  const known = new Set(KNOWN_CIRCLES.map((c) => [...c].sort().join(" ")));
  const found = new Set(cycles.map((c) => c.join(" ")));
  const fresh = cycles.filter((c) => !known.has(c.join(" ")));
  const gone = [...known].filter((c) => !found.has(c));
  for (const c of fresh) console.error(`import circle: ${c.join(" <-> ")}`);
  for (const c of gone) console.error(`no longer a circle (take it out of KNOWN_CIRCLES): ${c.split(" ").join(" <-> ")}`);
  if (fresh.length || gone.length) {
    console.error(`${fresh.length} import circle(s) under src/ (scripts/checkCycles.ts)`);
    process.exit(1);
  }
  console.log(`import circles among ${graph.size} files under src/: ${cycles.length} (${cycles.length ? "the known one(s) listed in scripts/checkCycles.ts" : "none"})`);
}

if (require.main === module) main();
