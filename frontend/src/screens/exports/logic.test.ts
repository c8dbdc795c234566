import { describe, expect, it } from "vitest";
import { exportLabel, fileHint, leftOutLine, totalsLine, validateRange } from "./logic";

describe("export form", () => {
  it("validates the date range", () => {
    expect(validateRange("2024-05-01", "2024-05-31")).toBe("");
    expect(validateRange("2024-06-01", "2024-05-31")).toBe("The first day is after the last day.");
    expect(validateRange("", "2024-05-31")).toBe("Pick the first and the last day.");
  });
  it("says where the file goes", () => {
    expect(fileHint("", "/data/exports")).toBe("A dated file in /data/exports");
    expect(fileHint("may.csv", "/data/exports")).toBe("/data/exports/may.csv");
    expect(fileHint("/tmp/x.csv", "/data/exports")).toBe("/tmp/x.csv");
    expect(fileHint("may.csv", "C:\\Users\\a\\exports")).toBe("C:\\Users\\a\\exports\\may.csv");
  });
  it("compares a ledger file's totals with Autotask's", () => {
    const c = { currency: "GBP", invoices: 3, credits: 1, net: "100.00", tax: "20.00", gross: "120.00", autotaskGross: "120.00" };
    expect(totalsLine(c)).toBe("GBP: 3 invoices, 1 credit · net 100.00 · tax 20.00 · gross 120.00 = Autotask");
    expect(totalsLine({ ...c, invoices: 1, credits: 0, autotaskGross: "120.01" })).toBe(
      "GBP: 1 invoice · net 100.00 · tax 20.00 · gross 120.00 ≠ Autotask 120.01",
    );
  });
  it("says what is left out and labels the button", () => {
    expect(leftOutLine(0, 0)).toBe("");
    expect(leftOutLine(1, 4)).toMatch(/^1 invoice \(4 items\) left out until fixed/);
    expect(exportLabel(false, 12, 0)).toBe("Export 12 items");
    expect(exportLabel(true, 12, 1)).toBe("Write the file: 1 document");
  });
});
