import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { openWorkbook, WorkbookOpenError } from "../../src/host";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", name)));

async function openError(bytes: Uint8Array): Promise<WorkbookOpenError> {
  try {
    await openWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookOpenError) return e;
    throw e;
  }
  throw new Error("opened");
}

/** A compound file whose directory names a stream (names are UTF-16LE), like Excel's wrappers. */
function cfbWith(stream: string): Uint8Array {
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return bytes;
}

describe("files that are not usable workbooks", () => {
  it("a text file is not an Excel workbook", async () => {
    const e = await openError(fixture("not-a-workbook.xlsx"));
    expect(e.reason).toBe("not-a-workbook");
    expect(e.message).toMatch(/is not an Excel workbook \(\.xlsx\)/);
  });

  it("an encrypted (password-protected) workbook is named as such, with the way out", async () => {
    const e = await openError(fixture("password-protected.xlsx"));
    expect(e.reason).toBe("password-protected");
    expect(e.message).toMatch(/password-protected; remove the password in Excel \(File > Info > Protect Workbook\)/);
    expect((await openError(cfbWith("EncryptedPackage"))).reason).toBe("password-protected");
  });

  it("another compound file is the old .xls format", async () => {
    const e = await openError(cfbWith("Workbook"));
    expect(e.reason).toBe("legacy-format");
    expect(e.message).toMatch(/save it as \.xlsx/);
  });

  it("a zip without a workbook part is corrupt", async () => {
    const zip = new JSZip();
    const empty = await zip.generateAsync({ type: "uint8array" });
    expect((await openError(empty)).reason).toBe("corrupt");
    zip.file("hello.txt", "hi");
    const e = await openError(await zip.generateAsync({ type: "uint8array" }));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/xl\/workbook\.xml/);
  });

  it("an empty workbook opens with its one empty sheet", async () => {
    const wb = await openWorkbook(fixture("empty.xlsx"));
    const names = await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const used = sheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      await context.sync();
      return { names: sheets.items.map((s) => s.name), empty: used.isNullObject };
    });
    expect(names).toEqual({ names: ["Sheet1"], empty: true });
  });
});

describe("a damaged workbook", () => {
  it("whose workbook part is not well formed is refused naming that part, not with a stack trace", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`);
    zip.file("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    const e = await openError(await zip.generateAsync({ type: "uint8array" }));
    expect(e.reason).toBe("corrupt");
    expect(e.message).toMatch(/is damaged: part xl\/workbook\.xml cannot be read\. Open it in Excel/);
  });
});
