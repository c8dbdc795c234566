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
  settings: { theme: "system", invoiceDraft: true } as app.SettingsDTO,
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

export async function setTheme(theme: string): Promise<void> {
  const settings = await attempt(() => Settings.Update({ theme }));
  if (settings) settingsStore.set((s) => ({ ...s, settings }));
}
