import { describe, expect, it } from "vitest";
import { capError, intervalText, scheduleText } from "./schedule";

const base = { enabled: false, intervalMinutes: 60, nextRun: "", lastRun: "", lastError: "", running: false };

describe("scheduleText", () => {
  it("says paused", () => expect(scheduleText(base)).toBe("Paused"));
  it("says when the next run is", () => {
    expect(scheduleText({ ...base, enabled: true, nextRun: "2026-11-23T13:00:00Z" }, "en-GB")).toMatch(/^Runs every hour; next at 23 Nov 2026/);
  });
  it("shows the last failure", () => {
    expect(scheduleText({ ...base, lastRun: "2026-11-23T12:00:00Z", lastError: "Xero refused the access token" }, "en-GB")).toContain(
      "failed: Xero refused the access token",
    );
  });
  it("says when it is running", () => expect(scheduleText({ ...base, running: true })).toBe("Syncing now…"));
});

describe("intervalText", () => {
  it.each([
    [15, "15 minutes"],
    [60, "hour"],
    [120, "2 hours"],
    [90, "90 minutes"],
  ])("%d → %s", (m, want) => expect(intervalText(m)).toBe(want));
});

describe("capError", () => {
  it.each([
    ["0.05", ""],
    ["0", ""],
    ["10", ""],
    ["10.01", "Use at most 10.00"],
    ["-1", "Enter an amount such as 0.05"],
    ["5p", "Enter an amount such as 0.05"],
  ])("%s", (cap, want) => expect(capError(cap)).toBe(want));
});
