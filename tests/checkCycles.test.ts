// The import-circle check that `npm run lint` runs finds every circle, of any length, and nothing else.
import { findCycles } from "../scripts/checkCycles";

function graph(edges: Record<string, string[]>): Map<string, string[]> {
  return new Map(Object.entries(edges));
}

describe("findCycles", () => {
  it("finds no circle in a tree of imports", () => {
    expect(findCycles(graph({ a: ["b", "c"], b: ["c"], c: [] }))).toEqual([]);
  });

  it("finds a circle of two, a longer one and a file importing itself, each once", () => {
    const cycles = findCycles(graph({ a: ["b"], b: ["a", "c"], c: ["d"], d: ["e"], e: ["c"], f: ["f"], g: ["a"] }));
    expect(cycles.map((c) => c.join(" ")).sort()).toEqual(["a b", "c d e", "f"]);
  });
});
