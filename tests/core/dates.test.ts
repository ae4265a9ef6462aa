import { addMonthsIso, compareIso, endOfMonthIso, excelSerialToIso, isDateFormat, isMonthYearFormat, isoToExcelSerial } from "../../src/core/dates";

describe("excelSerialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [43466, "2019-01-01"],
    [43800, "2019-12-01"],
    [45322, "2024-01-31"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it("ignores the time of day", () => {
    expect(excelSerialToIso(43466.99)).toBe("2019-01-01");
  });

  it("gives null for Excel's fictitious 29 February 1900 and for serials out of range", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
});

describe("isoToExcelSerial", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2019-07-01", 43647],
    ["2024-02-29", 45351],
  ])("%s is serial %d", (iso, serial) => {
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it("round-trips every day from 1900 to 2100 (sampled)", () => {
    for (let serial = 1; serial < 73051; serial += 97) {
      if (serial === 60) continue;
      expect(isoToExcelSerial(excelSerialToIso(serial) as string)).toBe(serial);
    }
  });

  it("rejects a day that does not exist", () => {
    expect(() => isoToExcelSerial("2023-02-29")).toThrow(RangeError);
  });
});

describe("isDateFormat", () => {
  it.each(["dd/mm/yyyy", "mmm-yy", "[$-809]mmmm yyyy", "d-mmm", "yyyy-mm-dd", "mm/dd/yy h:mm AM/PM", "dd.mm.yy", "[$-en-GB]d mmmm yyyy;@"])("%s is a date format", (f) => {
    expect(isDateFormat(f)).toBe(true);
  });

  it.each(["0.0%", "General", '0.0 "weeks"', "[Red]0", "h:mm", "mm:ss", "[h]:mm:ss", '"£"#,##0', "#,##0.00_);(#,##0.00)", "0.00E+00", "@", ""])("%s is not a date format", (f) => {
    expect(isDateFormat(f)).toBe(false);
  });

  it("tells a month-and-year format from a day format", () => {
    expect(isMonthYearFormat("mmm-yy")).toBe(true);
    expect(isMonthYearFormat("[$-809]mmmm yyyy")).toBe(true);
    expect(isMonthYearFormat("dd/mm/yyyy")).toBe(false);
  });
});

describe("month arithmetic", () => {
  it("adds months, clamping the 31st to the month's end", () => {
    expect(addMonthsIso("2019-07-01", 6)).toBe("2020-01-01");
    expect(addMonthsIso("2019-08-31", 6)).toBe("2020-02-29");
    expect(addMonthsIso("2020-01-15", -2)).toBe("2019-11-15");
  });

  it("finds the end of the month, leap years included", () => {
    expect(endOfMonthIso("2024-02-03")).toBe("2024-02-29");
    expect(endOfMonthIso("2023-02-03")).toBe("2023-02-28");
    expect(endOfMonthIso("2023-12-31")).toBe("2023-12-31");
  });

  it("compares dates", () => {
    expect(compareIso("2019-12-31", "2020-01-01")).toBe(-1);
    expect(compareIso("2020-01-01", "2020-01-01")).toBe(0);
    expect(compareIso("2021-06-30", "2020-01-01")).toBe(1);
  });
});
