// The browser preview: the same pane on the headless host, beside a read-only grid of the workbook,
// with a sample workbook, "Open workbook…" and "Download workbook".
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { openWorkbook, type HeadlessWorkbook } from "../../host";
import { setRequirementChecker } from "../../excel/requirements";
import { Pane } from "../Pane";
import type { Runner } from "../runner";
import type { Recognise } from "../../excel/scanWorkbook";
import { plainError } from "../errors";
import { SheetGrid } from "./SheetGrid";
import { selectCell } from "../../excel/navigate";
import { showSheet } from "../../excel/selection";

export const SAMPLE_URL = "assets/samples/send-board-kpis.xlsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Beside the grid on a wide screen; on a narrow one (a phone, a 320 px window) the pane takes the whole width as
  // Excel's 320 px pane would, the grid below it, and nothing scrolls the page sideways.
  body: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "flex-start",
    padding: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    "@media (max-width: 400px)": { padding: 0, gap: tokens.spacingVerticalM },
  },
  pane: {
    width: "320px",
    maxWidth: "100%",
    boxSizing: "border-box",
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 400px)": { width: "100%", border: "none" },
  },
  grid: { flexGrow: 1, flexBasis: "360px", minWidth: 0, maxWidth: "100%", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

interface Loaded {
  wb: HeadlessWorkbook;
  name: string;
  /** Distinguishes one opened file from the next, so the pane starts afresh. */
  id: number;
}

/** "$B$3" or "B3:C4" → "B3": the cell the grid highlights. */
function firstCell(address: string): string {
  return address.split(":")[0].replace(/\$/g, "").toUpperCase();
}

async function load(bytes: Uint8Array, name: string, id: number): Promise<Loaded> {
  const wb = await openWorkbook(bytes);
  // src/excel asks which requirement sets Excel has; here the headless host answers.
  setRequirementChecker((n, v) => wb.isSetSupported(n, v));
  return { wb, name, id };
}

const fetchBundledSample = () => fetch(SAMPLE_URL);

export function PreviewApp({ fetchSample = fetchBundledSample, recognise }: { fetchSample?: () => Promise<Response>; recognise?: Recognise }) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  // The sample is loaded once; a file the user opens later replaces it.
  const sampleLoader = useRef(fetchSample);
  useEffect(() => {
    sampleLoader
      .current()
      .then((r) => {
        if (!r.ok) throw new Error(`the sample workbook could not be loaded (HTTP ${r.status})`);
        return r.arrayBuffer();
      })
      .then((buf) => load(new Uint8Array(buf), "send-board-kpis.xlsx", nextId.current++))
      .then(setLoaded)
      .catch((e: unknown) => setProblem(plainError(e).message));
  }, []);

  const runner = useMemo<Runner | null>(() => (loaded ? (batch, options) => loaded.wb.run(options ?? {}, batch) : null), [loaded]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const next = await load(new Uint8Array(await file.arrayBuffer()), file.name, nextId.current++);
      setProblem(null);
      setSheet(null);
      setHighlight(null);
      setLoaded(next);
    } catch (err) {
      setProblem(`"${file.name}" could not be opened: ${plainError(err).message}`);
    } finally {
      e.target.value = "";
    }
  };

  const download = async () => {
    if (!loaded) return;
    // The opened file with the scorecard patched in: everything else in it is kept byte for byte.
    const bytes = await loaded.wb.saveCopy();
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = loaded.name.replace(/\.xlsx$/i, "") + "-scorecard.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const onNavigated = useCallback((s: string, cell: string) => {
    setSheet(s);
    setHighlight(firstCell(cell));
    setVersion((v) => v + 1);
  }, []);
  const onWorkbookChanged = useCallback((scorecardSheet?: string) => {
    // After an insert, show the scorecard.
    setSheet(scorecardSheet ?? null);
    setHighlight(null);
    setVersion((v) => v + 1);
  }, []);

  return (
    <div className={styles.page}>
      <div className={styles.bar}>
        <Text weight="semibold">Browser preview</Text>
        <Text size={200}>Not connected to Excel: the add-in runs on a copy of {loaded?.name ?? "the sample workbook"} in this page. Nothing is uploaded.</Text>
        <input
          ref={fileInput}
          id="open-workbook"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          onChange={onFile}
          aria-label="Open workbook"
        />
        <Button onClick={() => fileInput.current?.click()}>Open workbook…</Button>
        <Button onClick={download} disabled={!loaded}>
          Download workbook
        </Button>
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div className={styles.pane}>
          {loaded && runner ? (
            <Pane key={loaded.id} runner={runner} workbookName={loaded.name} onNavigated={onNavigated} onWorkbookChanged={onWorkbookChanged} recognise={recognise} />
          ) : (
            <Text>Loading the sample workbook…</Text>
          )}
        </div>
        <div className={styles.grid}>
          {runner && (
            <SheetGrid
              runner={runner}
              version={version}
              sheet={sheet}
              highlight={highlight}
              onSheet={(s) => {
                setSheet(s);
                setHighlight(null);
                // As clicking a sheet tab in Excel: the sheet shown is the active one, whose selection the pane reads.
                runner((ctx) => showSheet(ctx, s)).catch((e: unknown) => setProblem(plainError(e).message));
              }}
              onSelect={(s, address) => {
                runner((ctx) => selectCell(ctx, s, address)).catch((e: unknown) => setProblem(plainError(e).message));
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
