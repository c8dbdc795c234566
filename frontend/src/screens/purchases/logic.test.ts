import { describe, expect, it } from "vitest";
import { billStatusLabel, billStatusTone, groupDigits, mergeRuns, sortBills, totalsText, validateWindow } from "./logic";

describe("purchases logic", () => {
  it("sorts blocked and failed bills first, then by order and reference", () => {
    const rows = [
      { reference: "RCV-10", status: "ready", purchaseOrder: "PO-4403" },
      { reference: "RCV-9", status: "ready", purchaseOrder: "PO-4403" },
      { reference: "RCV-2", status: "skipped", purchaseOrder: "PO-4400" },
      { reference: "RCV-7", status: "blocked", purchaseOrder: "PO-4404" },
      { reference: "RCV-8", status: "failed", purchaseOrder: "PO-4401" },
      { reference: "RCV-1", status: "ready", purchaseOrder: "PO-4400" },
    ];
    expect(sortBills(rows).map((r) => r.reference)).toEqual(["RCV-7", "RCV-8", "RCV-1", "RCV-9", "RCV-10", "RCV-2"]);
  });

  it.each([
    ["ready", "Ready", "ok"],
    ["blocked", "Blocked", "bad"],
    ["skipped", "Already in the ledger", ""],
    ["sent", "Sent", "ok"],
    ["failed", "Failed", "bad"],
  ])("labels %s", (status, label, tone) => {
    expect(billStatusLabel(status)).toBe(label);
    expect(billStatusTone(status)).toBe(tone);
  });

  it.each([
    [{ profileId: 1, from: "2024-05-01", to: "2024-05-31" }, []],
    [{ profileId: 0, from: "2024-05-01", to: "2024-05-31" }, ["profileId"]],
    [{ profileId: 1, from: "31/05/2024", to: "2024-05-31" }, ["from"]],
    [{ profileId: 1, from: "2024-05-31", to: "2024-05-01" }, ["to"]],
    [{ profileId: 1, from: "", to: "" }, ["from", "to"]],
  ])("validates the window %o", (form, wrong) => {
    expect(Object.keys(validateWindow(form)).sort()).toEqual([...wrong].sort());
  });

  it("writes totals per currency without floats", () => {
    expect(groupDigits("83195.92")).toBe("83,195.92");
    expect(groupDigits("-1234567.005")).toBe("-1,234,567.005");
    expect(groupDigits("999")).toBe("999");
    expect(
      totalsText([
        { currency: "EUR", ready: "1094.36" },
        { currency: "GBP", ready: "0.00" },
        { currency: "USD", ready: "9007199254740993.01" },
      ]),
    ).toBe("EUR 1,094.36 · USD 9,007,199,254,740,993.01");
  });

  it("merges purchases runs into the run log once, newest first", () => {
    expect(mergeRuns([{ id: 5 }, { id: 2 }], [{ id: 7 }, { id: 5 }, { id: 3 }]).map((r) => r.id)).toEqual([7, 5, 3, 2]);
  });
});
