// Entry point: in Excel the pane drives Excel.run; anywhere else the preview is loaded on demand
// (its own chunk, with the headless host and ExcelJS), so the pane in Excel downloads none of it.
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { Pane } from "./Pane";
import { ErrorBoundary } from "./ErrorBoundary";
import { officeHost, officeWorkbookName } from "./officeReady";
import { pickTheme } from "./theme";
import type { Runner } from "./runner";

const excelRunner: Runner = (batch) => Excel.run(batch);

async function boot(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  if ((await officeHost()) === "excel") {
    root.render(
      <FluentProvider theme={pickTheme()} style={{ minHeight: "100vh" }}>
        <ErrorBoundary>
          <Pane runner={excelRunner} workbookName={officeWorkbookName()} watch autoScan />
        </ErrorBoundary>
      </FluentProvider>,
    );
    return;
  }
  const { startPreview } = await import(/* webpackChunkName: "preview" */ "./preview/startPreview");
  startPreview(root);
}

void boot();
