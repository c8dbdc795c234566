import * as History from "../../wailsjs/go/app/History";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type AuditEntry = app.AuditEntryDTO;

export const historyStore = createStore<{ loaded: boolean; entries: AuditEntry[] }>({ loaded: false, entries: [] });

export async function loadHistory(limit = 1000): Promise<void> {
  const entries = await attempt(() => History.Recent(limit));
  if (entries) historyStore.set({ loaded: true, entries });
}
