// Pure helpers of the accounts-both-ways panel, tested in logic.test.ts.

export const directions = [
  { value: "to-ledger", label: "Autotask → Exact" },
  { value: "to-autotask", label: "Exact → Autotask" },
  { value: "both", label: "Both ways (the side changed last wins; conflicts listed)" },
] as const;

/** actionLabel names a run line's action for the table. */
export function actionLabel(action: string): string {
  switch (action) {
    case "link":
      return "Linked";
    case "create-ledger":
      return "Create in Exact";
    case "create-autotask":
      return "Create in Autotask";
    case "update-ledger":
      return "Update Exact";
    case "update-autotask":
      return "Update Autotask";
    case "conflict":
      return "Conflict";
    case "suggestion":
      return "Close name: check";
    case "problem":
      return "Needs you";
  }
  return action;
}

/** resultLine sums up a run or a dry run. */
export function resultLine(r: { done: number; failed: number; conflicts: number; problems: number; lines: { status: string }[] }, dryRun: boolean): string {
  if (dryRun) {
    const planned = r.lines.filter((l) => l.status === "planned").length;
    return `Dry run: ${planned} change${planned === 1 ? "" : "s"} would be made, ${r.conflicts} conflict${r.conflicts === 1 ? "" : "s"}, ${r.problems} waiting on you. Nothing was changed.`;
  }
  return `${r.done} done · ${r.failed} failed · ${r.conflicts} conflict${r.conflicts === 1 ? "" : "s"} · ${r.problems} waiting on you`;
}
