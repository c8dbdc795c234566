// Pure helpers of the Exports screen, tested in logic.test.ts.

export const formats = [
  { id: "csv", label: "CSV (any spreadsheet)" },
  { id: "xlsx", label: "Excel workbook" },
  { id: "sage-xml", label: "Sage XML" },
  { id: "iif", label: "QuickBooks Desktop IIF" },
] as const;

/** validateRange returns what is wrong with the dates, or "". */
export function validateRange(from: string, to: string): string {
  const ok = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d));
  if (!ok(from) || !ok(to)) return "Pick the first and the last day.";
  if (from > to) return "The first day is after the last day.";
  return "";
}

/** fileHint says where the file goes: the path typed, or the exports folder. */
export function fileHint(path: string, folder: string, sep = folder.includes("\\") ? "\\" : "/"): string {
  const p = path.trim();
  if (p === "") return `A dated file in ${folder}`;
  if (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p)) return p;
  return `${folder}${sep}${p}`;
}
