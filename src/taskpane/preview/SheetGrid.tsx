// A read-only view of one sheet of the preview workbook, with sheet tabs. A range is selected as in Excel:
// click a cell, drag over cells, or (once the grid has focus) arrow keys to move and Shift+arrows to extend.
// The selection is made in the workbook (Range.select), so "Use selection as KPI table" reads it as it
// would in Excel.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Caption1, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters, parseCellAddress, rectAddress } from "../../core/address";
import type { Runner } from "../runner";
import { readGrid, type GridView } from "../../excel/readGrid";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  // Sheet tabs wrap onto more lines in a narrow window rather than widen the page.
  sheets: { flexWrap: "wrap", minWidth: 0 },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 160px)", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    userSelect: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
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
    cursor: "cell",
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  highlight: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
});

export interface SheetGridProps {
  runner: Runner;
  /** Bumped whenever the workbook changed, to read it again. */
  version: number;
  sheet: string | null;
  /** A cell the pane went to: it becomes the selection. */
  highlight: string | null;
  onSheet: (sheet: string) => void;
  /** The user selected a range (a cell, or "B4:E7") on a sheet. */
  onSelect?: (sheet: string, address: string) => void;
}

interface Pos {
  row: number;
  col: number;
}

/** The selection: where it started (anchor) and the active cell it extends to (focus), on the sheet. */
interface Selection {
  sheet: string;
  anchor: Pos;
  focus: Pos;
}

function rectOf(s: Selection) {
  const row = Math.min(s.anchor.row, s.focus.row);
  const col = Math.min(s.anchor.col, s.focus.col);
  return { row, col, rowCount: Math.abs(s.anchor.row - s.focus.row) + 1, colCount: Math.abs(s.anchor.col - s.focus.col) + 1 };
}

const MOVES: Record<string, Pos> = { ArrowUp: { row: -1, col: 0 }, ArrowDown: { row: 1, col: 0 }, ArrowLeft: { row: 0, col: -1 }, ArrowRight: { row: 0, col: 1 } };

export function SheetGrid({ runner, version, sheet, highlight, onSheet, onSelect }: SheetGridProps) {
  const styles = useStyles();
  const [view, setView] = useState<GridView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const dragging = useRef(false);
  const marked = useRef<HTMLTableCellElement | null>(null);
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  /** Make the selection in the workbook, as selecting in Excel does. */
  const commit = useCallback((s: Selection | null) => {
    if (s) onSelectRef.current?.(s.sheet, rectAddress(rectOf(s)));
  }, []);

  useEffect(() => {
    let live = true;
    runner((ctx) => readGrid(ctx, sheet, highlight))
      .then((v) => live && (setView(v), setProblem(null)))
      .catch((e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [runner, version, sheet, highlight]);

  // A cell the pane went to is the selection, as in Excel.
  useEffect(() => {
    const at = highlight ? parseCellAddress(highlight) : null;
    if (at && view) setSelection({ sheet: view.sheet, anchor: at, focus: at });
  }, [highlight, view]);

  useEffect(() => {
    marked.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [view, selection]);

  // A drag ends wherever the mouse is let go, in the grid or not.
  useEffect(() => {
    const up = () => {
      if (!dragging.current) return;
      dragging.current = false;
      commit(selectionRef.current);
    };
    document.addEventListener("mouseup", up);
    return () => document.removeEventListener("mouseup", up);
  }, [commit]);

  if (problem) return <Text role="alert">The workbook could not be shown: {problem}</Text>;
  if (!view) return <Text>Reading the workbook…</Text>;
  const cols = view.text[0]?.length ?? 0;
  const current = selection && selection.sheet === view.sheet ? selection : null;
  const rect = current ? rectOf(current) : null;
  const inRect = (r: number, c: number) => !!rect && r >= rect.row && r < rect.row + rect.rowCount && c >= rect.col && c < rect.col + rect.colCount;
  const cellId = (p: Pos) => `grid-${cellAddress(p.row, p.col)}`;

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const move = MOVES[e.key];
    if (!move || !view || view.text.length === 0) return;
    e.preventDefault();
    const start = current ?? { sheet: view.sheet, anchor: { row: view.firstRow, col: view.firstCol }, focus: { row: view.firstRow, col: view.firstCol } };
    const clamp = (p: Pos): Pos => ({
      row: Math.min(Math.max(p.row, view.firstRow), view.firstRow + view.text.length - 1),
      col: Math.min(Math.max(p.col, view.firstCol), view.firstCol + cols - 1),
    });
    const focus = clamp({ row: start.focus.row + move.row, col: start.focus.col + move.col });
    const next: Selection = { sheet: view.sheet, anchor: e.shiftKey ? start.anchor : focus, focus };
    setSelection(next);
    commit(next);
  };

  return (
    <section className={styles.root} aria-label="Workbook preview" data-testid="grid">
      <TabList size="small" className={styles.sheets} selectedValue={view.sheet} onTabSelect={(_, d) => onSheet(String(d.value))} aria-label="Sheets">
        {view.sheets.map((s) => (
          <Tab key={s} value={s}>
            {s}
          </Tab>
        ))}
      </TabList>
      {view.text.length === 0 ? (
        <Text>This sheet is empty.</Text>
      ) : (
        <div className={styles.scroller}>
          <table
            className={styles.table}
            data-sheet={view.sheet}
            role="grid"
            aria-readonly="true"
            aria-multiselectable="true"
            aria-label={`Cells of ${view.sheet}. Arrow keys move, Shift and arrow keys select a range.`}
            tabIndex={0}
            aria-activedescendant={current ? cellId(current.focus) : undefined}
            onKeyDown={onKeyDown}
          >
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
                    const pos = { row: view.firstRow + r, col: view.firstCol + c };
                    const addr = cellAddress(pos.row, pos.col);
                    const active = !!current && current.focus.row === pos.row && current.focus.col === pos.col;
                    const chosen = inRect(pos.row, pos.col);
                    return (
                      <td
                        key={c}
                        id={cellId(pos)}
                        className={active ? `${styles.cell} ${styles.highlight}` : chosen ? `${styles.cell} ${styles.selected}` : styles.cell}
                        title={t || undefined}
                        data-cell={addr}
                        aria-selected={chosen}
                        aria-current={active ? "location" : undefined}
                        ref={active ? marked : undefined}
                        onMouseDown={(e) => {
                          if (e.button !== 0) return;
                          dragging.current = true;
                          const anchor = e.shiftKey && current ? current.anchor : pos;
                          setSelection({ sheet: view.sheet, anchor, focus: pos });
                        }}
                        onMouseEnter={() => {
                          if (dragging.current) setSelection((s) => (s ? { ...s, focus: pos } : s));
                        }}
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
      <Caption1 aria-live="polite" data-testid="grid-selection">
        {rect ? `Selected ${rectAddress(rect)} on ${view.sheet}` : "Click a cell, or drag over cells, to select them."}
      </Caption1>
    </section>
  );
}
