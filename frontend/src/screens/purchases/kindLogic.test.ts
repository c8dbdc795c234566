import { describe, expect, it } from "vitest";
import { countLabel, kindCopy, kindStatusLabel, kindStatusTone, purchaseTabs, sortDocuments, unmappedFirst } from "./kindLogic";

describe("purchase kinds logic", () => {
  it("lists the bills tab first, then orders, expenses and inventory", () => {
    expect(purchaseTabs.map((t) => t.id)).toEqual(["bills", "orders", "expenses", "inventory"]);
    expect(Object.keys(kindCopy).sort()).toEqual(["expenses", "inventory", "orders"]);
  });

  it.each([
    ["none", "Nothing to post", ""],
    ["skipped", "Already in the ledger", ""],
    ["blocked", "Blocked", "bad"],
    ["sent", "Sent", "ok"],
  ])("labels %s", (status, label, tone) => {
    expect(kindStatusLabel(status)).toBe(label);
    expect(kindStatusTone(status)).toBe(tone);
  });

  it("sorts what needs the user first, nothing-to-post before already sent", () => {
    const rows = [
      { reference: "TRF-9", status: "none", purchaseOrder: "" },
      { reference: "COGS-T1010", status: "ready", purchaseOrder: "" },
      { reference: "ADJ-3", status: "skipped", purchaseOrder: "" },
      { reference: "COGS-T1002", status: "blocked", purchaseOrder: "" },
      { reference: "COGS-T1001", status: "ready", purchaseOrder: "" },
    ];
    expect(sortDocuments(rows).map((r) => r.reference)).toEqual(["COGS-T1002", "COGS-T1001", "COGS-T1010", "TRF-9", "ADJ-3"]);
  });

  it("counts in the tab's words", () => {
    expect(countLabel(1, "expenses")).toBe("1 expense bill");
    expect(countLabel(3, "inventory")).toBe("3 journals");
    expect(countLabel(0, "orders")).toBe("0 purchase orders");
  });

  it("lists unmapped expense categories first", () => {
    const cats = [
      { value: 1, label: "Travel", account: "429" },
      { value: 3, label: "Mileage", account: "" },
      { value: 2, label: "Meals", account: "" },
    ];
    expect(unmappedFirst(cats).map((c) => c.value)).toEqual([2, 3, 1]);
  });
});
