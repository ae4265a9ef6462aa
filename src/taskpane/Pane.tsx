// The task pane: header with Scan and RAG counts, Insert scorecard, then KPIs / Findings / Tables / Settings.
import { Suspense, lazy, useCallback, useEffect, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { allKpis } from "./model";
import { usePane, type PaneOptions } from "./usePane";
import { useWatchChanges } from "./useWatchChanges";
import { Header } from "./components/Header";
import { InsertPanel } from "./components/InsertPanel";
import { KpiTab } from "./components/KpiTab";
import { FindingsTab } from "./components/FindingsTab";
import { TablesTab } from "./components/TablesTab";
import { UseSelectionDialog } from "./components/UseSelectionDialog";
import { declareTable } from "./correctionEdits";

/** Settings (with its date picker and calendar) is fetched when first opened: most visits never open it. */
const SettingsTab = lazy(() => import(/* webpackChunkName: "settings" */ "./components/SettingsTab").then((m) => ({ default: m.SettingsTab })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    maxWidth: "100%",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  panel: { paddingTop: tokens.spacingVerticalS },
  // The four tabs fit one line of a 320 px pane (296 px inside its padding): caption-size words, narrow
  // padding, counts without brackets ("Findings 142": 278 px with a three-digit count). Only a far longer
  // count, or a narrower pane, wraps them, rather than scrolling sideways.
  tabs: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXXS },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  tabText: { fontSize: tokens.fontSizeBase200 },
  // Read by screen readers, not shown (the message bar shows it).
  live: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

type TabName = "kpis" | "findings" | "tables" | "settings";

export interface PaneProps extends PaneOptions {
  /** Re-scan when the workbook changes (real Excel, ExcelApi 1.9). */
  watch?: boolean;
  /** Scan as soon as the pane opens (in Excel: the user opened the pane to see the results). */
  autoScan?: boolean;
  /** What the pane was opened to do: "use-selection" from the ribbon's "Use selection as KPI table". */
  startWith?: StartIntent;
}

export type StartIntent = "use-selection";

export function Pane(props: PaneProps) {
  const styles = useStyles();
  const { state, scan, autoScan: rescanAfterEdit, coauthorChanged, settingsChanged, save, insert, goTo, correct, pickSelection, cancelSelection, dismissError, dismissNotice, isBusy } = usePane(props);
  const [tab, setTab] = useState<TabName>("kpis");
  useWatchChanges(props.watch ? props.runner : null, {
    onLocalChange: () => void rescanAfterEdit(),
    onRemoteChange: coauthorChanged,
    onSettingsChange: () => void settingsChanged(),
    isBusy,
  });
  const { autoScan, startWith } = props;
  const openUseSelection = useCallback(() => {
    setTab("tables");
    void pickSelection();
  }, [pickSelection]);
  useEffect(() => {
    if (autoScan) void scan().then(() => startWith === "use-selection" && openUseSelection());
    else if (startWith === "use-selection") openUseSelection();
  }, [autoScan, scan, startWith, openUseSelection]);
  const disabled = state.busy !== null;
  const kpis = state.scan ? allKpis(state.scan) : [];
  const findingCount = state.scan ? state.scan.findings.length + kpis.reduce((n, k) => n + k.findings.length, 0) : 0;

  return (
    <main className={styles.root} aria-label="KPI Scorecard">
      <Header scan={state.scan} busy={state.busy} onScan={scan} />
      <InsertPanel busy={state.busy} primary={state.scan !== null} inserted={state.inserted} onInsert={insert} onGoTo={(sheet, cell) => goTo(sheet, cell ?? "A1")} />
      {state.error && (
        <MessageBar intent="error" role="alert" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{state.error.title ?? "Something went wrong"}</MessageBarTitle>
            {state.error.message} {state.error.action}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismissError}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent="success" data-testid="notice">
          <MessageBarBody>{state.notice}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={dismissNotice}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.progress && (
        <Text size={200} role="status" data-testid="progress">
          {state.progress}
        </Text>
      )}
      {state.coauthorChanged && !state.busy && (
        <MessageBar intent="info" data-testid="coauthor-changed">
          <MessageBarBody>Updated by a co-author: scan again to see their changes.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={scan}>
              Scan
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {/* What a correction did, for screen readers: the message bar above comes and goes. */}
      <div role="status" aria-live="polite" className={styles.live}>
        {state.notice ?? ""}
      </div>
      {!state.scan && !state.busy && <Text>Scan the workbook to find its KPI tables, check their targets and rate each KPI.</Text>}
      {state.scan && state.empty && (
        <MessageBar intent="info" data-testid="empty">
          <MessageBarBody>This workbook is empty. Add or open a KPI report, then scan again.</MessageBarBody>
        </MessageBar>
      )}
      {state.scan && !state.empty && state.scan.tables.length === 0 && (
        <MessageBar intent="warning" data-testid="no-tables">
          <MessageBarBody>
            <MessageBarTitle>No KPI tables found</MessageBarTitle>
            No table here has measures with targets or actuals the add-in recognises. A KPI table needs a measure column and at least one
            column of targets, actuals or periods.
            {(state.settings?.excludedTables.length ?? 0) > 0 ? " Some tables are left out in the Tables tab." : ""} If the workbook has one the
            add-in missed, select its cells and use it as a KPI table.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabledFocusable={disabled} onClick={openUseSelection}>
              Use selection as KPI table
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.scan && !state.empty && (
        <>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small" aria-label="Views">
            <Tab value="kpis" className={styles.tab} content={{ className: styles.tabText }}>
              {`KPIs ${kpis.length}`}
            </Tab>
            <Tab value="findings" className={styles.tab} content={{ className: styles.tabText }}>
              {`Findings ${findingCount}`}
            </Tab>
            <Tab value="tables" className={styles.tab} content={{ className: styles.tabText }}>
              Tables
            </Tab>
            <Tab value="settings" className={styles.tab} content={{ className: styles.tabText }}>
              Settings
            </Tab>
          </TabList>
          <div className={styles.panel} role="tabpanel" aria-label={tab}>
            {tab === "kpis" && <KpiTab kpis={kpis} settings={state.settings} onCorrect={correct} />}
            {tab === "findings" && <FindingsTab scan={state.scan} onGo={goTo} />}
            {tab === "tables" && (
              <TablesTab
                scan={state.scan}
                settings={state.settings}
                snapshot={state.snapshot}
                disabled={disabled}
                onCorrect={correct}
                onUseSelection={openUseSelection}
                onInclude={(id, include) => {
                  if (!state.settings) return;
                  const rest = state.settings.excludedTables.filter((t) => t !== id);
                  save({ ...state.settings, excludedTables: include ? rest : [...rest, id] });
                }}
              />
            )}
            {tab === "settings" && state.settings && (
              <Suspense fallback={<Spinner size="small" label="Opening Settings…" />}>
                <SettingsTab
                  key={JSON.stringify(state.settings)}
                  settings={state.settings}
                  kpis={kpis}
                  disabled={state.busy !== null}
                  onSave={save}
                  reportingDate={state.scan.asOf}
                />
              </Suspense>
            )}
          </div>
        </>
      )}
      <UseSelectionDialog
        selection={state.selection}
        disabled={disabled}
        onCancel={cancelSelection}
        onConfirm={(headerRows) => {
          const sel = state.selection;
          if (!sel) return;
          const name = `${sel.sheet}!${sel.range}`;
          correct((s, snap) => declareTable(s, snap, sel.sheet, sel.range, headerRows), `${name} is now read as a KPI table. Check its columns below.`);
        }}
      />
    </main>
  );
}
