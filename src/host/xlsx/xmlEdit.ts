// Edits of package parts made through the one tokenizer (xmlReader.ts), never a regular expression over
// markup: a tag is found as XML means it (any namespace prefix, either quote, attributes in any order, a ">"
// inside a value, CDATA and comments that merely look like tags), and only the bytes of what is edited
// change — the rest of the part is copied as it was written.
import { Token, XmlReader, XmlError, setAttribute } from "./xmlReader";

/** A span of the text to replace. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Apply splices (any order) to the text: an insertion (start = end) goes before a replacement that starts at
 * the same place; splices that overlap are a mistake of ours and throw.
 */
export function applySplices(xml: string, splices: Splice[]): string {
  if (!splices.length) return xml;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end < s.start) throw new Error(`Overlapping edits at ${s.start}.`);
    out.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/**
 * A reader over a whole part (it starts with an XML declaration) or over markup of ours, which may be a run of
 * elements without one root; either way it is held to being well formed.
 */
export function readerOf(xml: string): XmlReader {
  return new XmlReader(xml, 0, xml.length, !xml.startsWith("<?xml"));
}

/**
 * Each start tag of the text handed to `visit` (the reader stands on it); what it returns replaces the tag's
 * text, undefined keeps it.
 */
export function rewriteStartTags(xml: string, visit: (r: XmlReader, tag: string) => string | undefined): string {
  const r = readerOf(xml);
  const splices: Splice[] = [];
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t !== Token.Open) continue;
    const tag = xml.slice(r.start, r.end);
    const text = visit(r, tag);
    if (text !== undefined && text !== tag) splices.push({ start: r.start, end: r.end, text });
  }
  return applySplices(xml, splices);
}

/** A start tag with this attribute (by the name as written) taken out, with the space before it; the rest as written. */
export function removeAttribute(startTag: string, qualified: string): string {
  const r = new XmlReader(startTag, 0, startTag.length, true);
  if (r.next() !== Token.Open) throw new XmlError("no start tag", 0);
  const span = r.attributeSpan(qualified);
  if (!span) return startTag;
  return startTag.slice(0, span[0]).trimEnd() + startTag.slice(span[1]);
}

/** A self-closing start tag as the start tag of an element that will hold content ("<x a='1'/>" -> "<x a='1'>"). */
export function openForm(startTag: string): string {
  return startTag.endsWith("/>") ? `${startTag.slice(0, -2).trimEnd()}>` : startTag;
}

/**
 * Markup we wrote without prefixes, put into the namespace prefix of the part it joins ("x:" in some writers'
 * parts): every element name without a prefix gets it; attributes and names that have a prefix stay as they are.
 */
export function qualify(markup: string, prefix: string | null): string {
  if (!prefix) return markup;
  const r = new XmlReader(markup, 0, markup.length, true);
  const splices: Splice[] = [];
  let pendingSelfClose = false;
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t === Token.Close && pendingSelfClose) {
      pendingSelfClose = false; // the close of "<x/>" has no text of its own
      continue;
    }
    if (t === Token.Text) continue;
    if (t === Token.Open) pendingSelfClose = r.selfClosing;
    if (r.name.includes(":")) continue;
    const nameAt = r.start + (t === Token.Open ? 1 : 2);
    splices.push({ start: nameAt, end: nameAt, text: `${prefix}:` });
  }
  return applySplices(markup, splices);
}

/** An element as it stands in the part's text: its name and where its start tag, content and end are. */
export interface ElementSpan {
  name: string;
  local: string;
  start: number;
  /** Just past the start tag. */
  openEnd: number;
  /** The end tag's "<", or -1 when the element closed itself. */
  innerEnd: number;
  end: number;
}

/**
 * The root element and its children, in one pass that builds nothing below them (a sheet of a million cells
 * costs one read, not a tree).
 */
export function topLevel(xml: string): { root: ElementSpan; children: ElementSpan[] } {
  const r = new XmlReader(xml);
  let root: ElementSpan | null = null;
  const kids: ElementSpan[] = [];
  for (let t = r.next(); t !== Token.End; t = r.next()) {
    if (t === Token.Open && r.depth === 1) root = spanAt(r);
    else if (t === Token.Open && r.depth === 2) kids.push(elementAt(r));
    else if (t === Token.Close && r.depth === 0 && root && root.end < 0) {
      root.innerEnd = r.start;
      root.end = r.end;
    }
  }
  if (!root) throw new XmlError("no root element", 0);
  return { root, children: kids };
}

function spanAt(r: XmlReader): ElementSpan {
  return { name: r.name, local: r.local, start: r.start, openEnd: r.end, innerEnd: -1, end: r.selfClosing ? r.end : -1 };
}

/** From an Open token: the element's span, the reader left on its Close. */
export function elementAt(r: XmlReader): ElementSpan {
  const span = spanAt(r);
  if (r.selfClosing) {
    r.next(); // its Close
    return span;
  }
  r.skip();
  span.innerEnd = r.start;
  span.end = r.end;
  return span;
}

export { setAttribute };
