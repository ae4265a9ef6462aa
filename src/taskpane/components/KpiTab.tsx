import { useMemo, useState } from "react";
import { Button, Caption1, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Kpi, Rag } from "../../core/types";
import type { Settings } from "../../core/settings";
import { dotText, figureWords, RAG_WORD } from "../labels";
import { RAG_ORDER } from "../model";
import { RagBadge } from "./RagBadge";
import { WhyDialog } from "./WhyDialog";
import { useShowMore } from "./useShowMore";
import type { SettingsChange } from "../../excel/correctWorkbook";
import { setNotKpi } from "../correctionEdits";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", justifyContent: "space-between" },
  measure: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
  filters: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", marginBottom: tokens.spacingVerticalS },
  grow: { flexGrow: 1, minWidth: 0 },
  line: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  notKpis: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
});

/** "201 (Jan 24)", unless the cell's own text already names the period. */
function withPeriod(text: string, period: string | null): string {
  return period && !text.includes(period) ? `${text} (${period})` : text;
}

interface Corrections {
  onCorrect?: (change: SettingsChange, done: string) => void;
}

function KpiCard({ kpi, settings, onCorrect }: { kpi: Kpi; settings: Settings | null } & Corrections) {
  const styles = useStyles();
  const dot = dotText(kpi.dot);
  const latestWords = figureWords(kpi.latest, "no latest figure");
  const latest = kpi.latest && latestWords === kpi.latest.text ? withPeriod(latestWords, kpi.latest.period) : latestWords;
  const target = figureWords(kpi.currentTarget, "no target");
  return (
    <li className={styles.card} data-testid="kpi">
      <div className={styles.top}>
        <Text className={styles.measure}>{kpi.measure}</Text>
        <span className={styles.badge}>
          <RagBadge rag={kpi.rag} {...(kpi.stale ? { staleLatest: kpi.latest } : {})} />
        </span>
      </div>
      <Caption1>
        {[kpi.ref, kpi.sheet].filter(Boolean).join(" · ")}
      </Caption1>
      <div className={styles.line}>
        <Text size={200}>
          Latest {latest} against {target}
        </Text>
      </div>
      <div className={styles.line}>
        <Text size={200} aria-label={`Direction of travel: ${dot.words}`}>
          <span aria-hidden="true">{dot.arrow}</span> {dot.words}
        </Text>
        <WhyDialog kpi={kpi} settings={settings} onCorrect={onCorrect} />
      </div>
    </li>
  );
}

/** KPIs whose measure, reference or sheet contains `text` (any case), with RAG `rag` ("" for any). */
export function filterKpis(kpis: readonly Kpi[], text: string, rag: Rag | ""): Kpi[] {
  const q = text.trim().toLowerCase();
  return kpis.filter(
    (k) => (!rag || (k.rag ?? "grey") === rag) && (!q || [k.measure, k.ref ?? "", k.sheet ?? ""].some((t) => t.toLowerCase().includes(q))),
  );
}

/** Rows the user marked as not KPIs, each with a way to count it again. */
function NotKpis({ settings, onCorrect }: { settings: Settings | null } & Corrections) {
  const styles = useStyles();
  const keys = Object.entries(settings?.kpiCorrections ?? {})
    .filter(([, c]) => c.notKpi)
    .map(([k]) => k);
  if (!keys.length || !onCorrect) return null;
  return (
    <section aria-label="Rows marked as not KPIs" className={styles.notKpis}>
      <Text weight="semibold">Marked as not KPIs ({keys.length})</Text>
      <ul className={styles.list}>
        {keys.map((k) => (
          <li key={k} className={styles.line} data-testid="not-kpi">
            <Text size={200} className={styles.grow}>
              {k}
            </Text>
            <Button size="small" aria-label={`Count ${k} as a KPI again`} onClick={() => onCorrect((s) => setNotKpi(s, k, false), `${k} is counted as a KPI again.`)}>
              Count as a KPI
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function KpiTab({ kpis, settings, onCorrect }: { kpis: Kpi[]; settings: Settings | null } & Corrections) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [rag, setRag] = useState<Rag | "">("");
  const shown = useMemo(() => filterKpis(kpis, text, rag), [kpis, text, rag]);
  // Blue exists only with BRAG on (Settings); without it, offering "Blue" would explain nothing.
  const statuses = RAG_ORDER.filter((r) => r !== "blue" || settings?.blueWhenFinalTargetMet || kpis.some((k) => k.rag === "blue"));
  const { visible, hidden, showMore } = useShowMore(shown);
  return (
    <>
      <div className={styles.filters}>
        <Field label="Find a KPI" size="small" className={styles.grow}>
          <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="Measure or reference" />
        </Field>
        <Field label="Status" size="small">
          <Select value={rag} onChange={(_, d) => setRag(d.value as Rag | "")}>
            <option value="">All</option>
            {statuses.map((r) => (
              <option key={r} value={r}>
                {r === "blue" ? "Blue (final target met)" : RAG_WORD[r]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {shown.length < kpis.length && (
        <Caption1 aria-live="polite">
          {shown.length} of {kpis.length} KPIs shown
        </Caption1>
      )}
      <ul className={styles.list} aria-label="KPIs">
        {visible.map((k, i) => (
          <KpiCard key={`${k.key ?? k.measure}#${i}`} kpi={k} settings={settings} onCorrect={onCorrect} />
        ))}
      </ul>
      {hidden > 0 && (
        <Button appearance="secondary" onClick={showMore} style={{ marginTop: tokens.spacingVerticalS }}>
          Show more ({hidden} more)
        </Button>
      )}
      <NotKpis settings={settings} onCorrect={onCorrect} />
    </>
  );
}
