import { notificationsStore, notifyFailures, updateNotice, type Notice } from "./notifications";
import { recentRuns, runLines, type Run } from "./runs";
import { retryInvoice } from "./sync";

// Failed invoices of sync runs become notifications: those of a send in
// this window at once (sync.ts), those of the automatic sync or an earlier
// session when the newest runs are checked, on start and every minute.

/** newestPerProfile keeps each profile's newest sync run that failed something: a later run that sent it clears it. */
export function newestFailedRuns(runs: Run[]): Run[] {
  const seen = new Set<number>();
  const out: Run[] = [];
  for (const r of runs) {
    if (seen.has(r.profileId)) continue;
    seen.add(r.profileId);
    if (r.kind === "sync" && r.failed > 0) out.push(r);
  }
  return out;
}

export async function checkFailures(): Promise<void> {
  const runs = await recentRuns(20);
  if (!runs) return;
  for (const r of newestFailedRuns(runs)) {
    const lines = await runLines(r.id);
    if (lines) notifyFailures(r.profileId, r.id, lines);
  }
}

/** watchFailures checks now and every minute; it returns the stop function. */
export function watchFailures(everyMs = 60000): () => void {
  void checkFailures();
  const t = window.setInterval(() => void checkFailures(), everyMs);
  return () => window.clearInterval(t);
}

/** retryNotice retries the notice's invoice and says how it went on the notice. */
export async function retryNotice(n: Notice): Promise<void> {
  updateNotice(n.id, { state: "retrying", outcome: "" });
  const res = await retryInvoice(n.profileId, n.invoiceId);
  if (!notificationsStore.get().some((x) => x.id === n.id)) return; // dismissed meanwhile
  if (!res) {
    updateNotice(n.id, { state: "still failing", outcome: "The retry could not run; the message above the page says why." });
    return;
  }
  const ok = res.outcome === "created" || res.outcome === "exists" || res.outcome === "replaced";
  updateNotice(n.id, { state: ok ? "fixed" : "still failing", outcome: res.message });
}
