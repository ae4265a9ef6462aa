// Corrections to one KPI, in its "Why this rating?": a target to rate it against (percentages as 85% or
// 0.85), which way is better (the same setting as Settings' "Polarity per KPI"), and "not a KPI" for a row
// taken for one wrongly. Each is stored in the workbook at once, and each can be reset.
import { useId, useState, type FormEvent } from "react";
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Kpi, Polarity } from "../../core/types";
import type { Settings } from "../../core/settings";
import type { SettingsChange } from "../../excel/correctWorkbook";
import { setKpiPolarity, setKpiTarget, setNotKpi } from "../correctionEdits";
import { parseTarget, targetHint, targetText } from "../targetInput";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  hint: { color: tokens.colorNeutralForeground2, marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
});

export interface KpiCorrectionsProps {
  kpi: Kpi;
  settings: Settings | null;
  onCorrect: (change: SettingsChange, done: string) => void;
}

export function KpiCorrections({ kpi, settings, onCorrect }: KpiCorrectionsProps) {
  const styles = useStyles();
  const headingId = useId();
  const hintId = useId();
  const key = kpi.key;
  const own = key ? settings?.kpiCorrections[key] : undefined;
  const ownTarget = own?.target;
  const [text, setText] = useState(ownTarget !== undefined ? targetText(ownTarget, kpi.unit) : "");
  const [error, setError] = useState<string | null>(null);
  if (!key) return null;
  const name = kpi.ref ? `${kpi.ref} ${kpi.measure}` : kpi.measure;
  const polarity = settings?.polarityOverrides[key] ?? "";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = parseTarget(text, kpi.unit);
    if ("error" in read) {
      setError(read.error);
      return;
    }
    setError(null);
    onCorrect((s) => setKpiTarget(s, key, read.value), `${name} is now rated against ${targetText(read.value, kpi.unit)}, the target you set.`);
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Correct this KPI
      </h3>
      <form className={styles.row} onSubmit={submit} noValidate aria-label={`Target for ${name}`}>
        <Field className={styles.grow} label="Target to rate against" validationState={error ? "error" : "none"} validationMessage={error ?? undefined}>
          <Input value={text} inputMode="decimal" onChange={(_, d) => setText(d.value)} aria-describedby={hintId} />
        </Field>
        <Button type="submit">
          Set target
        </Button>
        {ownTarget !== undefined && (
          <Button
            onClick={() => {
              setText("");
              onCorrect((s) => setKpiTarget(s, key, null), `${name} is rated against the workbook's own target again.`);
            }}
          >
            Reset target
          </Button>
        )}
      </form>
      {/* Under the row, not in the field, so that the button stands level with the box it goes with. */}
      <Caption1 id={hintId} className={styles.hint}>
        {ownTarget !== undefined ? `Set by you: ${targetText(ownTarget, kpi.unit)}. ${targetHint(kpi.unit)}` : targetHint(kpi.unit)}
      </Caption1>
      <Field label="Which way is better" hint="The same setting as Polarity per KPI in Settings.">
        <Select
          value={polarity}
          onChange={(_, d) => {
            const p = (d.value || null) as Polarity | null;
            onCorrect((s) => setKpiPolarity(s, key, p), p ? `${name}: ${p === "higher-is-better" ? "higher" : "lower"} is better, as you set.` : `${name}: polarity as the workbook says again.`);
          }}
        >
          <option value="">As the workbook says</option>
          <option value="higher-is-better">Higher is better</option>
          <option value="lower-is-better">Lower is better</option>
        </Select>
      </Field>
      <div className={styles.row}>
        <Button
          onClick={() => onCorrect((s) => setNotKpi(s, key, true), `${name} is left out as not a KPI. Count it again at the foot of the KPIs tab.`)}
        >
          This row is not a KPI
        </Button>
      </div>
      <Text size={200}>Corrections are stored in the workbook: everyone who opens it, and the command line, sees them.</Text>
    </section>
  );
}
