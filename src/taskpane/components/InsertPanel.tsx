import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ApplyResult } from "../../excel/applyScorecard";
import type { Busy } from "../usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  sections: { display: "flex", flexDirection: "column", alignItems: "flex-start", paddingTop: tokens.spacingVerticalXS },
  group: { paddingLeft: tokens.spacingHorizontalM },
});

export interface InsertPanelProps {
  busy: Busy;
  /** The main action once there is a scan; before it, Scan is. */
  primary: boolean;
  inserted: ApplyResult | null;
  onInsert: () => void;
  /** Select a cell of the scorecard (A1 when no cell is given). */
  onGoTo: (sheet: string, cell?: string) => void;
}

/** Links to the parts of the board paper: the exceptions, the charts, the register and each of its groups. */
function SectionLinks({ inserted, onGoTo }: { inserted: ApplyResult; onGoTo: InsertPanelProps["onGoTo"] }) {
  const styles = useStyles();
  const parts = inserted.sections.filter((s) => s.id !== "summary");
  if (parts.length === 0) return null;
  return (
    <nav aria-label="Parts of the scorecard" className={styles.sections} data-testid="scorecard-sections">
      {parts.map((s) => (
        <Link key={`${s.id}-${s.cell}`} as="button" className={s.id === "group" ? styles.group : undefined} onClick={() => onGoTo(s.sheet ?? inserted.sheetName, s.cell)}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
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
            {inserted.changedSinceLast !== null && `${inserted.changedSinceLast} ${inserted.changedSinceLast === 1 ? "KPI has" : "KPIs have"} changed RAG since the last scorecard. `}
            {inserted.degraded.join(" ")}{" "}
            <Link as="button" onClick={() => onGoTo(inserted.sheetName, "A1")}>
              Go to {inserted.sheetName}
            </Link>
            <SectionLinks inserted={inserted} onGoTo={onGoTo} />
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
