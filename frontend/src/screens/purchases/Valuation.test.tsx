import { describe, expect, it } from "vitest";
import { differenceText, differenceTone } from "./Valuation";

describe("stock valuation", () => {
  it.each([
    ["0.00", "ok"],
    ["0", "ok"],
    ["-0.00", "ok"],
    ["0.01", "bad"],
    ["-1250.50", "bad"],
  ])("tones the difference %s", (d, tone) => {
    expect(differenceTone(d)).toBe(tone);
  });

  it.each([
    ["0.00", "Autotask and the ledger agree"],
    ["28293.38", "Autotask holds USD 28,293.38 more than the ledger"],
    ["-54902.54", "The ledger holds USD 54,902.54 more than Autotask"],
  ])("says which side holds more for %s", (difference, text) => {
    expect(differenceText({ difference, currency: "USD" })).toBe(text);
  });
});
