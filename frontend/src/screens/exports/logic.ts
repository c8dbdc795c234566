// Pure helpers of the Exports screen, tested in logic.test.ts.

/** A format as Go's Exports.Formats lists it. */
export interface FormatChoice {
  value: string;
  label: string;
  description: string;
  ledger: boolean;
}

/** The formats offered before Go's list has arrived (and in tests). */
export const fallbackFormats: FormatChoice[] = [
  { value: "csv", label: "CSV", description: "", ledger: false },
  { value: "xlsx", label: "Excel workbook", description: "", ledger: false },
];

/** One currency of a ledger file's totals, as Go sends them. */
export interface LedgerCurrency {
  currency: string;
  invoices: number;
  credits: number;
  net: string;
  tax: string;
  gross: string;
  autotaskGross: string;
}

/** totalsLine describes a ledger file's currency against Autotask's totals. */
export function totalsLine(c: LedgerCurrency): string {
  const docs = `${c.invoices} invoice${c.invoices === 1 ? "" : "s"}` + (c.credits ? `, ${c.credits} credit${c.credits === 1 ? "" : "s"}` : "");
  const same = c.gross === c.autotaskGross;
  return `${c.currency}: ${docs} · net ${c.net} · tax ${c.tax} · gross ${c.gross} ${same ? "= Autotask" : `≠ Autotask ${c.autotaskGross}`}`;
}

/** leftOutLine says what the problems keep out of a ledger file. */
export function leftOutLine(invoices: number, items: number): string {
  if (invoices === 0) return "";
  return `${invoices} invoice${invoices === 1 ? "" : "s"} (${items} item${items === 1 ? "" : "s"}) left out until fixed; they stay unexported, so the next export picks them up.`;
}

/** exportLabel is the export button's text. */
export function exportLabel(ledger: boolean, items: number, documents: number): string {
  if (!ledger) return `Export ${items} items`;
  return `Write the file: ${documents} document${documents === 1 ? "" : "s"}`;
}

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
