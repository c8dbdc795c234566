// The app's sections, in sidebar order. The hash (#/mappings) selects one so a
// section can be linked to, reloaded and reached by the end-to-end tests.
export const sections = [
  { id: "dashboard", label: "Dashboard", hint: "Where things stand this month" },
  { id: "connections", label: "Connections", hint: "Autotask and your ledger" },
  { id: "mappings", label: "Mappings", hint: "Billing codes, tax, customers" },
  { id: "sync", label: "Sync", hint: "Preview and send invoices" },
  { id: "purchases", label: "Purchases", hint: "Goods received → supplier bills" },
  { id: "exports", label: "Exports", hint: "Files for your accountant" },
  { id: "history", label: "History", hint: "What happened, and when" },
  { id: "settings", label: "Settings", hint: "Theme, data folder" },
] as const;

export type SectionId = (typeof sections)[number]["id"];

const ids = new Set<string>(sections.map((s) => s.id));

/** sectionFromHash reads "#/mappings" (or "#mappings"); anything unknown is the dashboard. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, "").split(/[/?]/)[0].toLowerCase();
  return ids.has(id) ? (id as SectionId) : "dashboard";
}

export function hashFor(id: SectionId): string {
  return `#/${id}`;
}
