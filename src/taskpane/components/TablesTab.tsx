import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanResult } from "../../core/types";
import type { Settings } from "../../core/settings";
import { layoutWord } from "../labels";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
  },
});

export interface TablesTabProps {
  scan: ScanResult;
  settings: Settings | null;
  disabled: boolean;
  onInclude: (tableId: string, include: boolean) => void;
}

/** Tables found, and those left out by the settings (so they can be brought back). */
export function TablesTab({ scan, settings, disabled, onInclude }: TablesTabProps) {
  const styles = useStyles();
  const excluded = settings?.excludedTables ?? [];
  return (
    <ul className={styles.list} aria-label="KPI tables">
      {scan.tables.map((t) => {
        const id = t.id ?? `${t.sheet}!${t.range}`;
        return (
          <li key={id} className={styles.item} data-testid="table">
            <Text weight="semibold">
              {t.sheet}!{t.range}
            </Text>
            <Text size={200}>
              {layoutWord(t.layout)} · {Math.round(t.confidence * 100)}% confidence · {t.kpis.length} KPIs
            </Text>
            <Switch checked label="Included in the scan" disabled={disabled} onChange={(_, d) => onInclude(id, d.checked)} aria-label={`Include ${id}`} />
          </li>
        );
      })}
      {excluded.map((id) => (
        <li key={id} className={styles.item} data-testid="table-excluded">
          <Text weight="semibold">{id}</Text>
          <Text size={200}>Left out of the scan</Text>
          <Switch checked={false} label="Included in the scan" disabled={disabled} onChange={(_, d) => onInclude(id, d.checked)} aria-label={`Include ${id}`} />
        </li>
      ))}
    </ul>
  );
}
