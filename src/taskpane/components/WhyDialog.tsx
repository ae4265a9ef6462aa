import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Figure, Kpi } from "../../core/types";
import type { Settings } from "../../core/settings";
import { POLARITY_SOURCE_WORD, POLARITY_WORD } from "../labels";
import { RagBadge } from "./RagBadge";
import { KpiCorrections, type KpiCorrectionsProps } from "./KpiCorrections";

const useStyles = makeStyles({
  // Term beside definition; in a pane narrower than 360 px each term above its definition, so neither is squeezed.
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "@media (max-width: 360px)": { gridTemplateColumns: "minmax(0, 1fr)", rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold, "@media (max-width: 360px)": { marginTop: tokens.spacingVerticalXS } },
  def: { margin: 0, overflowWrap: "anywhere" },
  explanation: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" } },
});

function figureText(f: Figure | null): string {
  if (!f) return "none";
  const period = f.period && !f.text.includes(f.period) ? ` (${f.period})` : "";
  return `${f.text || "blank"}${period}, cell ${f.cell}`;
}

function amberBandText(s: Settings | null): string {
  if (!s) return "unknown";
  const pct = Math.round(s.amberBand * 1000) / 10;
  return s.amberMode === "relative" ? `within ${pct}% of the target (relative)` : `within ${pct} percentage points of the target`;
}

function polarityText(kpi: Kpi, s: Settings | null): string {
  if (kpi.noBetterDirection) return `no better direction: ${kpi.noBetterDirection.reason}`;
  if (!kpi.polarity) return "unknown";
  let source = kpi.polaritySource ? POLARITY_SOURCE_WORD[kpi.polaritySource] : "";
  if (kpi.polaritySource === "setting") {
    const own = s && ((kpi.key && s.polarityOverrides[kpi.key]) || (kpi.ref && s.polarityOverrides[kpi.ref]));
    source = own ? "set for this KPI in Settings (or under Correct this KPI)" : "the default in Settings, as nothing in the workbook says which way is better";
  }
  return source ? `${POLARITY_WORD[kpi.polarity]}: ${source}` : POLARITY_WORD[kpi.polarity];
}

/** A KPI with one target and no staged milestones is rated against that target: say so rather than "none". */
function milestoneText(kpi: Kpi): string {
  if (kpi.currentMilestone) return kpi.currentMilestone;
  if (kpi.milestones.length === 0 && kpi.currentTarget) return "no staged milestones: rated against the KPI's target";
  return "none due by the reporting date";
}

/** "Why this rating?": the rule and the figures behind one KPI's RAG, and where to correct the KPI. */
export function WhyDialog({ kpi, settings, onCorrect }: { kpi: Kpi; settings: Settings | null } & Partial<Pick<KpiCorrectionsProps, "onCorrect">>) {
  const styles = useStyles();
  const name = kpi.ref ? `${kpi.ref} ${kpi.measure}` : kpi.measure;
  const rows: [string, string][] = [
    ["Milestone in force", milestoneText(kpi)],
    ["Its target", figureText(kpi.currentTarget)],
    ["Latest", figureText(kpi.latest)],
    ["Previous", figureText(kpi.previous)],
    ["Baseline", figureText(kpi.baseline)],
    ["Final target", figureText(kpi.target)],
    ["Amber band", amberBandText(settings)],
    ["Polarity", polarityText(kpi, settings)],
  ];
  if (kpi.stale)
    rows.unshift([
      "Out of date",
      `yes: the latest figure${kpi.latest?.period ? ` (${kpi.latest.period})` : ""} is too old at the reporting date, so it is rated against the milestone in force at its own period`,
    ]);
  if (kpi.statedRag) rows.push(["RAG stated in the workbook", kpi.statedRag]);
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" aria-label={`Why this rating? ${name}`}>
          Why this rating?
        </Button>
      </DialogTrigger>
      <DialogSurface aria-label={`Why ${name} is rated ${kpi.rag ?? "grey"}`}>
        <DialogBody>
          <DialogTitle>Why this rating?</DialogTitle>
          <DialogContent>
            <div>
              <strong>{name}</strong> <RagBadge rag={kpi.rag} {...(kpi.stale ? { staleLatest: kpi.latest } : {})} />
            </div>
            {/* The first thing focused, so the dialog opens at its explanation (not scrolled to the corrections below). */}
            <p data-testid="rag-explanation" tabIndex={0} className={styles.explanation}>
              {kpi.ragExplanation ?? "No explanation was recorded for this KPI."}
            </p>
            <dl className={styles.list}>
              {rows.map(([t, d]) => (
                <div key={t} style={{ display: "contents" }}>
                  <dt className={styles.term}>{t}</dt>
                  <dd className={styles.def}>{d}</dd>
                </div>
              ))}
            </dl>
            {onCorrect && <KpiCorrections kpi={kpi} settings={settings} onCorrect={onCorrect} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
