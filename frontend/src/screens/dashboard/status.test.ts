import { describe, expect, it } from "vitest";
import { lastRunText } from "./status";

const run = { id: 7, profileName: "Acme", status: "done", startedAt: "2026-11-23T12:00:00Z", sent: 98, failed: 0, blocked: 9 };

describe("lastRunText", () => {
  it("says when nothing ran", () => expect(lastRunText([])).toBe("No sync has run yet."));
  it("names what waits on a fix", () => expect(lastRunText([run], "en-GB")).toMatch(/^Run 7 for Acme on 23 Nov 2026.*: 98 sent, 9 waiting on a fix\.$/));
  it("names refusals", () => expect(lastRunText([{ ...run, failed: 2, blocked: 0 }], "en-GB")).toMatch(/98 sent, 2 refused by the ledger\.$/));
  it("points a failed run to History", () => expect(lastRunText([{ ...run, status: "failed" }])).toContain("open it in History"));
});
