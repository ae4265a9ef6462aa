// The headless host fails as Excel fails, never kinder: a failed sync keeps what ran before the failing
// command, a deleted sheet leaves #REF!, calls that clear the user's undo stack are recorded, a co-author's
// session sees this one's sheets and settings at its next sync and gets its change events as "Remote", and a
// batch run while the user edits a cell fails unless it asked to wait (delayForCellEdit).
import { newWorkbook, type HeadlessWorkbook } from "../../src/host";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  return p.then(() => undefined, (e: { code?: string }) => e.code);
}

async function sheetNames(wb: HeadlessWorkbook): Promise<string[]> {
  return wb.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
}

async function valueOf(wb: HeadlessWorkbook, sheet: string, cell: string): Promise<unknown> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
    r.load("values");
    await ctx.sync();
    return r.values[0][0];
  });
}

/** Settle the promises of delivered events. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe("a failed sync", () => {
  it("keeps a sheet added before the failing command, and the failing command's own part is undone", async () => {
    const wb = newWorkbook();
    const code = await codeOf(wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Added");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["x", "y"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2:B2").values = [["kept", { not: "a value" }]];
      ctx.workbook.worksheets.add("Never");
      await ctx.sync();
    }));
    expect(code).toBe("InvalidArgument");
    expect(await sheetNames(wb)).toEqual(["Sheet1", "Added"]);
    expect(await valueOf(wb, "Sheet1", "B1")).toBe("y");
    // The failing write changed nothing, not even its first cell.
    expect(await valueOf(wb, "Sheet1", "A2")).toBe("");
    // Each getItem and getRange is a command too, as in office.js (an Instantiate action).
    expect(wb.stats.log[0]).toMatchObject({ commands: 8, failedAt: 6 });
  });

  it("returns none of its loads, even those queued before the failure", async () => {
    const wb = newWorkbook();
    const seen = await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      ctx.workbook.worksheets.getItem("Missing");
      const failed = await codeOf(ctx.sync());
      let items: string;
      try {
        items = String(sheets.items.length);
      } catch (e) {
        items = (e as { code: string }).code;
      }
      return { failed, items };
    });
    expect(seen).toEqual({ failed: "ItemNotFound", items: "PropertyNotLoaded" });
  });

  it("fails at the command a test names, keeping the commands before it", async () => {
    const wb = newWorkbook();
    wb.injectFault(1, 2);
    const code = await codeOf(wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1"); // command 0
      ws.getRange("A1").values = [["first"]]; // 1 (getRange) and 2 (values)
      ws.getRange("A2").values = [["second"]];
      await ctx.sync();
    }));
    expect(code).toBe("GeneralException");
    expect(wb.stats.log[0].failedAt).toBe(2);
    expect(await valueOf(wb, "Sheet1", "A1")).toBe("");
  });
});

describe("a deleted sheet", () => {
  it("leaves #REF! in the formulas and names that referred to it, as value and as formula", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      const data = ctx.workbook.worksheets.add("Data");
      data.getRange("B2").values = [[21]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=Data!B2*2"]];
      await ctx.sync();
      data.delete();
      await ctx.sync();
    });
    const [formula, value] = await wb.run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.load("formulas, values, valueTypes");
      await ctx.sync();
      return [a1.formulas[0][0], a1.values[0][0]];
    });
    expect(formula).toBe("=#REF!B2*2");
    expect(value).toBe("#REF!");
  });
});

describe("the undo stack", () => {
  it("records each call Microsoft says clears it, with where it says so", async () => {
    const wb = newWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add("Temp");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2], [3, 4]];
      await ctx.sync();
    });
    expect(wb.stats.undoClears).toEqual([]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getUsedRange().getMergedAreasOrNullObject().load("areas");
      ctx.workbook.worksheets.getItem("Temp").delete();
      await ctx.sync();
    });
    expect(wb.stats.undoClears.map((u) => [u.api, u.platforms])).toEqual([
      ["Range.getMergedAreasOrNullObject", "desktop"],
      ["Worksheet.delete", "all"],
    ]);
    expect(wb.stats.undoClears[0].source).toMatch(/5918/);
  });

  it("before ExcelApi 1.20 every change clears it (once a sync); reads and selecting do not", async () => {
    const wb = newWorkbook({ unsupportedRequirementSets: ["ExcelApi 1.20"] });
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").load("values");
      sheet.getRange("B2").select();
      sheet.activate();
      await ctx.sync();
    });
    expect(wb.stats.undoClears).toEqual([]);
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      sheet.getRange("A2").format.font.bold = true;
      await ctx.sync();
      ctx.workbook.settings.add("k", 1);
      await ctx.sync();
    });
    expect(wb.stats.undoClears.map((u) => [u.api, u.platforms])).toEqual([
      ["any change to the workbook (before ExcelApi 1.20)", "all"],
      ["any change to the workbook (before ExcelApi 1.20)", "all"],
    ]);
    expect(wb.stats.undoClears[0].source).toMatch(/1-20-requirement-set/);
  });
});

describe("two co-authors", () => {
  it("each keep their own active sheet and selection; a sheet one deletes moves the other off it", async () => {
    const alice = newWorkbook();
    const bob = alice.coauthor();
    await alice.run(async (ctx) => {
      ctx.workbook.worksheets.add("Notes");
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").select();
      await ctx.sync();
    });
    await bob.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("C3:D4").select();
      await ctx.sync();
    });
    const seen = (wb: typeof alice) =>
      wb.run(async (ctx) => {
        const r = ctx.workbook.getSelectedRange();
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        r.load("address");
        ws.load("name");
        await ctx.sync();
        return [ws.name, r.address];
      });
    expect(await seen(alice)).toEqual(["Sheet1", "Sheet1!B2"]);
    expect(await seen(bob)).toEqual(["Notes", "Notes!C3:D4"]);
    await alice.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Notes").delete();
      await ctx.sync();
    });
    expect(await seen(bob)).toEqual(["Sheet1", "Sheet1!A1"]);
  });

  it("see each other's sheets and settings at their next sync, key by key", async () => {
    const alice = newWorkbook();
    const bob = alice.coauthor();
    await alice.run(async (ctx) => {
      ctx.workbook.settings.add("a", 1);
      await ctx.sync();
    });
    await bob.run(async (ctx) => {
      ctx.workbook.settings.add("b", 2);
      ctx.workbook.worksheets.add("Bob's");
      await ctx.sync();
    });
    const seen = await alice.run(async (ctx) => {
      const items = ctx.workbook.settings;
      items.load("items/key,items/value");
      await ctx.sync();
      return items.items.map((s) => [s.key, s.value]);
    });
    expect(seen).toEqual([["a", 1], ["b", 2]]);
    expect(await sheetNames(alice)).toEqual(["Sheet1", "Bob's"]);
    // Each counts its own syncs.
    expect([alice.stats.syncs, bob.stats.syncs]).toEqual([3, 1]);
  });

  it("get change events: Local for their own edits, Remote for the other's; settings changes reach both", async () => {
    const alice = newWorkbook();
    const bob = alice.coauthor();
    const got: string[] = [];
    await alice.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void got.push(`changed ${e.source} ${e.address}`));
      ctx.workbook.settings.onSettingsChanged.add(async () => void got.push("settings"));
      await ctx.sync();
    });
    await bob.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:C3").values = [[1, 2], [3, 4]];
      ctx.workbook.settings.add("k", true);
      await ctx.sync();
    });
    await alice.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["mine"]];
      await ctx.sync();
    });
    await flush();
    expect(got).toEqual(["changed Remote B2:C3", "settings", "changed Local A1"]);
  });

  it("interleave at each sync: the second to add a sheet of the same name fails, the first's stays", async () => {
    const alice = newWorkbook();
    const bob = alice.coauthor();
    const add = (wb: HeadlessWorkbook) => wb.run(async (ctx) => {
      const names = ctx.workbook.worksheets;
      names.load("items/name");
      await ctx.sync();
      if (!names.items.some((s) => s.name === "Scorecard")) ctx.workbook.worksheets.add("Scorecard");
      await ctx.sync();
    });
    const [a, b] = await Promise.all([codeOf(add(alice)), codeOf(add(bob))]);
    expect([a, b]).toEqual([undefined, "ItemAlreadyExists"]);
    expect(await sheetNames(bob)).toEqual(["Sheet1", "Scorecard"]);
  });
});

describe("cell edit mode", () => {
  it("fails a batch with InvalidOperation, unless it asked to wait with delayForCellEdit", async () => {
    const wb = newWorkbook();
    wb.setCellEditing(true);
    expect(await codeOf(wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["now"]];
      await ctx.sync();
    }))).toBe("InvalidOperation");
    let done = false;
    const waiting = wb.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["later"]];
      await ctx.sync();
      done = true;
    });
    await flush();
    expect(done).toBe(false);
    wb.setCellEditing(false);
    await waiting;
    expect(await valueOf(wb, "Sheet1", "A1")).toBe("later");
  });
});

describe("worksheet functions", () => {
  it("DATE(1904,1,1) is 1,462 in the 1900 date system", async () => {
    const wb = newWorkbook();
    const v = await wb.run(async (ctx) => {
      const r = ctx.workbook.functions.date(1904, 1, 1);
      r.load("value");
      const leap = ctx.workbook.functions.date(1900, 3, 1);
      leap.load("value");
      await ctx.sync();
      return [r.value, leap.value];
    });
    // 1 March 1900 is serial 61: Excel keeps Lotus's 29 February 1900.
    expect(v).toEqual([1462, 61]);
  });
});
