import { describe, expect, it } from "vitest";
import { progressPercent, sendLabel, sortPreview, sortResult, statusLabel, validateForm, windowText } from "./logic";

const row = (invoiceId: number, invoiceNumber: string, status: string) => ({ invoiceId, invoiceNumber, status, problems: [] });

describe("preview order", () => {
  it("puts blocked invoices first, then ready ones, numbers in natural order", () => {
    const sorted = sortPreview([row(1, "INV-10", "ready"), row(2, "INV-9", "ready"), row(3, "INV-11", "skipped"), row(4, "INV-12", "blocked"), row(5, "", "blocked")]);
    expect(sorted.map((r) => r.invoiceId)).toEqual([5, 4, 2, 1, 3]);
  });
  it("does not change the input", () => {
    const rows = [row(1, "B", "ready"), row(2, "A", "blocked")];
    sortPreview(rows);
    expect(rows[0].invoiceId).toBe(1);
  });
  it("labels statuses for people", () => {
    expect(statusLabel("writeBack")).toBe("Already in the ledger");
    expect(statusLabel("blocked")).toBe("Blocked");
  });
});

describe("sync form", () => {
  it("accepts a complete form", () => {
    expect(validateForm({ profileId: 1, thru: "2024-05-31", maxAgeDays: 60 })).toEqual({});
  });
  it("names every field that is wrong", () => {
    const v = validateForm({ profileId: 0, thru: "31/05/2024", maxAgeDays: -1 });
    expect(Object.keys(v).sort()).toEqual(["maxAgeDays", "profileId", "thru"]);
  });
  it("shows the window and what Send does", () => {
    expect(windowText("2024-05-31", 60)).toBe("Invoices dated 2024-04-01 to 2024-05-31");
    expect(sendLabel(96, 0)).toBe("Send all 96 ready invoices");
    expect(sendLabel(96, 1)).toBe("Send 1 ticked invoice");
  });
  it("computes progress only for counted phases", () => {
    expect(progressPercent(5, 10)).toBe(50);
    expect(progressPercent(0, 0)).toBeUndefined();
    expect(progressPercent(12, 10)).toBe(100);
  });
  it("puts failed, then sent invoices first in the result", () => {
    const rows = [
      { invoiceId: 1, invoiceNumber: "24001", status: "skipped" },
      { invoiceId: 2, invoiceNumber: "24002", status: "sent" },
      { invoiceId: 3, invoiceNumber: "24003", status: "failed" },
      { invoiceId: 4, invoiceNumber: "24000", status: "sent" },
      { invoiceId: 5, invoiceNumber: "24005", status: "blocked" },
    ];
    expect(sortResult(rows).map((r) => r.invoiceId)).toEqual([3, 4, 2, 5, 1]);
  });
});
