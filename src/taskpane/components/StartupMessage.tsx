// What the pane shows before it can show itself: waiting for Office, or why it cannot start.
import { useEffect, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";

/** After this long without an answer from Office, the pane says more than "Connecting". */
export const SLOW_START_MS = 10_000;

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type StartupState = "waiting" | "failed" | "pane-failed" | "not-excel" | "preview-failed" | "office-missing";

export function StartupMessage({ state, detail }: { state: StartupState; detail?: string }) {
  const styles = useStyles();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (state !== "waiting") return;
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <main className={styles.root} aria-label="KPI Scorecard">
      {state === "waiting" && (
        <>
          <Spinner size="small" label="Connecting to Excel…" />
          {slow && (
            <MessageBar intent="info" data-testid="slow-start">
              <MessageBarBody>
                <MessageBarTitle>Excel has not answered yet</MessageBarTitle>
                Excel on the web can take a while to start; the pane opens as soon as Excel is ready. If nothing happens, close the pane and
                open it again.
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {state === "failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Office could not start the add-in</MessageBarTitle>
            Close the pane and open it again. Your workbook was not changed. Details: {detail}
          </MessageBarBody>
        </MessageBar>
      )}
      {state === "pane-failed" && (
        <MessageBar intent="error" role="alert" data-testid="pane-failed">
          <MessageBarBody>
            <MessageBarTitle>The add-in did not finish loading</MessageBarTitle>
            Part of the add-in could not be downloaded. Check the connection, then close the pane and open it again. Your workbook was not
            changed. Details: {detail}
          </MessageBarBody>
        </MessageBar>
      )}
      {state === "not-excel" && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>KPI Scorecard works in Excel</MessageBarTitle>
            Open it from Excel's Home tab with a workbook open.
          </MessageBarBody>
        </MessageBar>
      )}
      {state === "office-missing" && (
        <MessageBar intent="error" role="alert" data-testid="office-missing">
          <MessageBarBody>
            <MessageBarTitle>Office's script did not load</MessageBarTitle>
            Excel opened the add-in, but Office's own script (office.js, from appsforoffice.microsoft.com) did not load, so the add-in cannot reach
            your workbook. Your workbook was not changed. Check the connection and open the pane again; if it keeps happening, ask IT to allow
            appsforoffice.microsoft.com through the proxy or firewall.
          </MessageBarBody>
        </MessageBar>
      )}
      {state === "preview-failed" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The browser preview could not load</MessageBarTitle>
            Reload the page; if that does not help, use a current browser. Details: {detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
