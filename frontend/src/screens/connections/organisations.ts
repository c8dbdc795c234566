import type { Levels, Organisation, OrganisationsData, Route, RouteKind } from "../../stores/organisations";

/** The kinds of rule, most specific first: the router tries them in this order. */
export const routeKinds: { kind: RouteKind; label: string }[] = [
  { kind: "association", label: "Location and line of business" },
  { kind: "location", label: "Location" },
  { kind: "line_of_business", label: "Line of business" },
];

export function kindLabel(kind: string): string {
  return routeKinds.find((k) => k.kind === kind)?.label ?? kind;
}

/** levelsOf are the Autotask levels a rule of kind can name. */
export function levelsOf(levels: Levels | undefined, kind: string): { id: number; name: string }[] {
  if (!levels) return [];
  switch (kind) {
    case "association":
      return levels.associations;
    case "location":
      return levels.locations;
    case "line_of_business":
      return levels.linesOfBusiness;
  }
  return [];
}

/** levelName names a rule's level; before Autotask's list is read it says the id. */
export function levelName(levels: Levels | undefined, kind: string, id: number): string {
  return levelsOf(levels, kind).find((l) => l.id === id)?.name ?? `id ${id}`;
}

/** routesTo are the rules that send invoices to organisation key, most specific first. */
export function routesTo(data: OrganisationsData, key: string): Route[] {
  const order = (k: string) => routeKinds.findIndex((r) => r.kind === k);
  return data.routes.filter((r) => r.organisation === key).sort((a, b) => order(a.kind) - order(b.kind) || a.sourceId - b.sourceId);
}

/** routedTo says where a level goes now, if a rule routes it. */
export function routedTo(data: OrganisationsData, kind: string, sourceId: number): string | undefined {
  return data.routes.find((r) => r.kind === kind && r.sourceId === sourceId)?.organisation;
}

/** removable: the profile's own organisation and the default stay. */
export function removable(o: Organisation): boolean {
  return !o.own && !o.isDefault;
}

export function organisationName(data: OrganisationsData, key: string): string {
  return data.organisations.find((o) => o.key === key)?.name ?? key;
}

/** unroutedText says what happens to an invoice no rule routes. */
export function unroutedText(data: OrganisationsData): string {
  if (data.blockUnrouted) return "Invoices no rule routes are blocked until you route their level.";
  return `Invoices no rule routes go to ${organisationName(data, data.default)}.`;
}

/** summaryText is the section's one-line status. */
export function summaryText(data: OrganisationsData): string {
  const n = data.organisations.length;
  if (n <= 1) return "One ledger organisation: every invoice goes there.";
  const rules = data.routes.length;
  return `${n} ledger organisations, ${rules} ${rules === 1 ? "rule" : "rules"}; each invoice goes to exactly one. ${unroutedText(data)}`;
}
