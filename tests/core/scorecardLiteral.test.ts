import { literal, needsQuotePrefix, unquote, excelSerial, dotText, figureFormat, formatFromText } from "../../src/core/scorecard";
import { axisFormat } from "../../src/core/scorecard/sourceFormat";

describe("workbook text is written literally", () => {
  test.each(["=SUM(A1)", "+44 1234", "-5 days", "@risk", "#N/A", "10%", "Jan 24", "1/2", "TRUE", "'quoted"])("%s gets a quote prefix", (s) => {
    expect(needsQuotePrefix(s)).toBe(true);
    expect(literal(s)).toBe(`'${s}`);
    expect(unquote(literal(s))).toBe(s);
  });
  test.each(["Green", "Number of overdue EP advice requests", "n/a", "tbc", ""])("%s is left alone", (s) => {
    expect(literal(s)).toBe(s);
  });
});

describe("number formats and dates", () => {
  test("the source's own format, from the text its cell showed", () => {
    expect(formatFromText("356,574", 356574)).toBe("#,##0");
    expect(formatFromText("3.15", 3.15)).toBe("0.00");
    expect(formatFromText("87.3%", 0.873)).toBe("0.0%");
    expect(formatFromText("13%", 0.13)).toBe("0%");
    expect(formatFromText("£1,234.50", 1234.5)).toBe('"£"#,##0.00');
    expect(formatFromText("4.7 weeks", 4.7)).toBe('0.0" weeks"');
    // A text that the value does not reproduce gives no format rather than a wrong one.
    expect(formatFromText("about 5", 5)).toBeNull();
    expect(formatFromText("3.20", 3.15)).toBeNull();
    // The source's own rounding is kept: a cell showing 3.2 for 3.15 still shows 3.2.
    expect(formatFromText("3.2", 3.15)).toBe("0.0");
  });
  test("units appear only where the source wrote them; percentages keep the decimals they need", () => {
    expect(figureFormat({ text: "69", unit: "weeks" }, 69, "weeks")).toBe("0");
    expect(figureFormat({ text: "", unit: "percent" }, 0.713, "percent")).toBe("0.0%");
    expect(figureFormat({ text: "Baseline plus 10%", unit: "percent" }, 0.6, "percent")).toBe("0%");
    expect(figureFormat({ text: "tbc", unit: null }, 3.15, null)).toBe("General");
    // A figure its table states in multiples ("Billions" over "£32.01") shows as written, with the multiple's word.
    expect(figureFormat({ text: "£32.01", unit: "currency" }, 32010000000, "currency")).toBe('"£"0.00,,,"bn"');
    expect(figureFormat({ text: "£609m", unit: "currency" }, 609000000, "currency")).toBe('"£"0,,"m"');
  });
  test("a chart's value axis keeps the currency sign and a multiple's word, and drops unit words the axis title names", () => {
    expect(axisFormat('"£"0.00,,,"bn"')).toBe('"£"0.00,,,"bn"');
    expect(axisFormat('"£"0,,"m"')).toBe('"£"0,,"m"');
    expect(axisFormat('0.0" weeks"')).toBe("0.0");
    expect(axisFormat('"£"#,##0')).toBe('"£"#,##0');
    expect(axisFormat('" days"')).toBe("General");
  });
  test("Excel serials", () => {
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2024-02-29")).toBe(45351);
    expect(excelSerial("2024-02-29T12:00:00Z")).toBe(45351.5);
    expect(excelSerial("not a date")).toBeNull();
  });
});

describe("direction of travel text", () => {
  test("arrow for direction, word for judgement", () => {
    expect(dotText({ direction: "up", judgement: "worsening" })).toBe("▲ worsening");
    expect(dotText({ direction: "down", judgement: "improving" })).toBe("▼ improving");
    expect(dotText({ direction: "flat", judgement: "no-change" })).toBe("► no change");
    expect(dotText({ direction: "up", judgement: null })).toBe("▲ up");
    expect(dotText({ direction: null, judgement: null, stated: "down" })).toBe("▼ down (as stated)");
    expect(dotText({ direction: null, judgement: null })).toBe("n/a");
  });
});

describe("text longer than a cell holds", () => {
  it("is cut to 32,767 characters ending in an ellipsis, quote prefix included, so the write still succeeds", () => {
    const words = "a".repeat(40_000);
    const out = literal(words);
    expect(out.length).toBe(32_767);
    expect(out.endsWith("…")).toBe(true);
    const quoted = literal(`1${"b".repeat(40_000)}`);
    expect(quoted.length).toBe(32_767);
    expect(unquote(quoted).startsWith("1bbb")).toBe(true);
    expect(literal("a".repeat(32_767))).toBe("a".repeat(32_767));
  });
});
