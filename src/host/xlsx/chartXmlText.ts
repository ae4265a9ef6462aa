// Just enough XML for editing package parts: escaping for what we write, and an element tree with source
// offsets for what we read (built on the one tokenizer, xmlReader.ts), so edits can be spliced into the
// original text without re-serialising parts we do not own. No DOMParser: the host also runs without a DOM.
import { Token, XmlReader } from "./xmlReader";

/** Escape text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .split("")
    .filter(isXmlChar)
    .join("");
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF); Excel would refuse the part. */
function isXmlChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  return c !== 0xfffe && c !== 0xffff;
}

export { decodeEntities as unescapeXml } from "./xmlReader";

export interface XmlElement {
  /** Qualified name as written, e.g. "c:barChart". */
  name: string;
  /** Name without prefix, e.g. "barChart". */
  local: string;
  prefix: string | null;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element (not its children). */
  text: string;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just past the start tag's ">" (found by the tokenizer, so a ">" inside an attribute value is no end). */
  openEnd: number;
  /** Offset just past the end tag (or past '/>'). */
  end: number;
  /** Offset of the end tag's '<', or -1 when the element is self-closing. */
  innerEnd: number;
}

function element(name: string, start: number): XmlElement {
  const colon = name.indexOf(":");
  return {
    name,
    local: colon < 0 ? name : name.slice(colon + 1),
    prefix: colon < 0 ? null : name.slice(0, colon),
    attrs: {},
    children: [],
    text: "",
    start,
    openEnd: -1,
    end: -1,
    innerEnd: -1,
  };
}

/** Parse a part into its root element (the one tokenizer, xmlReader.ts). Throws XmlError on markup that is not well formed. */
export function parseXml(xml: string): XmlElement {
  const reader = new XmlReader(xml);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  for (let t = reader.next(); t !== Token.End; t = reader.next()) {
    if (t === Token.Open) {
      const el = element(reader.name, reader.start);
      el.attrs = reader.attributes();
      el.openEnd = reader.end;
      if (stack.length) stack[stack.length - 1].children.push(el);
      else root = el;
      if (reader.selfClosing) el.end = reader.end;
      stack.push(el);
    } else if (t === Token.Close) {
      const el = stack.pop()!;
      if (el.end < 0) {
        el.innerEnd = reader.start;
        el.end = reader.end;
      }
    } else stack[stack.length - 1].text += reader.text;
  }
  return root!;
}

/** First child with this local name (namespace prefixes vary between writers). */
export function child(el: XmlElement | null | undefined, local: string): XmlElement | null {
  return el?.children.find((c) => c.local === local) ?? null;
}

export function children(el: XmlElement | null | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

/** Follow a path of local names: path(chart, "plotArea", "barChart"). */
export function path(el: XmlElement | null | undefined, ...locals: string[]): XmlElement | null {
  let at: XmlElement | null = el ?? null;
  for (const l of locals) at = child(at, l);
  return at;
}

/** All descendants with this local name, in document order. */
export function descendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Value of an attribute by local name, whatever its prefix ("r:id" and "id" are different: pass prefixed=true for r:id). */
export function attr(el: XmlElement | null | undefined, local: string, prefixed = false): string | null {
  if (!el) return null;
  for (const [k, v] of Object.entries(el.attrs)) {
    const colon = k.indexOf(":");
    if (prefixed ? colon >= 0 && k.slice(colon + 1) === local && !k.startsWith("xmlns:") : k === local) return v;
  }
  return null;
}

/** The prefix bound to a namespace URI on this element (null when unbound, "" when it is the default namespace). */
export function prefixFor(el: XmlElement, namespaceUri: string): string | null {
  for (const [k, v] of Object.entries(el.attrs)) {
    if (v !== namespaceUri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return null;
}

/** Insert markup as the last children of an element, expanding it if it was written self-closing. */
export function appendInside(xml: string, el: XmlElement, inner: string): string {
  if (el.innerEnd >= 0) return xml.slice(0, el.innerEnd) + inner + xml.slice(el.innerEnd);
  const selfClosing = xml.slice(el.start, el.end);
  const open = selfClosing.replace(/\s*\/>$/, ">");
  return xml.slice(0, el.start) + open + inner + `</${el.name}>` + xml.slice(el.end);
}
