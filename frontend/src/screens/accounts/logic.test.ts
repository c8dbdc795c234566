import { describe, expect, it } from "vitest";
import { actionLabel, resultLine } from "./logic";

describe("accounts both ways", () => {
  it("names the actions", () => {
    expect(actionLabel("create-autotask")).toBe("Create in Autotask");
    expect(actionLabel("suggestion")).toBe("Close name: check");
    expect(actionLabel("something-new")).toBe("something-new");
  });
  it("sums up a run and a dry run", () => {
    const r = { done: 3, failed: 1, conflicts: 1, problems: 2, lines: [{ status: "planned" }, { status: "planned" }, { status: "skipped" }] };
    expect(resultLine(r, false)).toBe("3 done · 1 failed · 1 conflict · 2 waiting on you");
    expect(resultLine(r, true)).toBe("Dry run: 2 changes would be made, 1 conflict, 2 waiting on you. Nothing was changed.");
  });
});
