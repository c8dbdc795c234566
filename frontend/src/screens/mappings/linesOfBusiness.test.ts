import { describe, expect, it } from "vitest";
import { hasLinesOfBusiness, lineOfBusinessHint, optionLabel, trackingNoun } from "./linesOfBusiness";
import { stateLabel, stateTone } from "./logic";

describe("lines of business", () => {
  it.each([
    [{ ledgerKind: "xero", for: "" }, true],
    [{ ledgerKind: "qbo", for: "" }, true],
    [{ ledgerKind: "exact", for: "" }, false],
    [{ ledgerKind: "xero", for: "sage50-csv" }, false],
    [null, false],
  ])("shows the tab for %j: %s", (d, want) => {
    expect(hasLinesOfBusiness(d)).toBe(want);
  });

  it("names the ledger's tracking", () => {
    expect(trackingNoun("qbo")).toBe("class");
    expect(trackingNoun("xero")).toBe("tracking option");
    expect(lineOfBusinessHint("qbo", 0)).toContain("class tracking");
    expect(lineOfBusinessHint("xero", 3)).toContain("never blocked");
  });

  it.each([
    [{ state: "suggested", option: "", suggestedOption: "Line of Business: Projects" }, "Line of Business: Projects"],
    [{ state: "mapped", option: "Region: North", suggestedOption: "" }, "Region: North"],
    [{ state: "archived", option: "Line of Business: Legacy", suggestedOption: "" }, "Line of Business: Legacy"],
    [{ state: "unmapped", option: "", suggestedOption: "" }, ""],
  ])("labels the target of %j", (r, want) => {
    expect(optionLabel(r)).toBe(want);
  });

  it("shows an archived option as blocking", () => {
    expect(stateLabel("archived")).toBe("Archived in the ledger");
    expect(stateTone("archived")).toBe("bad");
  });
});
