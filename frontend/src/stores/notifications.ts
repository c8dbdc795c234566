import { createStore } from "./store";

// Notifications are sync failures the user has not dismissed: each says
// which invoice failed and why, and offers View (the run line in History)
// and Retry. Dismissed ones are remembered, so a reload does not bring them back.

export interface Notice {
  /** runId:invoiceId */
  id: string;
  profileId: number;
  runId: number;
  invoiceId: number;
  invoiceNumber: string;
  message: string;
  state: "open" | "retrying" | "fixed" | "still failing";
  /** What the last retry said. */
  outcome: string;
}

export interface FailedLine {
  invoiceId: number;
  invoiceNumber: string;
  status: string;
  message: string;
}

export const notificationsStore = createStore<Notice[]>([]);

const dismissedKey = "billbridge.dismissedNotices";

function dismissed(): Set<string> {
  try {
    return new Set(JSON.parse(window.localStorage.getItem(dismissedKey) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

export function noticeId(runId: number, invoiceId: number): string {
  return `${runId}:${invoiceId}`;
}

/** notifyFailures adds a notice for each failed line of a run that is neither shown nor dismissed. */
export function notifyFailures(profileId: number, runId: number, lines: FailedLine[]): void {
  const gone = dismissed();
  notificationsStore.set((list) => {
    const have = new Set(list.map((n) => n.id));
    const fresh = lines
      .filter((l) => l.status === "failed")
      .map((l) => ({ id: noticeId(runId, l.invoiceId), profileId, runId, invoiceId: l.invoiceId, invoiceNumber: l.invoiceNumber, message: l.message, state: "open" as const, outcome: "" }))
      .filter((n) => !have.has(n.id) && !gone.has(n.id));
    return fresh.length ? [...list, ...fresh] : list;
  });
}

export function dismissNotice(id: string): void {
  const gone = dismissed();
  gone.add(id);
  try {
    // Only the newest few hundred are worth remembering.
    window.localStorage.setItem(dismissedKey, JSON.stringify([...gone].slice(-500)));
  } catch {
    /* storage full or off: the notice only comes back after a reload */
  }
  notificationsStore.set((list) => list.filter((n) => n.id !== id));
}

export function updateNotice(id: string, patch: Partial<Notice>): void {
  notificationsStore.set((list) => list.map((n) => (n.id === id ? { ...n, ...patch } : n)));
}

/** invoiceLabel: "Invoice INV-12" or "Autotask invoice id 7". */
export function invoiceLabel(n: { invoiceNumber: string; invoiceId: number }): string {
  return n.invoiceNumber ? `Invoice ${n.invoiceNumber}` : `Autotask invoice id ${n.invoiceId}`;
}

/** fixFor says what to do about a failed line; the ledger's own words are in the message. */
export function fixFor(message: string): string {
  const m = message.toLowerCase();
  if (/reconnect|token|unauthori[sz]ed|401/.test(m)) return "Reconnect the ledger in Connections, then Retry.";
  if (/rate limit|429|too many requests|unavailable|timeout|timed out|50[234]/.test(m)) return "The ledger was busy or unreachable: Retry in a few minutes.";
  if (/account|tax|item|mapping|code/.test(m)) return "Correct the mapping it names in Mappings (or the item or account in the ledger), then Retry.";
  if (/contact|customer|e-?mail/.test(m)) return "Correct the customer it names (in Autotask or the ledger), then Retry.";
  return "Correct what the ledger's message names, then Retry. Billbridge looks the invoice up first, so it is never created twice.";
}

/** viewHash opens the run line in History → Runs. */
export function viewHash(runId: number, invoiceId: number): string {
  return `#/history/runs/${runId}/${invoiceId}`;
}

/** parseRunHash reads "#/history/runs/12/345" (the line is optional). */
export function parseRunHash(hash: string): { runId: number; invoiceId: number } | null {
  const m = /^#\/?history\/runs\/(\d+)(?:\/(\d+))?/.exec(hash);
  return m ? { runId: Number(m[1]), invoiceId: m[2] ? Number(m[2]) : 0 } : null;
}
