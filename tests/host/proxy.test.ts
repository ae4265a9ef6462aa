import { newWorkbook } from "../../src/host";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe("headless host: proxy semantics", () => {
  it("throws PropertyNotLoaded before load+sync, and after a write without a new load", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
      r.values = [[1, "x"]];
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values, address");
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([[1, "x"]]);
      expect(r.address).toBe("Sheet1!A1:B1");
    });
  });

  it("getItem of a missing sheet fails at sync with ItemNotFound; OrNullObject gives a null object", async () => {
    const wb = newWorkbook();
    const code = await codeOf(wb.run(async (context) => {
      context.workbook.worksheets.getItem("Nope");
      await context.sync();
    }));
    expect(code).toBe("ItemNotFound");
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
      const there = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => ws.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      there.load("name");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect(there.name).toBe("Sheet1");
    });
  });

  it("stores typed input as Excel does: formulas, numbers, quote-prefixed and @-formatted text", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").numberFormat = [["@"]];
      ws.getRange("A1:A7").values = [["=1+2"], ["0.5"], ["'=x"], ["50%"], ["-5 days"], ["plain"], ["#N/A"]];
      ws.getRange("B1").values = [["0.5"]];
      const a = ws.getRange("A1:B7");
      a.load("values, formulas, valueTypes, text, numberFormat");
      await context.sync();
      expect(a.formulas[0][0]).toBe("=1+2");
      expect(a.values[1][0]).toBe(0.5);
      expect(a.valueTypes[1][0]).toBe("Double");
      expect(a.values[2][0]).toBe("=x");
      expect(a.formulas[2][0]).toBe("=x");
      expect(a.values[3][0]).toBe(0.5);
      expect(a.text[3][0]).toBe("50%");
      expect(a.formulas[4][0]).toBe("=-5 days");
      expect(a.values[5][0]).toBe("plain");
      expect([a.values[6][0], a.valueTypes[6][0]]).toEqual(["#N/A", "Error"]);
      expect(a.values[0][1]).toBe("0.5");
      expect(a.valueTypes[0][1]).toBe("String");
    });
  });

  it("rejects values of the wrong shape with InvalidArgument; the commands before it stay applied, as in Excel", async () => {
    const wb = newWorkbook();
    const code = await codeOf(wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C3").values = [["kept?"]];
      ws.getRange("A1:B2").values = [[1, 2, 3]];
      await context.sync();
    }));
    expect(code).toBe("InvalidArgument");
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("C3");
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([["kept?"]]);
    });
  });

  it("fails a request over the payload limit and applies nothing; counts every sync", async () => {
    const wb = newWorkbook({ payloadLimitBytes: 10_000 });
    const big = Array.from({ length: 500 }, (_, i) => [`row ${i} with some text`]);
    const code = await codeOf(wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A500").values = big;
      await context.sync();
    }));
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.stats.syncs).toBe(1);
    expect(wb.stats.log[0].requestBytes).toBeGreaterThan(10_000);
    await wb.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
    expect(wb.stats.syncs).toBe(2);
  });

  it("fails a response over the payload limit", async () => {
    const wb = newWorkbook({ payloadLimitBytes: 4_000 });
    for (let i = 0; i < 5; i++) {
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A${i * 100 + 1}:A${i * 100 + 100}`).values = Array.from({ length: 100 }, () => ["xxxxxxxx"]);
        await context.sync();
      });
    }
    const code = await codeOf(wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A500");
      r.load("values");
      await context.sync();
    }));
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses writes to a protected sheet with AccessDenied and changes nothing", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["before"]];
      ws.protection.protect();
      await context.sync();
    });
    const err = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.worksheets.add("Other");
      ws.getRange("A1").values = [["after"]];
      try {
        await context.sync();
        return null;
      } catch (e) {
        return e as { code: string; message: string };
      }
    });
    expect(err?.code).toBe("AccessDenied");
    expect(err?.message).toMatch(/protected sheet/);
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const p = context.workbook.worksheets.getItem("Sheet1").protection;
      p.load("protected");
      await context.sync();
      expect(r.values).toEqual([["before"]]);
      // The sheet added before the refused write stays: Excel keeps what a batch did before its failure.
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Other"]);
      expect(p.protected).toBe(true);
    });
  });

  it("gives used range, resized/offset ranges, merged areas and counts", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:D3").values = [[1, 2, 3], [4, 5, 6]];
      ws.getRange("B5:C5").merge();
      const used = ws.getUsedRange(true);
      used.load("address, rowIndex, columnIndex, rowCount, columnCount");
      const moved = ws.getRange("A1").getOffsetRange(1, 1).getResizedRange(1, 2);
      moved.load("address, values");
      const merged = ws.getRange("A1:Z10").getMergedAreasOrNullObject();
      merged.load("address, areaCount");
      const count = context.workbook.worksheets.getCount();
      await context.sync();
      expect(used.address).toBe("Sheet1!B2:D3");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([1, 1, 2, 3]);
      expect(moved.address).toBe("Sheet1!B2:D3");
      expect(merged.address).toBe("Sheet1!B5:C5");
      expect(merged.areaCount).toBe(1);
      expect(count.value).toBe(1);
    });
  });

  it("quotes sheet names that need it in addresses", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("Bob's KPIs");
      const r = ws.getRange("A1:B2");
      r.load("address");
      await context.sync();
      expect(r.address).toBe("'Bob''s KPIs'!A1:B2");
    });
  });
});

describe("headless host: run and limits", () => {
  it("sends what a batch queued without syncing when the batch ends, as Excel.run does", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["late"]];
    });
    expect(wb.stats.syncs).toBe(1);
    const v = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      await context.sync();
      return r.values;
    });
    expect(v).toEqual([["late"]]);
    expect(wb.stats.syncs).toBe(2);
  });

  it("refuses to read more cells than the cell read limit in one range, with Excel's RangeExceedsLimit", async () => {
    const wb = newWorkbook({ cellReadLimit: 1_000 });
    const code = await codeOf(wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:J101");
      r.load("values");
      await context.sync();
    }));
    expect(code).toBe("RangeExceedsLimit");
  });

  it("measures request and response bytes of each sync", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100");
      r.values = Array.from({ length: 100 }, (_, i) => [`value number ${i}`]);
      await context.sync();
      r.load("values");
      await context.sync();
    });
    const [write, read] = wb.stats.log;
    expect(write.requestBytes).toBeGreaterThan(1_700);
    expect(write.responseBytes).toBeLessThan(200);
    expect(read.responseBytes).toBeGreaterThan(1_700);
    expect(wb.stats.largestResponseBytes).toBe(read.responseBytes);
  });
});

describe("headless host: gaps are loud, hidden columns persist", () => {
  it("assigning a property the host does not implement throws, naming it", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as Record<string, unknown>;
      expect(() => (r.notAnExcelProperty = 1)).toThrow(/does not implement Range\.notAnExcelProperty/);
    });
  });

  it("hides columns and rows, and keeps them hidden through save", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D2").values = [[1, 2, 3, 4], [5, 6, 7, 8]];
      ws.getRange("C:D").columnHidden = true;
      ws.getRange("2:2").rowHidden = true;
      await context.sync();
    });
    const { openWorkbook } = await import("../../src/host");
    const again = await openWorkbook(await wb.save());
    const seen = await again.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const c = ws.getRange("C1:D1");
      c.load("columnHidden");
      const b = ws.getRange("B1");
      b.load("columnHidden");
      const row = ws.getRange("A2");
      row.load("rowHidden");
      await context.sync();
      return [c.columnHidden, b.columnHidden, row.rowHidden];
    });
    expect(seen).toEqual([true, false, true]);
  });
});

describe("headless host: names as addresses", () => {
  it("getRange takes a defined name", async () => {
    const wb = newWorkbook();
    const address = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Targets", ws.getRange("B2:B4"));
      await context.sync();
      const r = ws.getRange("Targets");
      r.load("address");
      await context.sync();
      return r.address;
    });
    expect(address).toBe("Sheet1!B2:B4");
  });
});

describe("headless host: a failed batch keeps what ran before the failure, as Excel does", () => {
  it("keeps added, renamed and deleted sheets, names, settings and formats queued before the failing command", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.add("Keep");
      context.workbook.names.add("Tag", "=Keep!$A$1");
      await context.sync();
    });
    const code = await codeOf(wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("Keep").name = "Renamed";
      sheets.getItem("Sheet1").delete();
      sheets.add("Extra").getRange("A1").format.fill.color = "#FF0000";
      context.workbook.settings.add("k", 1);
      context.workbook.names.getItem("Tag").delete();
      sheets.getItem("Missing"); // fails the batch at the end
      await context.sync();
    }));
    expect(code).toBe("ItemNotFound");
    const state = await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name, items/formula");
      const setting = context.workbook.settings.getItemOrNullObject("k");
      await context.sync();
      return { sheets: sheets.items.map((s) => s.name), names: names.items.map((n) => [n.name, n.formula]), setting: setting.isNullObject };
    });
    // The name Tag followed its sheet's rename, then was deleted; Sheet1 is gone; Extra and the setting stay.
    expect(state).toEqual({ sheets: ["Renamed", "Extra"], names: [], setting: false });
  });

  it("a renamed sheet takes its references along; a deleted one leaves #REF!", async () => {
    const wb = newWorkbook();
    const formulas = await wb.run(async (context) => {
      const data = context.workbook.worksheets.add("Data");
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=Data!B2*2"]];
      context.workbook.names.add("Tag", data.getRange("A1"));
      await context.sync();
      data.name = "KPI data";
      const a1 = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.load("formulas");
      const tag = context.workbook.names.getItem("Tag");
      tag.load("formula");
      await context.sync();
      const renamed = [a1.formulas[0][0], tag.formula];
      data.delete();
      a1.load("formulas");
      tag.load("formula");
      await context.sync();
      return [...renamed, a1.formulas[0][0], tag.formula];
    });
    expect(formulas).toEqual(["='KPI data'!B2*2", "='KPI data'!$A$1", "=#REF!B2*2", "=#REF!$A$1"]);
  });
});

describe("headless host: cell value and text rules", () => {
  it("keeps cell-value and begins-with rules through a save", async () => {
    const wb = newWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [[1], [5], [9]];
      const cv = ws.getRange("A1:A3").conditionalFormats.add("CellValue");
      cv.cellValue.rule = { operator: "GreaterThan", formula1: "=4" };
      cv.cellValue.format.fill.color = "#FFC000";
      const tc = ws.getRange("B1:B3").conditionalFormats.add("ContainsText");
      tc.textComparison.rule = { operator: "BeginsWith", text: "Over" };
      await context.sync();
    });
    const { openWorkbook } = await import("../../src/host");
    const again = await openWorkbook(await wb.save());
    const rules = await again.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3").conditionalFormats;
      cfs.load("items/type");
      await context.sync();
      const cv = cfs.items.find((c) => c.type === "CellValue")!;
      cv.cellValue.load("rule");
      cv.cellValue.format.fill.load("color");
      await context.sync();
      return { types: cfs.items.map((c) => c.type).sort(), rule: cv.cellValue.rule, fill: cv.cellValue.format.fill.color };
    });
    // "Begins with" is written as the formula Excel would use, so it reads back as a custom rule.
    expect(rules.types).toEqual(["CellValue", "Custom"]);
    expect(rules.rule).toMatchObject({ operator: "GreaterThan", formula1: "=4" });
    expect(rules.fill).toBe("#FFC000");
  });
});
