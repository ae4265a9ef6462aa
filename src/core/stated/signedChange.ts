// A change written with its sign before the figure, as officers type it: "+ 106,270", "- 2.9%", "+9% (+27 incidents)",
// "−0.5". The sign says which way the figure went; the rest of the cell may qualify it.
export const SIGNED_CHANGE = /^([+\-−–])\s?(\d[\d,]*(?:\.\d+)?)\s?%?(?:\s*\(.*\))?$/u;
