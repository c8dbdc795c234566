import * as Schedule from "../../wailsjs/go/app/Schedule";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type ScheduleStatus = app.ScheduleDTO;

export const scheduleStore = createStore<ScheduleStatus | null>(null);

export async function loadSchedule(): Promise<void> {
  const st = await attempt(() => Schedule.Status());
  if (st) scheduleStore.set(st);
}

/** setSchedule pauses (enabled false) or resumes the automatic sync. */
export async function setSchedule(enabled: boolean, intervalMinutes: number): Promise<boolean> {
  const st = await attempt(() => Schedule.Set(enabled, intervalMinutes));
  if (st) scheduleStore.set(st);
  return st !== undefined;
}
