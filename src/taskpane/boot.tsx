// Starting the pane: wait for Office.onReady to say where we are, showing that we wait; then the pane
// on Excel.run in Excel, or the browser preview (its own chunk, with the headless host and ExcelJS)
// when office.js is absent or says there is no Office host. The pane in Excel downloads none of the preview.
// The pane itself is a chunk of its own too, fetched while Office.onReady is still answering: the first
// script only has to say "Connecting to Excel…", so it is small and shows at once on a slow connection.
import type { ReactNode } from "react";
import type { Root } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { StartIntent } from "./Pane";
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
  /** Fetches the pane's own chunk; default webpack's import() of ./Pane. */
  loadPane?: () => Promise<typeof import("./Pane")>;
}

function themed(node: ReactNode): ReactNode {
  return (
    <FluentProvider theme={pickTheme()} style={{ minHeight: "100vh" }}>
      <ErrorBoundary>{node}</ErrorBoundary>
    </FluentProvider>
  );
}

/** The pane's chunk (results, dialogs, the Excel layer). */
function loadPane(): Promise<typeof import("./Pane")> {
  return import(/* webpackChunkName: "pane" */ "./Pane");
}

export async function boot(root: Root, deps: BootDeps): Promise<void> {
  if (!deps.office && deps.inOffice) {
    // Inside Office without office.js: never the preview's sample workbook in a real Excel.
    root.render(themed(<StartupMessage state="office-missing" />));
    return;
  }
  if (deps.office) root.render(themed(<StartupMessage state="waiting" />));
  // Fetched now, beside Office's own start; a failed fetch is said when the pane is wanted, not before.
  const fetchPane = deps.loadPane ?? loadPane;
  const paneChunk = deps.office ? fetchPane() : null;
  paneChunk?.catch(() => undefined);
  let host;
  try {
    host = await officeHost(deps.office);
  } catch (e) {
    root.render(themed(<StartupMessage state="failed" detail={e instanceof Error ? e.message : String(e)} />));
    return;
  }
  if (host === "excel") {
    let Pane: (typeof import("./Pane"))["Pane"];
    try {
      ({ Pane } = await (paneChunk ?? fetchPane()));
    } catch (e) {
      root.render(themed(<StartupMessage state="pane-failed" detail={e instanceof Error ? e.message : String(e)} />));
      return;
    }
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
