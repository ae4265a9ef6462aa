#!/usr/bin/env node
// Entry point for `npx kpi-scorecard`: runs the compiled CLI (npm run build:cli writes build/).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "build", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("kpi-scorecard is not built yet: run `npm run build` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
require(entry).main(process.argv).then((code) => { process.exitCode = code; });
