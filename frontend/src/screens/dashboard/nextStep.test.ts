import { describe, expect, it } from "vitest";
import { nextStep } from "./nextStep";

describe("nextStep", () => {
  it.each([
    { name: "no profiles", profiles: [], section: "connections", action: "Create a profile" },
    {
      name: "autotask missing",
      profiles: [{ name: "Acme IT", autotaskConnected: false, ledgerKind: "" }],
      section: "connections",
      action: "Connect Autotask",
    },
    {
      name: "ledger missing",
      profiles: [{ name: "Acme IT", autotaskConnected: true, ledgerKind: "" }],
      section: "connections",
      action: "Connect a ledger",
    },
    {
      name: "all connected",
      profiles: [{ name: "Acme IT", autotaskConnected: true, ledgerKind: "xero" }],
      section: "sync",
      action: "Open Sync",
    },
  ])("$name", ({ profiles, section, action }) => {
    const s = nextStep(profiles);
    expect(s.section).toBe(section);
    expect(s.action).toBe(action);
  });
  it("names the profile that needs work", () => {
    expect(nextStep([{ name: "Beta", autotaskConnected: false, ledgerKind: "" }]).text).toContain("Beta");
  });
});
