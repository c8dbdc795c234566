import { formatDateTime } from "../../lib/format";

export interface ScheduleView {
  enabled: boolean;
  intervalMinutes: number;
  nextRun: string;
  lastRun: string;
  lastError: string;
  running: boolean;
}

/** scheduleText says in one line what the automatic sync is doing. */
export function scheduleText(s: ScheduleView, locale?: string): string {
  if (s.running) return "Syncing now…";
  const parts: string[] = [];
  parts.push(s.enabled ? `Runs every ${intervalText(s.intervalMinutes)}; next at ${formatDateTime(s.nextRun, locale)}` : "Paused");
  if (s.lastRun) parts.push(`last run ${formatDateTime(s.lastRun, locale)}${s.lastError ? ` failed: ${s.lastError}` : " succeeded"}`);
  return parts.join(" · ");
}

export function intervalText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** validCap is the rule the Go side enforces: an amount from 0 to 10. */
export function capError(cap: string): string {
  if (!/^\d+(\.\d{1,4})?$/.test(cap.trim())) return "Enter an amount such as 0.05";
  if (Number(cap) > 10) return "Use at most 10.00";
  return "";
}
