import { describe, expect, it } from "vitest";
import { kindLabel, levelName, levelsOf, removable, routedTo, routesTo, summaryText, unroutedText } from "./organisations";
import type { Levels, OrganisationsData } from "../../stores/organisations";

const levels = {
  associations: [{ id: 7, name: "Europe / Projects", active: true }],
  locations: [{ id: 1, name: "Europe", active: true }],
  linesOfBusiness: [
    { id: 4, name: "Managed Services", active: true },
    { id: 5, name: "Projects", active: true },
  ],
} as Levels;

function data(extra: Partial<OrganisationsData> = {}): OrganisationsData {
  return {
    profileId: 1,
    ledgerKind: "xero",
    organisations: [
      { key: "", name: "Acme Inc", ledgerKind: "xero", ledgerTenantId: "t1", ledgerTenantName: "Acme Inc", own: true, isDefault: true, routes: 0 },
      { key: "projects", name: "Projects", ledgerKind: "xero", ledgerTenantId: "t2", ledgerTenantName: "Acme Projects", own: false, isDefault: false, routes: 2 },
    ],
    routes: [
      { kind: "line_of_business", sourceId: 5, organisation: "projects" },
      { kind: "association", sourceId: 7, organisation: "projects" },
    ],
    default: "",
    blockUnrouted: false,
    ...extra,
  } as OrganisationsData;
}

describe("organisations logic", () => {
  it("lists each kind's levels and names them", () => {
    expect(levelsOf(levels, "line_of_business").map((l) => l.name)).toEqual(["Managed Services", "Projects"]);
    expect(levelsOf(undefined, "location")).toEqual([]);
    expect(levelName(levels, "association", 7)).toBe("Europe / Projects");
    expect(levelName(undefined, "location", 9)).toBe("id 9");
    expect(kindLabel("line_of_business")).toBe("Line of business");
  });

  it("lists an organisation's rules most specific first and says where a level goes", () => {
    expect(routesTo(data(), "projects").map((r) => r.kind)).toEqual(["association", "line_of_business"]);
    expect(routesTo(data(), "")).toEqual([]);
    expect(routedTo(data(), "line_of_business", 5)).toBe("projects");
    expect(routedTo(data(), "line_of_business", 4)).toBeUndefined();
  });

  it("keeps the own organisation and the default", () => {
    const [own, other] = data().organisations;
    expect(removable(own)).toBe(false);
    expect(removable(other)).toBe(true);
    expect(removable({ ...other, isDefault: true } as typeof other)).toBe(false);
  });

  it("says what happens to unrouted invoices", () => {
    expect(unroutedText(data())).toBe("Invoices no rule routes go to Acme Inc.");
    expect(unroutedText(data({ default: "projects" }))).toBe("Invoices no rule routes go to Projects.");
    expect(unroutedText(data({ blockUnrouted: true }))).toMatch(/blocked/);
    expect(summaryText(data())).toMatch(/^2 ledger organisations, 2 rules; each invoice goes to exactly one\./);
    expect(summaryText(data({ organisations: data().organisations.slice(0, 1), routes: [] }))).toMatch(/One ledger organisation/);
  });
});
