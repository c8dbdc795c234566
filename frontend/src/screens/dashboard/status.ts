import { formatDateTime } from "../../lib/format";

export interface RunSummary {
  id: number;
  profileName: string;
  status: string;
  startedAt: string;
  sent: number;
  failed: number;
  blocked: number;
}

/** lastRunText says what the newest sync did, or that none ran yet. */
export function lastRunText(runs: RunSummary[], locale?: string): string {
  const r = runs[0];
  if (!r) return "No sync has run yet.";
  const when = formatDateTime(r.startedAt, locale);
  if (r.status === "failed") return `Run ${r.id} for ${r.profileName} on ${when} stopped with an error — open it in History.`;
  const waiting = r.blocked > 0 ? `, ${r.blocked} waiting on a fix` : "";
  const failed = r.failed > 0 ? `, ${r.failed} refused by the ledger` : "";
  return `Run ${r.id} for ${r.profileName} on ${when}: ${r.sent} sent${failed}${waiting}.`;
}
