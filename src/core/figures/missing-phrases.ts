// Words people write where a figure would be, and what each says about the missing figure.
import type { MissingReason } from "../types";

export interface MissingPhrase {
  reason: MissingReason;
  /** What the cell says beyond the keyword ("measurement will commence from 01.07.19 ..."); null if nothing. */
  rest: string | null;
}

/** Dashes, dots and empty cells: nothing was entered. */
const BLANK = /^[\s\-.–—_/\\?]*$/;

/** n/a, NA, N/A, Not applicable at the start of the cell. ("National average" is not NA.) */
export const NOT_APPLICABLE = /^(?:n\s?\/\s?a|n\.?a\.?|not\s+applicable|not\s+relevant|no\s+target|not\s+measured)(?=$|[\s\-:;,.()])/i;

export const NOT_YET_DUE =
  /^(?:not\s+(?:yet\s+)?due(?:\s+yet)?|due\s+(?:in|from|by|on)\b|awaiting\s+(?:data|results?|publication|release|figures?)|(?:data\s+)?not\s+yet\s+(?:available|published|reported|collected)|not\s+available\s+(?:yet|until)\b|next\s+(?:update|report)\s+due|reported\s+(?:annually|later)|to\s+follow)(?=$|[\s\-:;,.()])/i;

/** "tbc", "To be established ..." at the start of the cell. */
export const TO_BE_CONFIRMED =
  /^(?:t\.?b\.?c\.?|t\.?b\.?d\.?|tba|to\s+be\s+(?:confirmed|established|determined|agreed|set|decided|defined|calculated|reviewed|updated|advised|announced|provided|collected|measured|identified|developed|finalised|finalized|baselined)|awaiting\s+(?:baseline|target|confirmation|agreement)|pending|not\s+(?:yet\s+)?(?:known|set|agreed|confirmed|established|determined)|unknown|under\s+review|in\s+development)(?=$|[\s\-:;,.()])/i;

/**
 * A baseline still being set, anywhere in the cell: "Establish baseline by 31.10.19",
 * "Survey will establish baseline", "Baseline established by 31.12.19", "Initial survey will be
 * baseline", "1st month of monitoring 2020 local baseline established". Such a cell has no
 * figure yet even when it mentions a number, so it is to-be-confirmed, not a value.
 */
export const BASELINE_PENDING =
  /\b(?:establish(?:es|ed|ing)?\s+(?:a\s+|the\s+)?(?:new\s+|local\s+)?baseline|baseline\s+(?:(?:to\s+be|will\s+be|being|is\s+being|was|has\s+been|now|is)\s+)?(?:established|set|agreed|confirmed|determined|collected|measured)|(?:will\s+be|to\s+be|becomes?|form)\s+(?:the\s+)?baseline|baseline\s+(?:tbc|tbd|to\s+follow|pending))\b/i;

function wordCount(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}

function restAfter(text: string, matched: number): string | null {
  const rest = text.slice(matched).replace(/^[\s\-:;,.()]+|[\s.;,]+$/g, "");
  return rest === "" ? null : rest;
}

/**
 * Statistical suppression markers (GSS/ONS style): "[z]" is not applicable; "[x]", "[c]", "*",
 * "x", "c", "supp" mean the figure exists but is withheld or unavailable, which is text.
 */
export const SUPPRESSED = /^(?:\[[xc]\]|\*+|x|c|supp\.?|suppressed|redacted|dnr|n\/k|nk|not\s+known|unavailable|(?:data\s+)?not\s+available|no\s+data)$/i;

/** Why a cell holds no figure, when its words say so; null when they do not. */
export function missingPhrase(text: string): MissingPhrase | null {
  if (BLANK.test(text)) return { reason: "blank", rest: null };
  if (/^\[z\]$/i.test(text)) return { reason: "not-applicable", rest: null };
  if (SUPPRESSED.test(text)) return { reason: "text", rest: text.replace(/^\[|\]$/g, "") };
  for (const [pattern, reason] of [
    [NOT_APPLICABLE, "not-applicable"],
    [NOT_YET_DUE, "not-yet-due"],
    [TO_BE_CONFIRMED, "to-be-confirmed"],
  ] as const) {
    const m = pattern.exec(text);
    if (m) return { reason, rest: restAfter(text, m[0].length) };
  }
  // Only where the cell is about the pending baseline: a short note, or one that opens with it.
  // A long qualitative milestone that ends "... and a baseline established" is a goal, not a tbc.
  const pending = BASELINE_PENDING.exec(text);
  if (pending && (wordCount(text) <= 12 || wordCount(text.slice(0, pending.index)) < 3)) return { reason: "to-be-confirmed", rest: text };
  return null;
}
