// Starting the pane: wait for Office.onReady to say where we are, showing that we wait; then the pane
// on Excel.run in Excel, or the browser preview (its own chunk, with the headless host and ExcelJS)
// when office.js is absent or says there is no Office host. The pane in Excel downloads none of the preview.
import type { ReactNode } from "react";
import type { Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { Pane, type StartIntent } from "./Pane";
import { ErrorBoundary } from "./ErrorBoundary";
import { StartupMessage } from "./components/StartupMessage";
import { officeHost, officeWorkbookName, type OfficeLike } from "./officeReady";
import { pickTheme } from "./theme";
import type { Runner } from "./runner";
import type { Recognise } from "../excel/scanWorkbook";

export interface BootDeps {
  /** office.js, or null when it did not load. */
  office: OfficeLike | null;
  /** How the pane reaches Excel (Excel.run). */
  excelRunner: Runner;
  /** Loads and starts the browser preview. */
  startPreview: (root: Root, recognise?: Recognise) => Promise<void>;
  /** What the pane was opened to do (the ribbon command's ?start=), if anything. */
  startWith?: StartIntent;
  /** Office opened this page (its URL says so), whether or not office.js loaded. */
  inOffice?: boolean;
  /** Where the cells read are recognised (a Web Worker in the pane); default on the UI thread. */
  recognise?: Recognise;
}

function themed(node: ReactNode): ReactNode {
  return (
    <FluentProvider theme={pickTheme()} style={{ minHeight: "100vh" }}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>
  );
}

export async function boot(root: Root, deps: BootDeps): Promise<void> {
  if (!deps.office && deps.inOffice) {
    // Inside Office without office.js: never the preview's sample workbook in a real Excel.
    root.render(themed(<StartupMessage state="office-missing" />));
    return;
  }
  if (deps.office) root.render(themed(<StartupMessage state="waiting" />));
  let host;
  try {
    host = await officeHost(deps.office);
  } catch (e) {
    root.render(themed(<StartupMessage state="failed" detail={e instanceof Error ? e.message : String(e)} />));
    return;
  }
  if (host === "excel") {
    root.render(themed(<Pane runner={deps.excelRunner} workbookName={officeWorkbookName()} watch autoScan startWith={deps.startWith} recognise={deps.recognise} />));
    return;
  }
  if (host === "other-office") {
    root.render(themed(<StartupMessage state="not-excel" />));
    return;
  }
  try {
    await deps.startPreview(root, deps.recognise);
  } catch (e) {
    root.render(themed(<StartupMessage state="preview-failed" detail={e instanceof Error ? e.message : String(e)} />));
  }
}
