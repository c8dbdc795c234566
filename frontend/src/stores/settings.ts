import * as Settings from "../../wailsjs/go/app/Settings";
import * as System from "../../wailsjs/go/app/System";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

interface SettingsState {
  loaded: boolean;
  settings: app.SettingsDTO;
  system: app.SystemInfo | null;
}

export const settingsStore = createStore<SettingsState>({
  loaded: false,
  settings: {
    theme: "system",
    invoiceDraft: true,
    autoSync: false,
    syncIntervalMinutes: 60,
    maxAgeDays: 45,
    lineMode: "standard",
    adjustmentCap: "0.05",
    ledgerNumbering: false,
    salesTaxAccount: "",
  } as app.SettingsDTO,
  system: null,
});

export async function loadSettings(): Promise<void> {
  const [settings, system] = await Promise.all([attempt(() => Settings.Get()), attempt(() => System.Info())]);
  settingsStore.set((s) => ({
    loaded: true,
    settings: settings ?? s.settings,
    system: system ?? s.system,
  }));
}

/** setTheme paints at once and saves; if saving fails the old theme comes back. */
export async function setTheme(theme: string): Promise<void> {
  const before = settingsStore.get().settings;
  settingsStore.set((s) => ({ ...s, settings: { ...s.settings, theme } as app.SettingsDTO }));
  const settings = await attempt(() => Settings.Update({ theme }));
  settingsStore.set((s) => ({ ...s, settings: settings ?? before }));
}

/** saveSupportBundle writes the support zip and returns where it is. */
export function saveSupportBundle(): Promise<string | undefined> {
  return attempt(() => System.SaveSupportBundle());
}

export type SyncDefaults = Pick<app.SettingsDTO, "invoiceDraft" | "maxAgeDays" | "lineMode" | "adjustmentCap" | "ledgerNumbering" | "salesTaxAccount">;

/** saveSyncDefaults stores the defaults every sync starts from. */
export async function saveSyncDefaults(d: SyncDefaults): Promise<boolean> {
  const settings = await attempt(() => Settings.Update(d));
  if (settings) settingsStore.set((s) => ({ ...s, settings }));
  return settings !== undefined;
}
