// Where the pane runs: Excel only when Office says so; no office.js, or an Office that never answers, means the preview.
import { officeHost, officeWorkbookName } from "../../src/taskpane/officeReady";

const g = globalThis as unknown as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

describe("officeHost", () => {
  it("is 'none' when office.js did not load (offline, blocked)", async () => {
    await expect(officeHost()).resolves.toBe("none");
  });

  it("is 'excel' when Office.onReady reports the Excel host", async () => {
    g.Office = { onReady: async () => ({ host: "Excel" }) };
    await expect(officeHost()).resolves.toBe("excel");
  });

  it("is 'none' in a plain browser, where onReady reports no host", async () => {
    g.Office = { onReady: async () => ({ host: null }) };
    await expect(officeHost()).resolves.toBe("none");
  });

  it("gives up waiting after the timeout when onReady never answers", async () => {
    g.Office = { onReady: () => new Promise(() => undefined) };
    const started = Date.now();
    await expect(officeHost(50)).resolves.toBe("none");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("officeWorkbookName", () => {
  it("is the file name from the document URL", () => {
    g.Office = { context: { document: { url: "https://contoso.sharepoint.com/sites/send/Shared%20Documents/Board%20KPIs.xlsx" } } };
    expect(officeWorkbookName()).toBe("Board KPIs.xlsx");
    delete g.Office;
    expect(officeWorkbookName()).toBe("Workbook");
  });
});
