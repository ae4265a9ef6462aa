import { Badge } from "@fluentui/react-components";
import type { Figure, Rag } from "../../core/types";
import { staleStatusWords } from "../../core/stale";
import { RAG_BADGE, RAG_WORD } from "../labels";

/**
 * A RAG status as colour and word, never colour alone. For an out-of-date figure the words say the period the
 * status holds for: "Green at Oct 2020 — out of date".
 */
export function RagBadge({ rag, count, staleLatest }: { rag: Rag | null; count?: number; staleLatest?: Pick<Figure, "period" | "periodEnd"> | null }) {
  const r = rag ?? "grey";
  const word = staleLatest !== undefined ? staleStatusWords(RAG_WORD[r], staleLatest) : RAG_WORD[r];
  const text = count === undefined ? word : `${count} ${word}`;
  return (
    <Badge appearance="filled" color={RAG_BADGE[r]} shape="rounded" data-rag={r} {...(staleLatest !== undefined ? { "data-stale": "true" } : {})}>
      {text}
    </Badge>
  );
}

/** The count of KPIs whose latest figure is out of date, as a chip beside the RAG counts. */
export function StaleBadge({ count }: { count: number }) {
  return (
    <Badge appearance="outline" color="informative" shape="rounded" data-stale="true">
      {`${count} out of date`}
    </Badge>
  );
}
