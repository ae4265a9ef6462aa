// Long lists render a page at a time so 500 KPIs stay responsive.
import { useState } from "react";

export const PAGE_SIZE = 100;

export function useShowMore<T>(items: readonly T[], page = PAGE_SIZE) {
  const [limit, setLimit] = useState(page);
  return {
    visible: items.slice(0, limit),
    hidden: Math.max(0, items.length - limit),
    showMore: () => setLimit((l) => l + page),
  };
}
