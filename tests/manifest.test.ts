/**
 * @jest-environment jsdom
 */
// The manifest checked offline (office-addin-manifest validate needs the internet): well-formed XML,
// the elements Office requires in the order its schema demands, icons that exist at their sizes,
// https everywhere, GUID id, version format — and the production build's copy points at production.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ADDIN_ID, ADDIN_VERSION } from "../src/core/addin";

const ROOT = join(__dirname, "..");
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Rule",
  "DisableEntityHighlighting",
  "Dictionary",
  "VersionOverrides",
];

function parse(file: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(file, "utf8"), "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`${file} is not well-formed XML: ${err.textContent}`);
  return doc;
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const children = (el: Element) => Array.from(el.children);
/** Elements by local name, whatever their namespace prefix (bt:Image, Image). */
const all = (doc: Document, name: string) => Array.from(doc.getElementsByTagNameNS("*", name));
const local = (el: Element) => el.localName;

describe("manifest.xml", () => {
  const doc = parse(join(ROOT, "manifest.xml"));
  const root = doc.documentElement;

  it("is an Excel task-pane add-in asking for ReadWriteDocument and ExcelApi 1.9", () => {
    expect(local(root)).toBe("OfficeApp");
    expect(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
    const hosts = children(root).find((e) => local(e) === "Hosts")!;
    expect(children(hosts).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(children(root).find((e) => local(e) === "Permissions")!.textContent).toBe("ReadWriteDocument");
    const set = root.getElementsByTagName("Set")[0];
    expect(set.getAttribute("Name")).toBe("ExcelApi");
    expect(set.getAttribute("MinVersion")).toBe("1.9");
  });

  it("has the required elements, in schema order", () => {
    const names = children(root).map(local);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "SupportUrl", "Hosts", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
    const positions = names.map((n) => OFFICE_APP_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("has a GUID id and a four-part version", () => {
    const id = children(root).find((e) => local(e) === "Id")!.textContent!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(children(root).find((e) => local(e) === "Version")!.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("names the add-in as the code does, so settings the command line stores are found by the deployed add-in", () => {
    expect(children(root).find((e) => local(e) === "Id")!.textContent).toBe(ADDIN_ID);
    expect(children(root).find((e) => local(e) === "Version")!.textContent).toBe(ADDIN_VERSION);
  });

  it("uses https for every URL and names no placeholder domain", () => {
    const urls = all(doc, "*")
      .flatMap((e) => [e.getAttribute("DefaultValue"), local(e) === "AppDomain" ? e.textContent : null])
      .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    expect(readFileSync(join(ROOT, "manifest.xml"), "utf8")).not.toMatch(/contoso|example\.(com|org)|yourdomain/i);
  });

  it("resolves every resid, and the ribbon button opens the pane from the Home tab", () => {
    const everything = all(doc, "*");
    const ids = new Set(everything.map((e) => e.getAttribute("id")).filter(Boolean));
    const refs = everything.filter((e) => e.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(10);
    for (const e of refs) expect(ids.has(e.getAttribute("resid"))).toBe(true);
    expect(all(doc, "OfficeTab")[0].getAttribute("id")).toBe("TabHome");
    const action = all(doc, "Action")[0];
    expect(action.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("ShowTaskpane");
  });

  it("has 'Use selection as KPI table' beside it, opening the same pane to start that flow", () => {
    const buttons = all(doc, "Control");
    expect(buttons.map((b) => b.getAttribute("id"))).toEqual(["KpiScorecard.OpenPane", "KpiScorecard.UseSelection"]);
    const strings = new Map(all(doc, "String").map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")]));
    const urls = new Map(all(doc, "Url").map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")]));
    const [open, use] = buttons.map((b) => ({
      label: strings.get(all(b as unknown as Document, "Label")[0].getAttribute("resid")),
      pane: all(b as unknown as Document, "TaskpaneId")[0].textContent,
      url: urls.get(all(b as unknown as Document, "SourceLocation")[0].getAttribute("resid")),
    }));
    expect(use.label).toBe("Use selection as KPI table");
    expect(use.pane).toBe(open.pane);
    expect(use.url).toBe(`${open.url}?start=use-selection`);
  });

  it("points at icons that exist at the sizes it states (16, 32, 64, 80 and 128 px in assets/)", () => {
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
    const imgs = all(doc, "Image").filter((e) => e.hasAttribute("size"));
    expect(imgs.length).toBeGreaterThan(0);
    const byId = new Map(all(doc, "Image").filter((e) => e.hasAttribute("id")).map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")!]));
    for (const img of imgs) {
      const url = byId.get(img.getAttribute("resid"))!;
      const file = join(ROOT, "assets", url.split("/assets/")[1]);
      const n = Number(img.getAttribute("size"));
      expect(pngSize(file)).toEqual([n, n]);
    }
    for (const tag of ["IconUrl", "HighResolutionIconUrl"]) {
      const url = children(root).find((e) => local(e) === tag)!.getAttribute("DefaultValue")!;
      expect(existsSync(join(ROOT, "assets", url.split("/assets/")[1]))).toBe(true);
    }
  });
});

const built = join(ROOT, "dist", "manifest.xml");
(existsSync(built) ? describe : describe.skip)("dist/manifest.xml (after npm run build)", () => {
  it("has every localhost URL rewritten to the production URL", () => {
    const text = readFileSync(built, "utf8");
    expect(text).not.toMatch(/localhost/);
    parse(built);
    expect(text).toMatch(/https:\/\/[a-z0-9.-]+\/taskpane\.html/);
  });
});
