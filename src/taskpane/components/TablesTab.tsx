// The Tables tab: each KPI table as read — its range, heading rows, and every column's role with the evidence
// for it — where the user corrects what was misread, and "Use selection as KPI table" for one not found at all.
// Every change is stored in the workbook and the KPIs are rated again at once; each can be reset.
import { useMemo } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { KpiTable, ScanResult } from "../../core/types";
import type { Settings } from "../../core/settings";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { SettingsChange } from "../../excel/correctWorkbook";
import { correctionIndex, locateEach, resetTable, setHeadingRows } from "../correctionEdits";
import { layoutWord } from "../labels";
import { ColumnRoles } from "./ColumnRoles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  title: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  range: { overflowWrap: "anywhere" },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  headingRows: { width: "150px" },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
});

export interface TablesTabProps {
  scan: ScanResult;
  settings: Settings | null;
  /** The cells the scan read: where each table's stored correction is found. */
  snapshot: WorkbookSnapshot | null;
  disabled: boolean;
  onInclude: (tableId: string, include: boolean) => void;
  onCorrect: (change: SettingsChange, done: string) => void;
  onUseSelection: () => void;
}

function tableName(t: KpiTable): string {
  return `${t.sheet}!${t.range}`;
}

function TableCard({ table, corrected, disabled, onInclude, onCorrect }: { table: KpiTable; corrected: boolean; disabled: boolean } & Pick<TablesTabProps, "onInclude" | "onCorrect">) {
  const styles = useStyles();
  const id = table.id ?? tableName(table);
  const name = tableName(table);
  const columns = table.columns ?? [];
  const headingChoices = [0, 1, 2, ...(table.headerRows > 2 ? [table.headerRows] : [])];
  return (
    <li className={styles.item} data-testid="table" aria-label={`Table ${name}`}>
      <div className={styles.title}>
        <Text weight="semibold" className={styles.range}>
          {name}
        </Text>
        {table.userDefined ? (
          <Badge appearance="tint" color="brand">
            Set by you
          </Badge>
        ) : corrected ? (
          <Badge appearance="tint" color="brand">
            Corrected by you
          </Badge>
        ) : null}
      </div>
      <Text size={200}>
        {layoutWord(table.layout)} · {Math.round(table.confidence * 100)}% confidence · {table.kpis.length} KPIs
      </Text>
      <div className={styles.line}>
        <Field label="Heading rows" size="small" className={styles.headingRows}>
          <Select
            value={String(table.headerRows)}
            aria-label={`Heading rows of ${name}`}
            onChange={(_, d) => {
              const n = Number(d.value);
              onCorrect((s, snap) => setHeadingRows(s, snap, table, n), `${name} is now read with ${n === 0 ? "no heading row" : n === 1 ? "1 heading row" : `${n} heading rows`}.`);
            }}
          >
            {headingChoices.map((n) => (
              <option key={n} value={String(n)}>
                {n === 0 ? "0 (none)" : String(n)}
              </option>
            ))}
          </Select>
        </Field>
        {(corrected || table.userDefined) && (
          <Button
            size="small"
            onClick={() =>
              onCorrect(
                (s, snap) => resetTable(s, snap, table),
                table.userDefined ? `${name} is no longer read as a KPI table.` : `${name} is read as recognised again.`,
              )
            }
          >
            {table.userDefined ? "Stop using as a KPI table" : "Reset table to as recognised"}
          </Button>
        )}
      </div>
      <Switch checked label="Included in the scan" disabled={disabled} onChange={(_, d) => onInclude(id, d.checked)} aria-label={`Include ${id}`} />
      {columns.length > 0 && (
        <Accordion collapsible defaultOpenItems={corrected || table.userDefined ? ["columns"] : []}>
          <AccordionItem value="columns">
            <AccordionHeader as="h3" size="small">
              {`Columns of ${name} (${columns.length})`}
            </AccordionHeader>
            <AccordionPanel>
              <ColumnRoles table={table} onCorrect={onCorrect} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </li>
  );
}

/** Tables found (and declared), with their corrections; tables left out by the settings, to bring back. */
export function TablesTab({ scan, settings, snapshot, disabled, onInclude, onCorrect, onUseSelection }: TablesTabProps) {
  const styles = useStyles();
  const excluded = settings?.excludedTables ?? [];
  // Which tables a stored correction made (a found table may be corrected with nothing user-set left to show).
  const corrected = useMemo(() => {
    const out = new Set<string>();
    if (!settings?.tables.length || !snapshot) return out;
    const located = locateEach(settings, snapshot);
    for (const t of scan.tables) if (correctionIndex(located, t) >= 0) out.add(tableName(t));
    return out;
  }, [scan, settings, snapshot]);
  return (
    <div className={styles.root}>
      <div className={styles.intro}>
        <Caption1>A table missed, or read wrongly? Select its cells in the workbook, headings too, then:</Caption1>
        <Button disabledFocusable={disabled} onClick={onUseSelection}>
          Use selection as KPI table
        </Button>
      </div>
      <ul className={styles.list} aria-label="KPI tables">
        {scan.tables.map((t) => (
          <TableCard key={t.id ?? tableName(t)} table={t} corrected={corrected.has(tableName(t))} disabled={disabled} onInclude={onInclude} onCorrect={onCorrect} />
        ))}
        {excluded.map((id) => (
          <li key={id} className={styles.item} data-testid="table-excluded">
            <Text weight="semibold">{id}</Text>
            <Text size={200}>Left out of the scan</Text>
            <Switch checked={false} label="Included in the scan" disabled={disabled} onChange={(_, d) => onInclude(id, d.checked)} aria-label={`Include ${id}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
