import { describeOfficeError, isPayloadLimitError } from "../../src/excel/officeErrors";
import { isSetSupported, setRequirementChecker } from "../../src/excel/requirements";
import { newWorkbook } from "../../src/host";

async function errorFrom(batch: (context: Excel.RequestContext) => Promise<unknown>, options = {}): Promise<unknown> {
  try {
    await newWorkbook(options).run(batch);
  } catch (e) {
    return e;
  }
  throw new Error("no error");
}

describe("describeOfficeError", () => {
  it("calls PropertyNotLoaded a bug in the add-in", async () => {
    const e = await errorFrom(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      return ws.name;
    });
    const d = describeOfficeError(e);
    expect(d.code).toBe("PropertyNotLoaded");
    expect(d.message).toMatch(/bug in KPI Scorecard/);
  });

  it("tells the user to unprotect the sheet or pick another scorecard name on a protected sheet", async () => {
    const e = await errorFrom(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.protection.protect();
      await context.sync();
      ws.getRange("A1").values = [["x"]];
      await context.sync();
    });
    const d = describeOfficeError(e);
    expect(d.code).toBe("AccessDenied");
    expect(d.message).toMatch(/sheet is protected/);
    expect(d.action).toMatch(/Unprotect the sheet .* or choose another scorecard sheet name/);
  });

  it("explains payload limits, missing items, invalid arguments and anything else", async () => {
    const big = await errorFrom(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200").values = Array.from({ length: 200 }, () => ["some longer text"]);
      await context.sync();
    }, { payloadLimitBytes: 1_000 });
    expect(isPayloadLimitError(big)).toBe(true);
    expect(describeOfficeError(big).message).toMatch(/5 MB/);
    const missing = await errorFrom(async (context) => {
      context.workbook.tables.getItem("Nope");
      await context.sync();
    });
    expect(describeOfficeError(missing)).toMatchObject({ code: "ItemNotFound" });
    expect(isPayloadLimitError(missing)).toBe(false);
    expect(describeOfficeError({ code: "InvalidArgument", message: "x" }).message).toMatch(/rejected a value/);
    const other = describeOfficeError(new Error("socket closed"));
    expect(other.code).toBe("Unknown");
    expect(other.message).toContain("socket closed");
  });
});

describe("RangeExceedsLimit", () => {
  it("is a size limit the reader falls back from, and explained in words when it reaches the user", async () => {
    const e = await errorFrom(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:XFD1048576");
      r.load("values");
      await context.sync();
    });
    expect(isPayloadLimitError(e)).toBe(true);
    const d = describeOfficeError(e);
    expect(d.code).toBe("RangeExceedsLimit");
    expect(d.message).toMatch(/5,000,000 cells/);
    expect(d.action).toMatch(/clear stray cells/);
  });
});

describe("isSetSupported", () => {
  afterEach(() => {
    setRequirementChecker(null);
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("asks the host's checker when there is no Office, so tests can simulate an older Excel", () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.13"] });
    setRequirementChecker((n, v) => wb.isSetSupported(n, v));
    expect(isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(isSetSupported("ExcelApi", "1.14")).toBe(false);
  });

  it("asks Office when it is present", () => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_n: string, v?: string) => v === "1.1" } } };
    setRequirementChecker(() => true);
    expect(isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(isSetSupported("ExcelApi", "1.13")).toBe(false);
  });
});
