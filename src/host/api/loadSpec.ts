// Parsing of the arguments Office.js accepts for load(): "a, b/c", ["a", "b/c"],
// { select, expand } and nested { a: true, b: { c: true } }.

/** Property name -> what to load below it (null: all scalar properties of that object). */
export type LoadTree = Map<string, LoadTree | null>;

function addPath(tree: LoadTree, path: string): void {
  const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
  let node = tree;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (last) {
      if (!node.has(part)) node.set(part, null);
      return;
    }
    let child = node.get(part);
    if (!child) {
      child = new Map();
      node.set(part, child);
    }
    node = child;
  });
}

function addList(tree: LoadTree, list: string | string[] | undefined): void {
  if (list === undefined) return;
  const items = Array.isArray(list) ? list : list.split(",");
  for (const item of items) if (item.trim()) addPath(tree, item);
}

function addObject(tree: LoadTree, obj: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(obj)) {
    if (key.startsWith("$")) continue;
    if (v === true) tree.set(key, tree.get(key) ?? null);
    else if (v && typeof v === "object") {
      const child: LoadTree = new Map();
      addObject(child, v as Record<string, unknown>);
      tree.set(key, child.size ? child : null);
    }
  }
}

/** null means "load all scalar properties". */
export function parseLoad(spec: unknown): LoadTree | null {
  if (spec === undefined || spec === null) return null;
  const tree: LoadTree = new Map();
  if (typeof spec === "string" || Array.isArray(spec)) addList(tree, spec as string | string[]);
  else if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      addList(tree, o.select as string | string[] | undefined);
      addList(tree, o.expand as string | string[] | undefined);
    } else addObject(tree, o);
  }
  return tree.size ? tree : null;
}
