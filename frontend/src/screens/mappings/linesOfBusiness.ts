// The Lines of business tab's rules, tested in linesOfBusiness.test.ts.

/** hasLinesOfBusiness: the tab is for the ledger's own mappings in Xero
 * (tracking options) and QuickBooks Online (classes); Exact Online's
 * equivalent, cost centres, is not mapped, and import files carry none. */
export function hasLinesOfBusiness(d: { ledgerKind: string; for: string } | null | undefined): boolean {
  return !!d && !d.for && (d.ledgerKind === "xero" || d.ledgerKind === "qbo");
}

/** trackingNoun is what the ledger calls the value a line is tagged with. */
export function trackingNoun(ledgerKind: string): string {
  return ledgerKind === "qbo" ? "class" : "tracking option";
}

/** lineOfBusinessHint is the tab's status-line text after its coverage. */
export function lineOfBusinessHint(ledgerKind: string, options: number): string {
  const noun = trackingNoun(ledgerKind);
  if (options === 0)
    return ledgerKind === "qbo"
      ? " — QuickBooks has no active classes: turn on class tracking and add classes to tag lines; until then lines go without."
      : " — Xero has no active tracking options: add a tracking category to tag lines; until then lines go without.";
  return ` — each line of an invoice gets its line of business's ${noun}; unmapped ones go without (never blocked), an archived one blocks its invoices.`;
}

/** optionLabel is a row's target as shown: the mapped option, else the suggestion. */
export function optionLabel(r: { state: string; option: string; suggestedOption: string }): string {
  if (r.state === "suggested") return r.suggestedOption;
  if (r.state === "unmapped") return "";
  return r.option;
}
