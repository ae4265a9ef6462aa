// The one XML tokenizer every package part is read with: a pull reader over the part's text that steps
// from tag to tag without building anything it is not asked for (names are compared in place, attributes
// and text decoded on demand), so a sheet of millions of cells costs one pass and few strings. It reads
// what real files hold — namespace prefixes, the five entities and character references, CDATA, comments,
// processing instructions, either quote, attributes in any order — and refuses what is not well formed
// (a tag closed by another, an unknown entity, a "<" in an attribute, a second root, a document type
// declaration) by throwing XmlError; callers turn that into damage named by the part.

export class XmlError extends Error {
  constructor(message: string, readonly at: number) {
    super(`Malformed XML: ${message} at ${at}`);
    this.name = "XmlError";
  }
}

export const enum Token {
  End = 0,
  Open = 1,
  Close = 2,
  Text = 3,
}

const LT = 60, GT = 62, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, AMP = 38, COLON = 58, BANG = 33, QUESTION = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === COLON || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/** <?xml version="1.x" encoding="…" standalone="yes|no"?>, in that order, each but the version optional. */
const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>$/;

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with its entities and character references decoded; an entity XML does not define is an error. */
export function decodeEntities(raw: string, at = 0): string {
  if (raw.indexOf("&") < 0) return raw;
  let out = "";
  let from = 0;
  for (let amp = raw.indexOf("&"); amp >= 0; amp = raw.indexOf("&", from)) {
    const semi = raw.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlError("an unterminated entity", at + amp);
    const name = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const code = name.charCodeAt(1) === 120 ? parseInt(name.slice(2), 16) : /^\d+$/.test(name.slice(1)) ? parseInt(name.slice(1), 10) : NaN;
      const hexOk = name.charCodeAt(1) !== 120 || /^[0-9a-fA-F]+$/.test(name.slice(2));
      if (!hexOk || !isXmlCodePoint(code)) throw new XmlError(`"&${name};" is not a character`, at + amp);
      ch = String.fromCodePoint(code);
    } else ch = NAMED[name];
    if (ch === undefined) throw new XmlError(`"&${name};" is not an XML entity`, at + amp);
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

function isXmlCodePoint(c: number): boolean {
  if (!Number.isInteger(c)) return false;
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  return (c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Line ends as XML delivers them: "\r\n" and a lone "\r" read as "\n". */
function normaliseLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/**
 * A pull reader: next() moves to the next start tag, end tag or run of text (comments and processing
 * instructions are stepped over; a self-closing tag gives Open then Close). What the current token is
 * (its name, attributes, text) is read from the reader until the next call.
 */
export class XmlReader {
  /** The current token's kind. */
  token: Token = Token.End;
  /** Where the current token starts (its "<", or its first character of text) and ends (just past it). */
  start = 0;
  end = 0;
  /** For Open: the tag closed itself ("<x/>"); its Close follows without a step. */
  selfClosing = false;
  private pos: number;
  private readonly stop: number;
  private nameStart = 0;
  private nameEnd = 0;
  private localStart = 0;
  private textRaw: string | null = null;
  private textIsCdata = false;
  private pendingClose = false;
  /** Open elements: where each one's qualified name is, as [start, end) pairs; `top` counts the numbers in use. */
  private readonly open: number[] = [];
  private top = 0;
  /** The current start tag's attributes: for each, where its name, local name, and value (inside the quotes) are. */
  private readonly attrAt: number[] = [];
  private attrCount = 0;
  private rootSeen = false;

  constructor(
    readonly xml: string,
    from = 0,
    to = xml.length,
    /** Reading a fragment (a part's slice) rather than a whole document: no root element required. */
    private readonly fragment = from !== 0 || to !== xml.length,
  ) {
    this.pos = from;
    this.stop = to;
  }

  /** How deep the reader is: the number of elements open around the current token (an Open counts itself). */
  get depth(): number {
    return this.top >> 1;
  }

  /** The current tag's name as written ("x:font"). */
  get name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** The current tag's name without its prefix ("font"). */
  get local(): string {
    return this.xml.slice(this.localStart, this.nameEnd);
  }

  /** Whether the current tag's local name is `local`, compared in place. */
  is(local: string): boolean {
    const n = this.nameEnd - this.localStart;
    return n === local.length && this.xml.startsWith(local, this.localStart);
  }

  next(): Token {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.top -= 2;
      this.token = Token.Close;
      return this.token;
    }
    const xml = this.xml;
    for (;;) {
      const p = this.pos;
      if (p >= this.stop) return this.finish();
      if (xml.charCodeAt(p) !== LT) {
        let lt = xml.indexOf("<", p);
        if (lt < 0 || lt > this.stop) lt = this.stop;
        this.pos = lt;
        if (this.top === 0 && !this.fragment) {
          if (!isBlank(xml, p, lt)) throw new XmlError("text outside the root element", p);
          continue;
        }
        this.start = p;
        this.end = lt;
        this.textRaw = null;
        this.textIsCdata = false;
        this.token = Token.Text;
        return this.token;
      }
      const c1 = xml.charCodeAt(p + 1);
      if (c1 === SLASH) return this.closeTag(p);
      if (c1 === BANG) {
        if (xml.startsWith("<!--", p)) {
          const close = xml.indexOf("-->", p + 4);
          if (close < 0 || close + 3 > this.stop) throw new XmlError("an unterminated comment", p);
          const body = xml.slice(p + 4, close);
          if (body.includes("--") || body.endsWith("-")) throw new XmlError('"--" inside a comment', p);
          this.pos = close + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", p)) {
          const close = xml.indexOf("]]>", p + 9);
          if (close < 0 || close + 3 > this.stop) throw new XmlError("an unterminated CDATA section", p);
          if (this.top === 0 && !this.fragment) throw new XmlError("CDATA outside the root element", p);
          this.pos = close + 3;
          this.start = p;
          this.end = close + 3;
          this.textRaw = xml.slice(p + 9, close);
          this.textIsCdata = true;
          this.token = Token.Text;
          return this.token;
        }
        // A document type declaration could declare entities that expand without end: parts never have one.
        throw new XmlError("a document type declaration", p);
      }
      if (c1 === QUESTION) {
        const close = xml.indexOf("?>", p + 2);
        if (close < 0 || close + 2 > this.stop) throw new XmlError("an unterminated processing instruction", p);
        const target = this.readName(p + 2);
        const declaration = target - p - 2 === 3 && xml.slice(p + 2, target).toLowerCase() === "xml";
        if (declaration && (p !== 0 || this.fragment)) throw new XmlError("an XML declaration that is not at the start", p);
        if (declaration && !XML_DECLARATION.test(xml.slice(p, close + 2))) throw new XmlError("a malformed XML declaration", p);
        if (target < close && !isSpace(xml.charCodeAt(target))) throw new XmlError("a malformed processing instruction", p);
        this.pos = close + 2;
        continue;
      }
      return this.openTag(p);
    }
  }

  private finish(): Token {
    if (this.top) throw new XmlError(`<${this.xml.slice(this.open[this.top - 2], this.open[this.top - 1])}> is never closed`, this.stop);
    if (!this.rootSeen && !this.fragment) throw new XmlError("no root element", this.stop);
    this.token = Token.End;
    return this.token;
  }

  private readName(at: number): number {
    const xml = this.xml;
    if (!isNameStart(xml.charCodeAt(at))) throw new XmlError("a tag without a name", at);
    let i = at + 1;
    let colon = -1;
    for (;;) {
      const c = xml.charCodeAt(i);
      if (c === COLON && colon < 0) colon = i;
      if (!isNameChar(c)) break;
      i++;
    }
    this.nameStart = at;
    this.nameEnd = i;
    this.localStart = colon >= 0 ? colon + 1 : at;
    return i;
  }

  private openTag(p: number): Token {
    const xml = this.xml;
    if (this.top === 0 && this.rootSeen && !this.fragment) throw new XmlError("more than one root element", p);
    let i = this.readName(p + 1);
    const attrsStart = i;
    const at = this.attrAt;
    let n = 0;
    // The attributes, checked for their shape (name = "value" or 'value') and noted where they are.
    for (;;) {
      let c = xml.charCodeAt(i);
      if (c === GT || c === SLASH) break;
      if (!isSpace(c)) throw new XmlError("a malformed start tag", p);
      while (isSpace((c = xml.charCodeAt(++i))));
      if (c === GT || c === SLASH) break;
      if (!isNameStart(c)) throw new XmlError("a malformed attribute", i);
      const nameAt = i;
      let local = i;
      while (isNameChar((c = xml.charCodeAt(++i)))) if (c === COLON && local === nameAt) local = i + 1;
      const nameEnd = i;
      while (isSpace(c)) c = xml.charCodeAt(++i);
      if (c !== EQ) throw new XmlError("an attribute without a value", i);
      while (isSpace((c = xml.charCodeAt(++i))));
      if (c !== QUOT && c !== APOS) throw new XmlError("an unquoted attribute value", i);
      const close = xml.indexOf(c === QUOT ? '"' : "'", i + 1);
      if (close < 0 || close >= this.stop) throw new XmlError("an unterminated attribute value", i);
      at[n++] = nameAt;
      at[n++] = local;
      at[n++] = nameEnd;
      at[n++] = i + 1;
      at[n++] = close;
      i = close + 1;
    }
    this.attrCount = n / 5;
    if (n) {
      const lt = xml.indexOf("<", attrsStart);
      if (lt >= 0 && lt < i) throw new XmlError('a "<" inside an attribute value', lt);
    }
    let selfClosing = false;
    if (xml.charCodeAt(i) === SLASH) {
      if (xml.charCodeAt(i + 1) !== GT) throw new XmlError("a malformed start tag", p);
      selfClosing = true;
      i += 2;
    } else i++;
    if (i > this.stop) throw new XmlError("a start tag cut short", p);
    this.start = p;
    this.end = i;
    this.pos = i;
    this.selfClosing = selfClosing;
    this.rootSeen = true;
    this.open[this.top++] = this.nameStart;
    this.open[this.top++] = this.nameEnd;
    this.pendingClose = selfClosing;
    this.token = Token.Open;
    return this.token;
  }


  /** Whether the name at [s, e) is the current tag's name, compared in place. */
  private sameName(s: number, e: number): boolean {
    if (e - s !== this.nameEnd - this.nameStart) return false;
    const xml = this.xml;
    for (let i = 0; i < e - s; i++) if (xml.charCodeAt(s + i) !== xml.charCodeAt(this.nameStart + i)) return false;
    return true;
  }

  private closeTag(p: number): Token {
    const xml = this.xml;
    let i = this.readName(p + 2);
    while (isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== GT || i >= this.stop) throw new XmlError("a malformed end tag", p);
    const n = this.top;
    if (n === 0) throw new XmlError(`</${this.name}> closes nothing`, p);
    const s = this.open[n - 2], e = this.open[n - 1];
    if (!this.sameName(s, e)) throw new XmlError(`</${this.name}> does not close <${xml.slice(s, e)}>`, p);
    this.top = n - 2;
    this.start = p;
    this.end = i + 1;
    this.pos = i + 1;
    this.selfClosing = false;
    this.token = Token.Close;
    return this.token;
  }

  /** The current text token, decoded (entities, character references, line ends); CDATA as written. */
  get text(): string {
    if (this.textIsCdata) return normaliseLineEnds(this.textRaw ?? "");
    const raw = this.xml.slice(this.start, this.end);
    if (raw.indexOf("]]>") >= 0) throw new XmlError('"]]>" in text', this.start);
    // Line ends written in the text are normalised; a character reference (&#13;) keeps what it names.
    return decodeEntities(normaliseLineEnds(raw), this.start);
  }

  /**
   * The value of the current start tag's attribute with this local name: the unprefixed one ("id"), else a
   * prefixed one ("r:id"); namespace declarations never.
   */
  attr(local: string): string | undefined {
    let plain: string | undefined;
    let prefixed: string | undefined;
    this.eachAttribute((qualified, localStart, value) => {
      if (qualified.length - localStart !== local.length || !qualified.endsWith(local) || qualified.startsWith("xmlns")) return;
      if (localStart === 0) plain ??= value();
      else prefixed ??= value();
    });
    return plain ?? prefixed;
  }

  /**
   * Several attributes in one pass over the tag, by local name (the hot path: a sheet's cells): out[i] is the
   * value of names[i], or undefined. Names are compared in place; only the values asked for are decoded.
   */
  readAttrs(names: readonly string[], out: (string | undefined)[]): void {
    for (let k = 0; k < names.length; k++) out[k] = undefined;
    const xml = this.xml, at = this.attrAt;
    for (let a = 0; a < this.attrCount * 5; a += 5) {
      const nameAt = at[a], local = at[a + 1], nameEnd = at[a + 2];
      const len = nameEnd - local;
      if (local !== nameAt && xml.startsWith("xmlns:", nameAt)) continue;
      for (let k = 0; k < names.length; k++) {
        const n = names[k];
        if (n.length === len && out[k] === undefined && xml.startsWith(n, local)) {
          out[k] = attributeValue(xml, at[a + 3], at[a + 4]);
          break;
        }
      }
    }
  }

  /** Where the value of the current start tag's attribute with this name as written lies (inside its quotes); null when absent. */
  valueSpan(qualified: string): [number, number] | null {
    const xml = this.xml, at = this.attrAt;
    for (let a = 0; a < this.attrCount * 5; a += 5) {
      if (at[a + 2] - at[a] === qualified.length && xml.startsWith(qualified, at[a])) return [at[a + 3], at[a + 4]];
    }
    return null;
  }

  /** Where the current start tag's attribute with this name as written lies, from its name to past its closing quote; null when absent. */
  attributeSpan(qualified: string): [number, number] | null {
    const xml = this.xml, at = this.attrAt;
    for (let a = 0; a < this.attrCount * 5; a += 5) {
      if (at[a + 2] - at[a] === qualified.length && xml.startsWith(qualified, at[a])) return [at[a], at[a + 4] + 1];
    }
    return null;
  }

  /** Every attribute of the current start tag, by the name as written ("r:id", "xmlns:x"), decoded. */
  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    this.eachAttribute((qualified, _local, value) => {
      if (qualified in out) throw new XmlError(`attribute ${qualified} is given twice`, this.start);
      out[qualified] = value();
    });
    return out;
  }

  private eachAttribute(visit: (qualified: string, localStart: number, value: () => string) => void): void {
    const xml = this.xml, at = this.attrAt;
    for (let a = 0; a < this.attrCount * 5; a += 5) {
      const from = at[a + 3], to = at[a + 4];
      visit(xml.slice(at[a], at[a + 2]), at[a + 1] - at[a], () => attributeValue(xml, from, to));
    }
  }

  /**
   * Where the next token starts, for a caller that reads a common form of markup straight from the text
   * (sheetData.ts's cells); -1 while a self-closing tag's Close is still to come.
   */
  get position(): number {
    return this.pendingClose ? -1 : this.pos;
  }

  /** Where the text the reader reads ends. */
  get limit(): number {
    return this.stop;
  }

  /**
   * Step from position to `to`, over what the caller has read itself: white space and whole elements, well
   * formed, that leave the same elements open. The current token becomes the last one's Close.
   */
  skipTo(to: number): void {
    this.start = this.pos;
    this.end = this.pos = to;
    this.selfClosing = false;
    this.token = Token.Close;
  }

  /** From an Open token: step past its element, whatever it holds. */
  skip(): void {
    if (this.token !== Token.Open) return;
    const depth = this.depth;
    while (this.depth >= depth) {
      if (this.next() === Token.End) break;
    }
  }
}

/**
 * The attributes of every element with this local name, in document order, read with the tokenizer (so a
 * prefix, either quote, entities and a ">" inside a value all read as XML means them). Throws XmlError when
 * the text is not well formed.
 */
export function startTagsNamed(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const r = new XmlReader(xml);
  for (let t = r.next(); t !== Token.End; t = r.next()) if (t === Token.Open && r.is(local)) out.push(r.attributes());
  return out;
}

/** The attributes of the start tag at `start` in a part's text (the element may run on past it). */
export function startTagAt(xml: string, start: number): Record<string, string> {
  const r = new XmlReader(xml, start, xml.length, true);
  if (r.next() !== Token.Open) throw new XmlError("no start tag", start);
  return r.attributes();
}

/**
 * A start tag as written, with one attribute set: its value replaced where it stands (in whichever quote it was
 * written), else the attribute added after the last one. Everything else in the tag keeps its bytes.
 */
export function setAttribute(startTag: string, qualified: string, value: string): string {
  const r = new XmlReader(startTag, 0, startTag.length, true);
  if (r.next() !== Token.Open) throw new XmlError("no start tag", 0);
  const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  const span = r.valueSpan(qualified);
  if (span) return startTag.slice(0, span[0]) + escaped + startTag.slice(span[1]);
  // Added after the last attribute, before ">" or "/>" and any space in front of them.
  let at = r.end - (r.selfClosing ? 2 : 1);
  while (at > 0 && isSpace(startTag.charCodeAt(at - 1))) at--;
  return `${startTag.slice(0, at)} ${qualified}="${escaped}"${startTag.slice(at)}`;
}

/** An attribute's value as XML reads it: white space characters as written become spaces, entities decoded. */
function attributeValue(xml: string, from: number, to: number): string {
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === AMP || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  const raw = xml.slice(from, to);
  if (plain) return raw;
  const spaced = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw;
  return decodeEntities(spaced, from);
}

function isBlank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}
