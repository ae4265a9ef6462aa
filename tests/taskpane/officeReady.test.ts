// Where the pane runs is what Office.onReady says, however long it takes; only without office.js is it "none" at once.
import { officeHost, officeWorkbookName, type OfficeLike } from "../../src/taskpane/officeReady";

const g = globalThis as unknown as { Office?: unknown };
afterEach(() => {
  delete g.Office;
  jest.useRealTimers();
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

  it("is 'other-office' in another Office application", async () => {
    await expect(officeHost({ onReady: async () => ({ host: "Word" }) })).resolves.toBe("other-office");
  });

  it("waits for a slow start (Excel on the web answering after 3 s, or 60 s) and still says Excel", async () => {
    jest.useFakeTimers();
    for (const delay of [3_000, 60_000]) {
      const office: OfficeLike = { onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), delay)) };
      let answer: string | null = null;
      void officeHost(office).then((h) => (answer = h));
      await jest.advanceTimersByTimeAsync(delay - 1);
      expect(answer).toBeNull();
      await jest.advanceTimersByTimeAsync(1);
      expect(answer).toBe("excel");
    }
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
