import { literal, needsQuotePrefix, unquote, numberFormatFor, excelSerial, dotText } from "../../src/core/scorecard";

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
  test("by unit", () => {
    expect(numberFormatFor("percent")).toBe("0.0%");
    expect(numberFormatFor("weeks")).toBe('0.0 "weeks"');
    expect(numberFormatFor("count", 12)).toBe("#,##0");
    expect(numberFormatFor("count", 12.5)).toBe("#,##0.0");
    expect(numberFormatFor("currency")).toBe("£#,##0");
    expect(numberFormatFor(null)).toBe("General");
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
