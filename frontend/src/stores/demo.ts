import * as Demo from "../../wailsjs/go/app/Demo";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { loadProfiles } from "./profiles";
import { createStore } from "./store";

export const demoStore = createStore<{ starting: boolean; status: app.DemoStatus | null }>({ starting: false, status: null });

/** startDemo runs the simulated Autotask, Xero and Exact Online and connects the two demo profiles. */
export async function startDemo(): Promise<app.DemoStatus | undefined> {
  demoStore.set((s) => ({ ...s, starting: true }));
  const status = await attempt(() => Demo.Start());
  demoStore.set({ starting: false, status: status ?? null });
  if (status) await loadProfiles();
  return status;
}
