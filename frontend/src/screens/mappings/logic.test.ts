import { describe, expect, it } from "vitest";
import { countState, coveragePercent, coverageText, defaultJournalLabel, stateLabel, stateTone, termConditionOf, termProblem, validateDays } from "./logic";

describe("mapping coverage", () => {
  it("says how many are mapped, with thousands separators", () => {
    expect(coverageText({ kind: "billing codes", mapped: 312, total: 318 })).toBe("312 of 318 billing codes mapped");
    expect(coverageText({ kind: "companies", mapped: 1200, total: 5000 })).toBe("1,200 of 5,000 companies mapped");
    expect(coverageText({ kind: "payment terms", mapped: 0, total: 0 })).toBe("No payment terms to map");
  });
  it("never rounds an incomplete mapping up to 100 %", () => {
    expect(coveragePercent({ kind: "x", mapped: 317, total: 318 })).toBe(99);
    expect(coveragePercent({ kind: "x", mapped: 318, total: 318 })).toBe(100);
    expect(coveragePercent({ kind: "x", mapped: 0, total: 0 })).toBe(100);
  });
});

describe("row states", () => {
  it("labels and colours them", () => {
    expect(stateLabel("unmapped")).toBe("Not mapped");
    expect(stateLabel("create")).toBe("Will be created");
    expect(stateTone("unmapped")).toBe("bad");
    expect(stateTone("suggested")).toBe("warn");
    expect(stateTone("linked")).toBe("ok");
    expect(stateTone("create")).toBe("");
  });
  it("counts rows in a state", () => {
    expect(countState([{ state: "suggested" }, { state: "mapped" }, { state: "suggested" }], "suggested")).toBe(2);
  });
  it("validates due days", () => {
    expect(validateDays("30")).toBe("");
    expect(validateDays("-1")).not.toBe("");
    expect(validateDays("3.5")).not.toBe("");
    expect(validateDays("400")).toBe("Enter at most 365 days.");
  });
});

describe("Exact payment conditions and journals", () => {
  const conds = [{ termId: 7, condition: "30", label: "30 · 30 dagen (30 days)" }];
  it("finds a term's condition", () => {
    expect(termConditionOf(conds, 7)?.condition).toBe("30");
    expect(termConditionOf(conds, 8)).toBeUndefined();
    expect(termConditionOf(null, 7)).toBeUndefined();
  });
  it("names the default journal", () => {
    const journals = [
      { value: "70", label: "70 · Verkoopboek" },
      { value: "71", label: "71 · Verkoopboek projecten" },
    ];
    expect(defaultJournalLabel(journals, "70")).toBe("First sales journal (70 · Verkoopboek)");
    expect(defaultJournalLabel([], "")).toBe("First sales journal");
  });
  it("needs due days only without a condition", () => {
    expect(termProblem("30", "")).toBe("");
    expect(termProblem("", "30")).toBe("");
    expect(termProblem("", "x")).toBe("Enter a whole number of days.");
  });
});
