import { describe, expect, it } from "vitest";
import { barRect, chartSummary, formatMoney, formatTick, groupThousands, niceStep, scaleFor, shortLabel, sumDecimals, yOf } from "./chart";

describe("chart scale", () => {
  it.each([
    [100, 4, 25],
    [1000, 4, 250],
    [7, 4, 2],
    [12345, 4, 5000],
    [0.4, 4, 0.1],
    [0, 4, 1],
  ])("niceStep(%d, %d) = %d", (range, count, want) => expect(niceStep(range, count)).toBeCloseTo(want, 10));

  it("spans zero and the largest value with round ticks", () => {
    expect(scaleFor([1234.5, 980, 0])).toEqual({ min: 0, max: 1500, ticks: [0, 500, 1000, 1500] });
  });
  it("goes below zero for credit notes", () => {
    const s = scaleFor([-299.76, 800]);
    expect(s.min).toBe(-500);
    expect(s.max).toBe(1000);
    expect(s.ticks).toEqual([-500, 0, 500, 1000]);
  });
  it("draws an empty chart without dividing by zero", () => {
    expect(scaleFor([0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(scaleFor([])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });
  it("puts bars between the zero line and the value", () => {
    const s = { min: -500, max: 1000, ticks: [] };
    expect(yOf(1000, s, 150)).toBe(0);
    expect(yOf(0, s, 150)).toBe(100);
    expect(barRect(500, s, 150)).toEqual({ y: 50, h: 50 });
    expect(barRect(-250, s, 150)).toEqual({ y: 100, h: 25 });
    expect(barRect(0, s, 150).h).toBe(0);
  });
});

describe("chart text", () => {
  it.each([
    ["1234567.50", "1,234,567.50"],
    ["-1234.5", "-1,234.5"],
    ["999", "999"],
    ["0.00", "0.00"],
    ["n/a", "n/a"],
  ])("groupThousands(%s) = %s", (v, want) => expect(groupThousands(v)).toBe(want));

  it("names the currency", () => expect(formatMoney("12500.00", "EUR")).toBe("12,500.00 EUR"));

  it.each([
    [0, "0"],
    [250, "250"],
    [12500, "12.5k"],
    [-500, "-500"],
    [2_000_000, "2M"],
    [1_250_000_000, "1.25B"],
  ])("formatTick(%d) = %s", (n, want) => expect(formatTick(n)).toBe(want));

  it("adds money exactly, not in floating point", () => {
    expect(sumDecimals(["0.10", "0.20"])).toBe("0.30");
    expect(sumDecimals(["100.00", "-299.76", "0"])).toBe("-199.76");
    expect(sumDecimals(["1234567890123.45", "0.55"])).toBe("1234567890124.00");
    expect(sumDecimals([])).toBe("0");
  });

  it("summarises the chart for screen readers", () => {
    const bars = [
      { key: "2024-04", label: "Apr 2024", billed: "100.00", synced: "100.00", paid: "50.00" },
      { key: "2024-05", label: "May 2024", billed: "1200.50", synced: "1000.00", paid: "0.00" },
    ];
    expect(chartSummary("Per month", bars, "USD")).toBe(
      "Per month, Apr 2024 to May 2024. In total billed 1,300.50 USD, synced 1,100.00 USD, paid 50.00 USD. Most billed: May 2024, 1,200.50 USD.",
    );
    expect(chartSummary("Per month", [], "USD")).toBe("Per month: nothing synced yet.");
  });

  it("shortens long customer names", () => {
    expect(shortLabel("Northwind Traders")).toBe("Northwind T…");
    expect(shortLabel("Acme")).toBe("Acme");
  });
});
