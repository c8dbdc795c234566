// Pure helpers of the Sync screen, tested in logic.test.ts.

export interface PreviewRowLike {
  invoiceId: number;
  invoiceNumber: string;
  status: string;
  problems: { message: string; fix: string }[];
}

const statusOrder: Record<string, number> = { blocked: 0, ready: 1, void: 2, writeBack: 3, skipped: 4 };

/** sortPreview puts what needs the user first: blocked invoices, then ready ones, then the rest; by number within each. */
export function sortPreview<T extends PreviewRowLike>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (statusOrder[a.status] ?? 9) - (statusOrder[b.status] ?? 9) ||
      a.invoiceNumber.localeCompare(b.invoiceNumber, "en", { numeric: true }) ||
      a.invoiceId - b.invoiceId,
  );
}

const resultOrder: Record<string, number> = { failed: 0, sent: 1, written_back: 1, voided: 2, blocked: 3, skipped: 4 };

/** sortResult puts what happened first: failed invoices (they need the user), then sent and voided ones, then blocked and skipped. */
export function sortResult<T extends { invoiceId: number; invoiceNumber: string; status: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (resultOrder[a.status] ?? 9) - (resultOrder[b.status] ?? 9) ||
      a.invoiceNumber.localeCompare(b.invoiceNumber, "en", { numeric: true }) ||
      a.invoiceId - b.invoiceId,
  );
}

const statusLabels: Record<string, string> = {
  blocked: "Blocked",
  ready: "Ready",
  void: "Will be voided",
  writeBack: "Already in the ledger",
  skipped: "Skipped",
  sent: "Sent",
  failed: "Failed",
  voided: "Voided",
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

export function statusTone(status: string): "bad" | "warn" | "ok" | "" {
  if (status === "blocked" || status === "failed") return "bad";
  if (status === "ready" || status === "sent" || status === "written_back") return "ok";
  if (status === "void" || status === "voided") return "warn";
  return "";
}

export interface FormLike {
  profileId: number;
  thru: string;
  maxAgeDays: number;
}

/** validateForm returns what is wrong with the form, field by field; empty when it can be previewed. */
export function validateForm(f: FormLike): Partial<Record<"profileId" | "thru" | "maxAgeDays", string>> {
  const out: Partial<Record<"profileId" | "thru" | "maxAgeDays", string>> = {};
  if (!f.profileId) out.profileId = "Choose a profile connected to Autotask and a ledger.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.thru) || Number.isNaN(Date.parse(f.thru))) out.thru = "Pick the last invoice date.";
  if (!Number.isInteger(f.maxAgeDays) || f.maxAgeDays < 0 || f.maxAgeDays > 3660) out.maxAgeDays = "Enter 0 to 3660 days.";
  return out;
}

/** windowText: "Invoices dated 2024-04-01 to 2024-05-31". */
export function windowText(thru: string, maxAgeDays: number): string {
  const end = new Date(`${thru}T00:00:00Z`);
  if (Number.isNaN(end.getTime())) return "";
  const start = new Date(end.getTime() - maxAgeDays * 86400000);
  return `Invoices dated ${start.toISOString().slice(0, 10)} to ${thru}`;
}

/** sendLabel names what Send will do. */
export function sendLabel(ready: number, ticked: number): string {
  if (ticked > 0) return `Send ${ticked} ticked invoice${ticked === 1 ? "" : "s"}`;
  return `Send all ${ready} ready invoice${ready === 1 ? "" : "s"}`;
}

/** progressPercent of a phase with a count; undefined when the phase has none. */
export function progressPercent(done: number, total: number): number | undefined {
  if (total <= 0) return undefined;
  return Math.min(100, Math.round((done / total) * 100));
}
