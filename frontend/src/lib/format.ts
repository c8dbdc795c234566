/** formatDateTime shows an RFC 3339 time in the user's locale, or "" for blanks. */
export function formatDateTime(iso: string, locale?: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** plural("billing code", 3) → "3 billing codes". */
export function plural(noun: string, n: number): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
