// Entry point. webview-check.js ran first: if this web view is too old it has said so, and we stop.
import { createRoot } from "react-dom/client";
import { boot } from "./boot";
import { loadedOffice, openedByOffice } from "./officeReady";
import { takeStartIntent } from "./startIntent";
import { workerRecognise } from "./workerRecognise";

/** Recognition off the UI thread; webpack bundles the worker from this expression (its own chunk). */
const recognise = workerRecognise(() =>
  typeof Worker === "undefined"
    ? null
    : // @ts-expect-error import.meta is for webpack's worker bundling; tsconfig's module (commonjs) is for the CLI and tests.
      new Worker(new URL("./scanWorker.ts", import.meta.url)),
);

interface StartFlags {
  kpiScorecardStarted?: boolean;
  kpiScorecardUnsupported?: string[];
}

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

const flags = window as unknown as StartFlags;
flags.kpiScorecardStarted = true;
const container = document.getElementById("container");
const taken = takeStartIntent(window.location, sessionStore());
if (taken.reloadTo !== undefined) window.location.replace(taken.reloadTo);
else if (container && !flags.kpiScorecardUnsupported) {
  void boot(createRoot(container), {
    office: loadedOffice(),
    inOffice: openedByOffice(window.location.search, sessionStore()),
    startWith: taken.intent,
    recognise,
    // delayForCellEdit needs ExcelApi 1.11; an older Excel runs the batch at once, as before.
    excelRunner: (batch, options) => (options?.delayForCellEdit && Office.context.requirements.isSetSupported("ExcelApi", "1.11") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)),
    startPreview: async (root, rec) => {
      const { startPreview } = await import(/* webpackChunkName: "preview" */ "./preview/startPreview");
      startPreview(root, rec);
    },
  });
}
