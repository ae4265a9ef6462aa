import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ApplyResult } from "../../excel/applyScorecard";
import type { Busy } from "../usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

export interface InsertPanelProps {
  busy: Busy;
  /** The main action once there is a scan; before it, Scan is. */
  primary: boolean;
  inserted: ApplyResult | null;
  onInsert: () => void;
  onGoTo: (sheet: string) => void;
}

export function InsertPanel({ busy, primary, inserted, onInsert, onGoTo }: InsertPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Insert scorecard">
      <Button appearance={primary ? "primary" : "secondary"} onClick={onInsert} disabled={busy !== null}>
        Insert scorecard
      </Button>
      {busy && (
        <Field validationMessage={busy} validationState="none" role="status">
          <ProgressBar thickness="large" aria-label={busy} />
        </Field>
      )}
      {inserted && !busy && (
        <MessageBar intent={inserted.degraded.length ? "warning" : "success"} data-testid="insert-result">
          <MessageBarBody>
            <MessageBarTitle>Scorecard inserted</MessageBarTitle>
            {inserted.kpiRows} KPIs and {inserted.charts} {inserted.charts === 1 ? "chart" : "charts"} on '{inserted.sheetName}'
            {inserted.renamedBecauseTaken ? " (the configured name belongs to another sheet, so a free name was used)" : ""}.{" "}
            {inserted.degraded.join(" ")}{" "}
            <Link as="button" onClick={() => onGoTo(inserted.sheetName)}>
              Go to {inserted.sheetName}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
