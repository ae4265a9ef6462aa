// Entry point. webview-check.js ran first: if this web view is too old it has said so, and we stop.
import { createRoot } from "react-dom/client";
import { boot } from "./boot";
import { loadedOffice } from "./officeReady";

interface StartFlags {
  kpiScorecardStarted?: boolean;
  kpiScorecardUnsupported?: string[];
}

const flags = window as unknown as StartFlags;
flags.kpiScorecardStarted = true;
const container = document.getElementById("container");
if (container && !flags.kpiScorecardUnsupported) {
  void boot(createRoot(container), {
    office: loadedOffice(),
    excelRunner: (batch) => Excel.run(batch),
    startPreview: async (root) => {
      const { startPreview } = await import(/* webpackChunkName: "preview" */ "./preview/startPreview");
      startPreview(root);
    },
  });
}
