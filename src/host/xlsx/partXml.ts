// An XML part of the package parsed, or the file refused as damaged naming that part: one rule for every
// part we read (a sheet's features, its tables, its notes), never a parser's own message.
import { parseXml, type XmlElement } from "./chartXmlText";
import { PackageDamage } from "./loadErrors";

export function parsePartXml(xml: string, part: string): XmlElement {
  try {
    return parseXml(xml);
  } catch (e) {
    if (e instanceof PackageDamage) throw e;
    throw new PackageDamage("part", part);
  }
}
