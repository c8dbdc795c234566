import * as Runs from "../../wailsjs/go/app/Runs";
import type { app } from "../../wailsjs/go/models";
import { attempt } from "./errors";
import { createStore } from "./store";

export type Run = app.RunDTO;
export type RunLine = app.RunLineDTO;

interface RunsState {
  loaded: boolean;
  includePreviews: boolean;
  runs: Run[];
  openRun: Run | null;
  lines: RunLine[];
}

export const runsStore = createStore<RunsState>({ loaded: false, includePreviews: false, runs: [], openRun: null, lines: [] });

export async function loadRuns(includePreviews = runsStore.get().includePreviews): Promise<void> {
  const runs = await attempt(() => Runs.List({ profileId: 0, includePreviews, limit: 1000 }));
  if (runs) runsStore.set((s) => ({ ...s, loaded: true, includePreviews, runs }));
}

export async function openRun(run: Run | null): Promise<void> {
  if (!run) {
    runsStore.set((s) => ({ ...s, openRun: null, lines: [] }));
    return;
  }
  const lines = await attempt(() => Runs.Lines(run.id));
  if (lines) runsStore.set((s) => ({ ...s, openRun: run, lines }));
}

/** recentRuns lists the newest sync runs (no previews) without touching the History screen's state. */
export async function recentRuns(limit = 20): Promise<Run[] | undefined> {
  return attempt(() => Runs.List({ profileId: 0, includePreviews: false, limit }));
}

/** runLines reads one run's lines without opening it on the History screen. */
export async function runLines(runId: number): Promise<RunLine[] | undefined> {
  return attempt(() => Runs.Lines(runId));
}
