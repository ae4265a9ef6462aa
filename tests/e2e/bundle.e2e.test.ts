// The production bundle parses in the oldest web view the add-in runs in (src/taskpane/webviewTargets.json:
// Safari 14.1, Excel on an older Mac). A single construct newer than that in any script makes the whole
// script a syntax error there: a blank pane with no message. Each .js in dist/ is parsed and walked for
// the constructs Safari 14.1 cannot parse: class static blocks, static and private class members,
// `#x in obj`, regex look-behind (as a literal or a RegExp string) and the regex d / v flags.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, type Node } from "acorn";

const ROOT = resolve(__dirname, "..", "..");
const DIST = resolve(ROOT, process.env.KPI_E2E_DIST ?? "dist");

if (!existsSync(join(DIST, "taskpane.html"))) throw new Error(`${DIST}/taskpane.html is missing: run \`npm run test:e2e\`, which builds first.`);

interface Hit {
  file: string;
  construct: string;
  near: string;
}

const LOOKBEHIND = /\(\?<[=!]/;

/** Every node of an ESTree, depth first. */
function walk(node: unknown, visit: (n: Node & Record<string, unknown>) => void): void {
  if (!node || typeof node !== "object") return;
  const n = node as Node & Record<string, unknown>;
  if (typeof n.type === "string") visit(n);
  for (const key of Object.keys(n)) {
    const v = n[key];
    if (Array.isArray(v)) v.forEach((c) => walk(c, visit));
    else if (v && typeof v === "object" && typeof (v as { type?: unknown }).type === "string") walk(v, visit);
  }
}

/** The constructs in one script that Safari 14.1 cannot parse. */
function tooNewFor14(file: string, source: string): Hit[] {
  const hits: Hit[] = [];
  const ast = parse(source, { ecmaVersion: "latest", sourceType: "script" });
  const add = (construct: string, at: number) => hits.push({ file, construct, near: source.slice(Math.max(0, at - 40), at + 40) });
  walk(ast, (n) => {
    if (n.type === "StaticBlock") add("class static block", n.start);
    if (n.type === "PropertyDefinition" && n.static) add("static class field", n.start);
    if (n.type === "PrivateIdentifier") add("private class member", n.start);
    const regex = n.type === "Literal" ? (n.regex as { pattern: string; flags: string } | undefined) : undefined;
    if (regex && LOOKBEHIND.test(regex.pattern)) add("regex look-behind", n.start);
    if (regex && /[dv]/.test(regex.flags)) add(`regex flag ${regex.flags}`, n.start);
    // new RegExp("(?<=…)") fails only when it runs, but it fails all the same.
    if (n.type === "Literal" && typeof n.value === "string" && LOOKBEHIND.test(n.value)) add("look-behind in a RegExp string", n.start);
  });
  return hits;
}

describe("the production bundle in the oldest web view", () => {
  const scripts = readdirSync(DIST).filter((f) => f.endsWith(".js"));

  it("has scripts to check", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
  });

  it("holds no construct Safari 14.1 cannot parse (static blocks, look-behind, private members, ...)", () => {
    const hits = scripts.flatMap((f) => tooNewFor14(f, readFileSync(join(DIST, f), "utf8")));
    expect(hits).toEqual([]);
  });

  it("would catch one: the check finds a static block and a look-behind", () => {
    const hits = tooNewFor14("sample.js", 'class A { static { this.x = 1; } } var r = /(?<![\\w.])\\d/; var s = new RegExp("(?<=a)b");');
    expect(hits.map((h) => h.construct)).toEqual(["class static block", "regex look-behind", "look-behind in a RegExp string"]);
  });

  it("the start-up check is plain ES5 and loads before office.js and the bundle", () => {
    // ES5: an old web view must be able to run the script that says it is too old.
    expect(() => parse(readFileSync(join(DIST, "webview-check.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const order = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(order[0]).toBe("webview-check.js");
    expect(order[1]).toMatch(/office\.js$/);
  });
});
