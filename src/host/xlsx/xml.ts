// Escaping for the little XML the host writes itself (defined names, web extensions, hyperlinks). Reading is
// the tokenizer's (xmlReader.ts): no part is read with a regular expression here.

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
