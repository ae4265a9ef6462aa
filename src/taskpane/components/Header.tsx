import { Button, Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanResult } from "../../core/types";
import { allKpis, ragCounts, RAG_ORDER } from "../model";
import { ASOF_SOURCE_WORD, RAG_WORD } from "../labels";
import { RagBadge, StaleBadge } from "./RagBadge";
import type { Busy } from "../usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { flexGrow: 1 },
});

export interface HeaderProps {
  scan: ScanResult | null;
  busy: Busy;
  onScan: () => void;
}

export function Header({ scan, busy, onScan }: HeaderProps) {
  const styles = useStyles();
  const kpis = scan ? allKpis(scan) : [];
  const counts = ragCounts(kpis);
  const stale = kpis.filter((k) => k.stale).length;
  return (
    <header className={styles.root}>
      <div className={styles.row}>
        <Subtitle1 as="h1" className={styles.title}>
          KPI Scorecard
        </Subtitle1>
        {/* Scan first: the main action until there is a scan, then Insert scorecard is. */}
        <Button appearance={scan ? "secondary" : "primary"} onClick={onScan} disabled={busy !== null}>
          Scan workbook
        </Button>
      </div>
      {scan && (
        <>
          <Caption1 data-testid="summary" aria-live="polite">
            {kpis.length} KPIs in {scan.tables.length} {scan.tables.length === 1 ? "table" : "tables"} · reporting date {scan.asOf}
            {scan.asOfSource && scan.asOfSource !== "given" ? ` (${ASOF_SOURCE_WORD[scan.asOfSource]})` : ""}
          </Caption1>
          <div className={styles.row} role="list" aria-label="KPIs by RAG status">
            {RAG_ORDER.filter((r) => counts[r] > 0 || r !== "blue").map((r) => (
              <span role="listitem" key={r} aria-label={`${counts[r]} ${RAG_WORD[r]}`} data-testid={`count-${r}`}>
                <RagBadge rag={r} count={counts[r]} />
              </span>
            ))}
            {/* Counted apart: an out-of-date KPI is in its RAG's count too. */}
            {stale > 0 && (
              <span role="listitem" aria-label={`${stale} out of date`} data-testid="count-stale">
                <StaleBadge count={stale} />
              </span>
            )}
          </div>
        </>
      )}
    </header>
  );
}
