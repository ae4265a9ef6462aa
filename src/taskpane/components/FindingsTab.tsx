import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScanResult, Severity } from "../../core/types";
import { findingsBySeverity, SEVERITY_ORDER, type LocatedFinding } from "../model";
import { SEVERITY_WORD } from "../labels";
import { useShowMore } from "./useShowMore";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: { width: "100%", justifyContent: "flex-start", textAlign: "left", height: "auto", minHeight: "32px", paddingTop: "4px", paddingBottom: "4px" },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start", overflowWrap: "anywhere" },
});

function FindingList({ items, onGo }: { items: LocatedFinding[]; onGo: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const { visible, hidden, showMore } = useShowMore(items);
  return (
    <>
      <ul className={styles.list}>
        {visible.map((f) => {
          const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? "");
          const content = (
            <span className={styles.text}>
              <Text size={200}>{f.message}</Text>
              {where && <Text size={100}>{where}</Text>}
            </span>
          );
          return (
            <li key={f.id} data-testid="finding">
              {f.sheet && f.cell ? (
                <Button appearance="subtle" className={styles.finding} onClick={() => onGo(f.sheet!, f.cell!)} title={`Go to ${where}`}>
                  {content}
                </Button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <Button onClick={showMore}>Show more ({hidden} more)</Button>}
    </>
  );
}

export function FindingsTab({ scan, onGo }: { scan: ScanResult; onGo: (sheet: string, cell: string) => void }) {
  const groups = findingsBySeverity(scan);
  const present = SEVERITY_ORDER.filter((s) => groups[s].length > 0);
  if (present.length === 0) return <Text>No findings: every target, baseline and figure read cleanly.</Text>;
  return (
    <Accordion multiple collapsible defaultOpenItems={present.slice(0, 1)}>
      {present.map((s: Severity) => (
        <AccordionItem value={s} key={s}>
          <AccordionHeader as="h2">
            {SEVERITY_WORD[s]} ({groups[s].length})
          </AccordionHeader>
          <AccordionPanel>
            <FindingList items={groups[s]} onGo={onGo} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
