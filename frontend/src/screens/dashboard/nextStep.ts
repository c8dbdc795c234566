import type { SectionId } from "../../lib/sections";

export interface ProfileSummary {
  name: string;
  autotaskConnected: boolean;
  ledgerKind: string;
}

export interface Step {
  text: string;
  action: string;
  section: SectionId;
}

/** nextStep tells the owner the one thing to do next, from the profiles they have. */
export function nextStep(profiles: ProfileSummary[]): Step {
  if (profiles.length === 0) {
    return {
      text: "Create a profile: it joins one Autotask database to one ledger organisation.",
      action: "Create a profile",
      section: "connections",
    };
  }
  const noAutotask = profiles.find((p) => !p.autotaskConnected);
  if (noAutotask) {
    return {
      text: `Profile “${noAutotask.name}” has no Autotask credentials yet: add the API user, its secret and the integration code.`,
      action: "Connect Autotask",
      section: "connections",
    };
  }
  const noLedger = profiles.find((p) => p.ledgerKind === "");
  if (noLedger) {
    return {
      text: `Profile “${noLedger.name}” is not connected to a ledger yet.`,
      action: "Connect a ledger",
      section: "connections",
    };
  }
  return { text: "Everything is connected. Review your mappings, then preview this month's invoices.", action: "Open Sync", section: "sync" };
}
