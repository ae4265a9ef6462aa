import { useState, type FormEvent } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Kpi, Polarity } from "../../core/types";
import type { Settings } from "../../core/settings";
import { formFromSettings, settingsFromForm, validateForm, type FormErrors, type SettingsForm } from "../settingsForm";
import { useShowMore } from "./useShowMore";
import { DateField } from "./DateField";
import { REPORTING_DATE_RULE } from "../../core/reportingDate";

const useStyles = makeStyles({
  // A select is as wide as its longest option unless held to the pane: fields and their selects never pass its edge.
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
});

export interface SettingsTabProps {
  settings: Settings;
  kpis: Kpi[];
  disabled: boolean;
  onSave: (settings: Settings) => void;
  /** The reporting date the last scan used, where the calendar opens when none is set. */
  reportingDate?: string;
}

function PolarityPerKpi({ kpis, value, onChange }: { kpis: Kpi[]; value: Record<string, Polarity>; onChange: (key: string, p: Polarity | "") => void }) {
  const keyed = kpis.filter((k): k is Kpi & { key: string } => !!k.key);
  const { visible, hidden, showMore } = useShowMore(keyed);
  return (
    <>
      {visible.map((k) => (
        <Field key={k.key} label={k.ref ? `${k.ref} ${k.measure}` : k.measure} size="small">
          <Select value={value[k.key] ?? ""} onChange={(_, d) => onChange(k.key, d.value as Polarity | "")}>
            <option value="">As the workbook says</option>
            <option value="higher-is-better">Higher is better</option>
            <option value="lower-is-better">Lower is better</option>
          </Select>
        </Field>
      ))}
      {hidden > 0 && <Button onClick={showMore}>Show more ({hidden} more)</Button>}
    </>
  );
}

/** Settings stored in the workbook; Save writes them and re-scans. */
export function SettingsTab({ settings, kpis, disabled, onSave, reportingDate }: SettingsTabProps) {
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<FormErrors>({});
  const set = <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: keyof SettingsForm) => (errors[k] ? { validationMessage: errors[k], validationState: "error" as const } : {});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(form);
    setErrors(found);
    if (Object.keys(found).length === 0) onSave(settingsFromForm(form, settings));
  };

  const setPolarity = (key: string, p: Polarity | "") =>
    setForm((f) => {
      const next = { ...f.polarityOverrides };
      if (p) next[key] = p;
      else delete next[key];
      return { ...f, polarityOverrides: next };
    });

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Settings">
      <DateField
        label="Reporting date"
        hint={`Milestones due on or before it are in force. Empty: ${REPORTING_DATE_RULE.replace(/^the workbook's setting; else /, "")}.`}
        value={form.asOf}
        onChange={(v) => set("asOf", v)}
        error={errors.asOf}
        openAt={reportingDate}
      />
      <DateField label="Plan start date" hint="Where milestones like “By 6 months” count from." value={form.planStart} onChange={(v) => set("planStart", v)} error={errors.planStart} />
      <div className={styles.row}>
        <Field label="Amber band" className={styles.grow} {...err("amberBand")}>
          <Input value={form.amberBand} inputMode="decimal" onChange={(_, d) => set("amberBand", d.value)} contentAfter={form.amberMode === "relative" ? "%" : "pts"} />
        </Field>
        <Field label="Amber band measured" className={styles.grow}>
          <Select value={form.amberMode} onChange={(_, d) => set("amberMode", d.value as Settings["amberMode"])}>
            <option value="relative">Relative to the target (%)</option>
            <option value="points">In percentage points</option>
          </Select>
        </Field>
      </div>
      <Field label="No-change band" hint="Changes this small count as flat (in the figure's own units; 0.01 is 1 point of a percentage)." {...err("noChangeBand")}>
        <Input value={form.noChangeBand} inputMode="decimal" onChange={(_, d) => set("noChangeBand", d.value)} />
      </Field>
      <Field label="Default polarity" hint="Used where nothing in the workbook says which way is better.">
        <Select value={form.defaultPolarity} onChange={(_, d) => set("defaultPolarity", d.value as Polarity)}>
          <option value="higher-is-better">Higher is better</option>
          <option value="lower-is-better">Lower is better</option>
        </Select>
      </Field>
      <Field label="Scorecard sheet name" {...err("scorecardSheetName")}>
        <Input value={form.scorecardSheetName} onChange={(_, d) => set("scorecardSheetName", d.value)} />
      </Field>
      <Accordion collapsible>
        <AccordionItem value="paper">
          <AccordionHeader as="h2">The board paper</AccordionHeader>
          <AccordionPanel className={styles.form}>
            <Field label="Organisation" {...err("organisation")}>
              <Input value={form.organisation} onChange={(_, d) => set("organisation", d.value)} />
            </Field>
            <Field label="Report title" {...err("reportTitle")}>
              <Input value={form.reportTitle} onChange={(_, d) => set("reportTitle", d.value)} />
            </Field>
            <Field label="Meeting or board" {...err("meetingName")}>
              <Input value={form.meetingName} placeholder="SEND Partnership Board, 14 March 2024" onChange={(_, d) => set("meetingName", d.value)} />
            </Field>
            <Field label="Reporting period" hint="As the board names it; empty shows the reporting date." {...err("reportingPeriod")}>
              <Input value={form.reportingPeriod} placeholder="Quarter 3 2023/24" onChange={(_, d) => set("reportingPeriod", d.value)} />
            </Field>
            <Field label="Register order within a group">
              <Select value={form.registerOrder} onChange={(_, d) => set("registerOrder", d.value as Settings["registerOrder"])}>
                <option value="worst-first">Worst RAG first</option>
                <option value="workbook">As in the workbook</option>
              </Select>
            </Field>
            <Field label="Out-of-date figures" hint="A latest figure older than the KPI's frequency allows at the reporting date.">
              <Select value={form.staleRatesGrey ? "grey" : "rate"} onChange={(_, d) => set("staleRatesGrey", d.value === "grey")}>
                <option value="rate">Rated as they are, and marked out of date</option>
                <option value="grey">Rated Grey</option>
              </Select>
            </Field>
            <Field label="Scorecard sheet placed">
              <Select value={form.scorecardPlacement} onChange={(_, d) => set("scorecardPlacement", d.value as Settings["scorecardPlacement"])}>
                <option value="first">First among the sheets</option>
                <option value="last">Last (or where it already is)</option>
              </Select>
            </Field>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {kpis.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="polarity">
            <AccordionHeader as="h2">Polarity per KPI ({Object.keys(form.polarityOverrides).length} set)</AccordionHeader>
            <AccordionPanel>
              <PolarityPerKpi kpis={kpis} value={form.polarityOverrides} onChange={setPolarity} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={disabled}>
          Save settings and re-scan
        </Button>
      </div>
    </form>
  );
}
