// Each column of a KPI table: its role as read, with the evidence and how sure the reading is; a dropdown to
// change the role, a period that can be typed for a column of figures, and Reset for a role the user set.
import { useId, useState, type KeyboardEvent } from "react";
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { COLUMN_ROLES } from "../../core/corrections";
import type { ColumnRoleName, KpiTable, TableColumn } from "../../core/types";
import type { SettingsChange } from "../../excel/correctWorkbook";
import { resetColumn, ROLES_WITH_PERIOD, setColumnPeriod, setColumnRole } from "../correctionEdits";
import { COLUMN_SOURCE_WORD, ROLE_WORD } from "../labels";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  controls: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  select: { flexGrow: 1, minWidth: 0 },
  evidence: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** "C “Outturn”", or "C (no heading)". */
function columnName(c: TableColumn): string {
  return c.heading ? `${c.column} “${c.heading}”` : `${c.column} (no heading)`;
}

/** The evidence for a reading and how sure it is: "heading says "Outturn" · 90% sure". */
function evidenceText(c: TableColumn): string {
  if (c.source === "user") return `Set by you${c.period ? `, period ${c.period}` : ""}.`;
  const sure = c.confidence !== undefined ? ` · ${Math.round(c.confidence * 100)}% sure` : "";
  const from = c.source ? ` (${COLUMN_SOURCE_WORD[c.source]})` : "";
  return `${c.evidence || "No evidence recorded"}${from}${sure}`;
}

function PeriodField({ table, column, onCorrect }: { table: KpiTable; column: TableColumn; onCorrect: ColumnRolesProps["onCorrect"] }) {
  const initial = column.period ?? "";
  const [text, setText] = useState(initial);
  const commit = () => {
    if (text.trim() === initial.trim()) return;
    const name = `${table.sheet}!${column.column}`;
    onCorrect(
      (s, snap) => setColumnPeriod(s, snap, table, column.column, text),
      text.trim() ? `Column ${name} now holds figures for ${text.trim()}.` : `Column ${name} takes its period from its heading again.`,
    );
  };
  return (
    <Field label={`Period of column ${column.column} (optional)`} size="small">
      <Input
        size="small"
        value={text}
        placeholder="Such as Q2 2024/25 or Mar 2024"
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => e.key === "Enter" && commit()}
      />
    </Field>
  );
}

export interface ColumnRolesProps {
  table: KpiTable;
  onCorrect: (change: SettingsChange, done: string) => void;
}

function ColumnRow({ table, column: c, onCorrect }: ColumnRolesProps & { column: TableColumn }) {
  const styles = useStyles();
  const evidenceId = useId();
  const name = `${table.sheet}!${table.range}`;
  return (
    <li className={styles.column} data-testid="column" data-column={c.column}>
      <Text size={200} weight="semibold" aria-hidden="true">
        {columnName(c)}
      </Text>
      <div className={styles.controls}>
        <Select
          className={styles.select}
          size="small"
          value={c.role}
          aria-label={`Role of column ${columnName(c)}`}
          aria-describedby={evidenceId}
          onChange={(_, d) => {
            const role = d.value as ColumnRoleName;
            onCorrect((s, snap) => setColumnRole(s, snap, table, c.column, role), `Column ${c.column} of ${name} is now read as ${ROLE_WORD[role]}.`);
          }}
        >
          {COLUMN_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_WORD[r]}
            </option>
          ))}
        </Select>
        {c.source === "user" && (
          <Button
            size="small"
            aria-label={`Reset column ${c.column} to as recognised`}
            onClick={() => onCorrect((s, snap) => resetColumn(s, snap, table, c.column), `Column ${c.column} of ${name} is read as recognised again.`)}
          >
            Reset
          </Button>
        )}
      </div>
      <Caption1 id={evidenceId} className={styles.evidence}>
        {evidenceText(c)}
      </Caption1>
      {ROLES_WITH_PERIOD.has(c.role) && <PeriodField key={c.period ?? ""} table={table} column={c} onCorrect={onCorrect} />}
    </li>
  );
}

export function ColumnRoles({ table, onCorrect }: ColumnRolesProps) {
  const styles = useStyles();
  const columns = table.columns ?? [];
  return (
    <ul className={styles.list} aria-label={`Columns of ${table.sheet}!${table.range}`}>
      {columns.map((c) => (
        <ColumnRow key={c.column} table={table} column={c} onCorrect={onCorrect} />
      ))}
    </ul>
  );
}
