import { Badge } from "@fluentui/react-components";
import type { Rag } from "../../core/types";
import { RAG_BADGE, RAG_WORD } from "../labels";

/** A RAG status as colour and word, never colour alone. */
export function RagBadge({ rag, count }: { rag: Rag | null; count?: number }) {
  const r = rag ?? "grey";
  const text = count === undefined ? RAG_WORD[r] : `${count} ${RAG_WORD[r]}`;
  return (
    <Badge appearance="filled" color={RAG_BADGE[r]} shape="rounded" data-rag={r}>
      {text}
    </Badge>
  );
}
