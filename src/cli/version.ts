// The package's version for --version, from package.json wherever the CLI runs from (src/ under tsx
// and jest, build/src/ when built, node_modules/kpi-scorecard/ when installed).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "kpi-scorecard" && pkg.version) return pkg.version;
      } catch {
        // not ours, or unreadable: keep looking up
      }
    }
    if (dirname(dir) === dir) return "unknown";
  }
}
