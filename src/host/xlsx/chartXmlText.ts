// Just enough XML for editing package parts: escaping for what we write, and a small tolerant parser
// (element tree with source offsets) for what we read, so edits can be spliced into the original text
// without re-serialising parts we do not own. No DOMParser: the host also runs under Node without a DOM.

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

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent.startsWith("#x")) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith("#")) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    return NAMED_ENTITIES[ent] ?? whole;
  });
}

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
  /** Offset just past the end tag (or past '/>'). */
  end: number;
  /** Offset of the end tag's '<', or -1 when the element is self-closing. */
  innerEnd: number;
}

const NAME = "[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?";
// Sticky: matched in place at each "<", so a large sheet part is never copied tag by tag.
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, "y");
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "g");

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
    end: -1,
    innerEnd: -1,
  };
}

/** Parse a part into its root element. Throws on markup that is not well formed. */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i && stack.length > 0) stack[stack.length - 1].text += unescapeXml(xml.slice(i, textEnd));
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      i = after(xml, "?>", lt);
    } else if (xml.startsWith("<!--", lt)) {
      i = after(xml, "-->", lt);
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const close = after(xml, "]]>", lt);
      if (stack.length > 0) stack[stack.length - 1].text += xml.slice(lt + 9, close - 3);
      i = close;
    } else if (xml.startsWith("<!", lt)) {
      i = after(xml, ">", lt);
    } else if (xml.startsWith("</", lt)) {
      const gt = after(xml, ">", lt);
      const name = xml.slice(lt + 2, gt - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`Malformed XML: </${name}> at ${lt} does not close <${open?.name ?? "nothing"}>`);
      open.innerEnd = lt;
      open.end = gt;
      i = gt;
    } else {
      START_TAG.lastIndex = lt;
      const m = START_TAG.exec(xml);
      if (!m) throw new Error(`Malformed XML: bad start tag at ${lt}`);
      const el = element(m[1], lt);
      for (const a of m[2].matchAll(ATTR)) el.attrs[a[1]] = unescapeXml(a[2] ?? a[3] ?? "");
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error("Malformed XML: more than one root element");
      else root = el;
      i = lt + m[0].length;
      if (m[3] === "/") el.end = i;
      else stack.push(el);
    }
  }
  if (stack.length > 0) throw new Error(`Malformed XML: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("Malformed XML: no root element");
  return root;
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw new Error(`Malformed XML: unterminated markup at ${from}`);
  return at + token.length;
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
