// Pure helpers of the Mappings screen, tested in logic.test.ts.

export interface CoverageLike {
  kind: string;
  mapped: number;
  total: number;
}

/** coverageText: "312 of 318 billing codes mapped". */
export function coverageText(c: CoverageLike): string {
  const n = (v: number) => v.toLocaleString("en-US");
  if (c.total === 0) return `No ${c.kind} to map`;
  return `${n(c.mapped)} of ${n(c.total)} ${c.kind} mapped`;
}

/** coveragePercent rounds down, so 317 of 318 never shows as 100 %. */
export function coveragePercent(c: CoverageLike): number {
  if (c.total === 0) return 100;
  return Math.floor((c.mapped / c.total) * 100);
}

const labels: Record<string, string> = {
  unmapped: "Not mapped",
  suggested: "Suggestion",
  create: "Will be created",
  mapped: "Mapped",
  linked: "Linked",
  default: "Autotask's days",
  archived: "Archived in the ledger",
};

export function stateLabel(state: string): string {
  return labels[state] ?? state;
}

/** stateTone picks the badge colour: what blocks a sync is red, what waits for the user amber. */
export function stateTone(state: string): "bad" | "warn" | "ok" | "" {
  if (state === "unmapped" || state === "archived") return "bad";
  if (state === "suggested") return "warn";
  if (state === "mapped" || state === "linked") return "ok";
  return "";
}

export function countState<T extends { state: string }>(rows: T[], state: string): number {
  return rows.reduce((n, r) => (r.state === state ? n + 1 : n), 0);
}

/** validateDays checks a payment term's due days; it returns the problem or "". */
export function validateDays(text: string): string {
  if (!/^\d+$/.test(text.trim())) return "Enter a whole number of days.";
  const d = Number(text);
  return d > 365 ? "Enter at most 365 days." : "";
}

/** A payment term mapped to an Exact payment condition. */
export interface TermConditionLike {
  termId: number;
  condition: string;
  label: string;
}

/** termConditionOf finds a term's Exact payment condition, if it has one. */
export function termConditionOf(conds: TermConditionLike[] | null | undefined, termId: number): TermConditionLike | undefined {
  return (conds ?? []).find((c) => c.termId === termId);
}

/** defaultJournalLabel names what "no journal chosen" books in: "First sales journal (70 · Verkoopboek)". */
export function defaultJournalLabel(journals: { value: string; label: string }[], defaultJournal: string): string {
  const j = journals.find((x) => x.value === defaultJournal);
  return j ? `First sales journal (${j.label})` : "First sales journal";
}

/** termProblem checks a payment term edit: an Exact condition needs nothing else, otherwise the due days must be valid. */
export function termProblem(condition: string, days: string): string {
  return condition.trim() !== "" ? "" : validateDays(days);
}
