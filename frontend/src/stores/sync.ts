import * as Sync from "../../wailsjs/go/app/Sync";
import { EventsOn } from "../../wailsjs/runtime/runtime";
import { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";
import { notifyFailures } from "./notifications";

export type SyncForm = app.SyncInput;
export type Preview = app.PreviewDTO;
export type PreviewInvoice = app.PreviewInvoiceDTO;
export type SyncResult = app.SyncResultDTO;
export type RetryResult = app.RetryResultDTO;
/** The payload of the "sync:progress" event (app.ProgressDTO in Go). */
export interface Progress {
  phase: string;
  label: string;
  done: number;
  total: number;
}

interface SyncState {
  form: SyncForm;
  draft: boolean;
  previewing: boolean;
  preview: Preview | null;
  ticked: number[];
  sending: boolean;
  progress: Progress | null;
  result: SyncResult | null;
}

const emptyForm: SyncForm = { profileId: 0, thru: "", maxAgeDays: 60, ledgerNumbering: false, lineMode: "standard" };

export const syncStore = createStore<SyncState>({
  form: emptyForm,
  draft: true,
  previewing: false,
  preview: null,
  ticked: [],
  sending: false,
  progress: null,
  result: null,
});

let listening = false;

/** listenProgress subscribes once to the Go side's progress events. */
export function listenProgress(): void {
  if (listening) return;
  listening = true;
  try {
    EventsOn("sync:progress", (p: Progress) => syncStore.set((s) => (s.sending ? { ...s, progress: p } : s)));
  } catch {
    listening = false; // no Wails runtime (unit tests)
  }
}

export function setForm(patch: Partial<SyncForm>): void {
  syncStore.set((s) => ({ ...s, form: { ...s.form, ...patch }, preview: patch.profileId !== undefined && patch.profileId !== s.form.profileId ? null : s.preview }));
}

export async function loadDefaults(profileId: number): Promise<void> {
  const d = await attempt(() => Sync.Defaults(profileId));
  if (!d) return;
  syncStore.set((s) => ({
    ...s,
    draft: d.draft,
    form: { ...s.form, profileId, thru: d.thru, maxAgeDays: d.maxAgeDays, lineMode: d.lineMode },
    preview: s.form.profileId === profileId ? s.preview : null,
    result: s.form.profileId === profileId ? s.result : null,
  }));
}

export async function runPreview(): Promise<void> {
  const form = syncStore.get().form;
  syncStore.set((s) => ({ ...s, previewing: true }));
  const preview = await attempt(() => Sync.Preview(form));
  syncStore.set((s) => ({ ...s, previewing: false, preview: preview ?? s.preview, ticked: preview ? [] : s.ticked }));
}

export function setTicked(ids: number[]): void {
  syncStore.set((s) => ({ ...s, ticked: ids }));
}

/** send sends the ticked invoices, or every ready one when none is ticked. */
export async function send(): Promise<void> {
  const { form, ticked } = syncStore.get();
  syncStore.set((s) => ({ ...s, sending: true, progress: null, result: null }));
  const result = await attempt(() => Sync.Send(app.SendInput.createFrom({ options: form, invoiceIds: ticked })));
  // The preview is stale once anything was sent: the user previews again.
  syncStore.set((s) => ({ ...s, sending: false, progress: null, result: result ?? null, ticked: [], preview: result ? null : s.preview }));
  if (result) notifyFailures(form.profileId, result.runId, result.lines);
}

/** retryInvoice sends one invoice again (never a second copy of one the ledger has); undefined when the call failed. */
export async function retryInvoice(profileId: number, invoiceId: number): Promise<RetryResult | undefined> {
  return attempt(() => Sync.RetryInvoice(profileId, invoiceId));
}

export async function cancelSend(): Promise<void> {
  await attempt(() => Sync.Cancel());
}
