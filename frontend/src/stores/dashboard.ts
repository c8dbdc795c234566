import * as Dashboard from "../../wailsjs/go/app/Dashboard";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type Chart = app.ChartDTO;

export const dashboardStore = createStore<{ profileId: number; chart: Chart | null; loading: boolean }>({ profileId: 0, chart: null, loading: false });

/** loadChart reads billed vs synced vs paid for a profile from the sync journal. */
export async function loadChart(profileId: number): Promise<void> {
  if (!profileId) return;
  dashboardStore.set((s) => ({ ...s, profileId, loading: true, chart: s.profileId === profileId ? s.chart : null }));
  const chart = await attempt(() => Dashboard.Chart(profileId));
  dashboardStore.set((s) => (s.profileId === profileId ? { ...s, loading: false, chart: chart ?? s.chart } : s));
}
