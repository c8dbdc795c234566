// Pure helpers of the Purchases screen (and the purchases runs in History), tested in logic.test.ts.

export const billDates = [
  { value: "received-date", label: "Received date" },
  { value: "vendor-invoice-date", label: "Vendor invoice date" },
  { value: "po-date", label: "Purchase order date" },
  { value: "ship-date", label: "Ship date" },
] as const;

const statusLabels: Record<string, string> = {
  ready: "Ready",
  blocked: "Blocked",
  skipped: "Already in the ledger",
  sent: "Sent",
  failed: "Failed",
};

export function billStatusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

export function billStatusTone(status: string): "bad" | "ok" | "" {
  if (status === "blocked" || status === "failed") return "bad";
  if (status === "ready" || status === "sent") return "ok";
  return "";
}

export interface BillLike {
  reference: string;
  status: string;
  purchaseOrder: string;
}

const order: Record<string, number> = { blocked: 0, failed: 1, ready: 2, sent: 3, skipped: 4 };

/** sortBills puts what needs the user first (blocked, failed), then ready or sent bills, then those already in the ledger; by order and reference within. */
export function sortBills<T extends BillLike>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (order[a.status] ?? 9) - (order[b.status] ?? 9) ||
      a.purchaseOrder.localeCompare(b.purchaseOrder, "en", { numeric: true }) ||
      a.reference.localeCompare(b.reference, "en", { numeric: true }),
  );
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** validateWindow says what is wrong with the form; empty when it can be previewed. */
export function validateWindow(f: { profileId: number; from: string; to: string }): Partial<Record<"profileId" | "from" | "to", string>> {
  const out: Partial<Record<"profileId" | "from" | "to", string>> = {};
  if (!f.profileId) out.profileId = "Choose a profile connected to Autotask and a ledger.";
  if (!isDate(f.from)) out.from = "Pick the first receive date.";
  if (!isDate(f.to)) out.to = "Pick the last receive date.";
  else if (isDate(f.from) && f.to < f.from) out.to = "The last receive date is before the first.";
  return out;
}

/** totalsText: "USD 83,195.92 · EUR 1,094.36" (the amounts are decimal strings from Go, never floats). */
export function totalsText(totals: { currency: string; ready: string }[]): string {
  return totals
    .filter((t) => t.ready !== "" && !/^0(\.0+)?$/.test(t.ready))
    .map((t) => `${t.currency} ${groupDigits(t.ready)}`)
    .join(" · ");
}

/** groupDigits adds thousands separators to a decimal string without turning it into a number. */
export function groupDigits(amount: string): string {
  const [whole, frac] = amount.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + digits + (frac !== undefined ? `.${frac}` : "");
}

export interface RunLike {
  id: number;
}

/** mergeRuns adds the purchases runs to the run log (without twins when the log already lists them), newest first. */
export function mergeRuns<T extends RunLike>(runs: T[], purchases: T[]): T[] {
  const seen = new Set(runs.map((r) => r.id));
  return [...runs, ...purchases.filter((r) => !seen.has(r.id))].sort((a, b) => b.id - a.id);
}
