// "Use selection as KPI table": the range the user selected, what its first rows hold, and how many of them
// are headings (0 for a table with no heading row), guessed and confirmed before anything is stored.
import { useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseRangeAddress } from "../../core/address";
import type { PendingSelection } from "../usePane";
import { selectionProblem } from "./selectionProblem";

const useStyles = makeStyles({
  rows: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { overflowWrap: "anywhere" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const HEADING_CHOICES: { n: number; label: string }[] = [
  { n: 0, label: "None: every row is a KPI" },
  { n: 1, label: "1: the first row names the columns" },
  { n: 2, label: "2: two rows of headings" },
];

/** Why the dialog offers what it offers first, in words. */
function guessWords(guess: number): string {
  if (guess === 0) return "The first row already holds figures, so it is offered as a KPI row, not headings.";
  if (guess === 2) return "The first two rows hold words only, so both are offered as headings.";
  return "The first row holds words only, so it is offered as the heading row.";
}

export interface UseSelectionDialogProps {
  selection: PendingSelection | null;
  disabled: boolean;
  onConfirm: (headerRows: number) => void;
  onCancel: () => void;
}

export function UseSelectionDialog(props: UseSelectionDialogProps) {
  // A new selection starts the dialog afresh, with its own guess.
  const s = props.selection;
  return <SelectionDialog key={s ? `${s.sheet}!${s.range}` : ""} {...props} />;
}

function SelectionDialog({ selection, disabled, onConfirm, onCancel }: UseSelectionDialogProps) {
  const styles = useStyles();
  const [headerRows, setHeaderRows] = useState(selection?.guess ?? 1);
  const rowCount = selection ? (parseRangeAddress(selection.range)?.rowCount ?? 1) : 1;
  const where = selection ? `${selection.range} on ${selection.sheet}` : "";
  // A selection that cannot be a table is refused in words: the dialog offers nothing to store.
  const problem = selection ? selectionProblem(selection) : null;
  return (
    <Dialog open={selection !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-label="Use the selection as a KPI table">
        <DialogBody>
          <DialogTitle>Use the selection as a KPI table</DialogTitle>
          <DialogContent className={styles.body}>
            {problem && (
              <Text role="alert" data-testid="selection-problem">
                {problem}
              </Text>
            )}
            {selection && !problem && (
              <>
                <Text>
                  <strong>{where}</strong>
                  {selection.selected !== selection.range ? ` (the filled part of ${selection.selected})` : ""} will be read as one KPI table, every row
                  under its headings a KPI. Tables the add-in found over the same cells give way to it.
                </Text>
                <div>
                  <Caption1>Its first rows:</Caption1>
                  <ol className={styles.rows} aria-label="The selection's first rows">
                    {selection.firstRows.map((row, i) => (
                      <li key={i} className={styles.row}>
                        <Text size={200}>{row.filter(Boolean).join(" · ") || "(empty)"}</Text>
                      </li>
                    ))}
                  </ol>
                </div>
                <Field label="Heading rows" hint={guessWords(selection.guess)}>
                  <RadioGroup value={String(headerRows)} onChange={(_, d) => setHeaderRows(Number(d.value))}>
                    {HEADING_CHOICES.map((c) => (
                      <Radio key={c.n} value={String(c.n)} label={c.label} disabled={c.n >= rowCount} />
                    ))}
                  </RadioGroup>
                </Field>
              </>
            )}
          </DialogContent>
          <DialogActions>
            {problem ? (
              <Button appearance="primary" onClick={onCancel}>
                Close
              </Button>
            ) : (
              <>
                <Button appearance="primary" disabledFocusable={disabled} onClick={() => onConfirm(headerRows)}>
                  Use as KPI table
                </Button>
                <Button onClick={onCancel}>Cancel</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
