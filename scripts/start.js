// `npm start`: sideload the add-in into Excel desktop where there is one (Windows, macOS) with
// office-addin-debugging; elsewhere, say plainly what to do instead. `--web` sideloads into Excel on the
// web (pass `-- --document <url>`), `--stop` unloads it. office-addin-debugging is fetched by npx on
// demand rather than installed: its dependencies build native modules that Linux CI does not need.
const { spawnSync } = require("child_process");

const args = process.argv.slice(2);
const mode = args.includes("--stop") ? "stop" : args.includes("--web") ? "web" : "desktop";
const rest = args.filter((a) => a !== "--web" && a !== "--stop");

function run(cmd) {
  const p = spawnSync("npx", ["--yes", "office-addin-debugging", ...cmd], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(p.status === null ? 1 : p.status);
}

if (mode === "stop") run(["stop", "manifest.xml"]);
if (mode === "web") {
  if (!rest.includes("--document")) {
    console.error("npm run start:web needs the workbook to open: npm run start:web -- --document <url of a workbook in OneDrive or SharePoint>");
    process.exit(2);
  }
  run(["start", "manifest.xml", "web", ...rest]);
}
if (process.platform === "win32" || process.platform === "darwin") run(["start", "manifest.xml", "desktop", ...rest]);

console.log(`Excel desktop is not available on ${process.platform}, so the add-in cannot be sideloaded here.

  • Excel on the web:  npm run dev-server   (in one terminal), then
                       npm run start:web -- --document <url of a workbook in OneDrive or SharePoint>
                       or upload manifest.xml by hand: Home > Add-ins > More add-ins > My add-ins > Upload my add-in.
  • Browser preview:   npm run dev-server, then open https://localhost:3000/taskpane.html (http:// if the
                       development certificates could not be installed). It runs the same pane on a built-in
                       headless Excel with a sample workbook; you can open your own .xlsx there.
  • Command line:      npm run build && npx kpi-scorecard scan <file.xlsx>`);
