// A read-only view of one sheet of the preview workbook, with sheet tabs.
import { useEffect, useRef, useState } from "react";
import { Caption1, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters } from "../../core/address";
import type { Runner } from "../runner";
import { readGrid, type GridView } from "../../excel/readGrid";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 140px)", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, zIndex: 1 },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, textAlign: "right", color: tokens.colorNeutralForeground2 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  highlight: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
});

export interface SheetGridProps {
  runner: Runner;
  /** Bumped whenever the workbook changed, to read it again. */
  version: number;
  sheet: string | null;
  highlight: string | null;
  onSheet: (sheet: string) => void;
}

export function SheetGrid({ runner, version, sheet, highlight, onSheet }: SheetGridProps) {
  const styles = useStyles();
  const [view, setView] = useState<GridView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const marked = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    let live = true;
    runner((ctx) => readGrid(ctx, sheet, highlight))
      .then((v) => live && (setView(v), setProblem(null)))
      .catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [runner, version, sheet, highlight]);

  useEffect(() => {
    marked.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [view, highlight]);

  if (problem) return <Text role="alert">The workbook could not be shown: {problem}</Text>;
  if (!view) return <Text>Reading the workbook…</Text>;
  const cols = view.text[0]?.length ?? 0;
  return (
    <section className={styles.root} aria-label="Workbook preview" data-testid="grid">
      <TabList size="small" selectedValue={view.sheet} onTabSelect={(_, d) => onSheet(String(d.value))} aria-label="Sheets">
        {view.sheets.map((s) => (
          <Tab key={s} value={s}>
            {s}
          </Tab>
        ))}
      </TabList>
      {view.text.length === 0 ? (
        <Text>This sheet is empty.</Text>
      ) : (
        <div className={styles.scroller} tabIndex={0} aria-label={`Cells of ${view.sheet}`}>
          <table className={styles.table} data-sheet={view.sheet}>
            <thead>
              <tr>
                <th className={`${styles.cell} ${styles.head}`} aria-label="Row" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">
                    {columnLetters(view.firstCol + c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.text.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className={`${styles.cell} ${styles.rowHead}`}>
                    {view.firstRow + r + 1}
                  </th>
                  {row.map((t, c) => {
                    const addr = cellAddress(view.firstRow + r, view.firstCol + c);
                    const hit = highlight === addr;
                    return (
                      <td
                        key={c}
                        className={hit ? `${styles.cell} ${styles.highlight}` : styles.cell}
                        title={t || undefined}
                        data-cell={addr}
                        aria-current={hit ? "location" : undefined}
                        ref={hit ? marked : undefined}
                      >
                        {t}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.truncated && <Caption1>Showing the first {view.text.length} rows and {cols} columns.</Caption1>}
    </section>
  );
}
