// Pure helpers of the Dashboard's bar chart, tested in chart.test.ts.
// Money arrives as decimal strings: totals are added exactly (BigInt);
// numbers are used only for the bars' geometry.

export interface ChartBar {
  key: string;
  label: string;
  billed: string;
  synced: string;
  paid: string;
}

export const series = [
  { id: "billed", label: "Billed" },
  { id: "synced", label: "Synced" },
  { id: "paid", label: "Paid" },
] as const;
export type SeriesId = (typeof series)[number]["id"];

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** niceStep is a round step (1, 2, 2.5 or 5 × 10ⁿ) that cuts range into about `count` parts. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

/** scaleFor spans every value and zero with round ticks; credit notes make values negative. */
export function scaleFor(values: number[], count = 4): Scale {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo === 0 && hi === 0) return { min: 0, max: 1, ticks: [0, 1] };
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 1e6; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min, max, ticks };
}

/** yOf is the vertical position of a value on a plot `height` high (0 at the top). */
export function yOf(value: number, s: Scale, height: number): number {
  return ((s.max - value) / (s.max - s.min)) * height;
}

/** barRect is a bar from the zero line to the value: its top and its height, never negative. */
export function barRect(value: number, s: Scale, height: number): { y: number; h: number } {
  const zero = yOf(0, s, height);
  const v = yOf(value, s, height);
  return { y: Math.min(zero, v), h: Math.abs(zero - v) };
}

/** groupThousands: "-1234567.5" → "-1,234,567.5", digits kept as they are. */
export function groupThousands(dec: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(dec.trim());
  if (!m) return dec;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** formatMoney: "1234.5", "USD" → "1,234.5 USD". */
export function formatMoney(dec: string, currency: string): string {
  return currency ? `${groupThousands(dec)} ${currency}` : groupThousands(dec);
}

/** formatTick writes an axis value briefly: 12500 → "12.5k", 2000000 → "2M". */
export function formatTick(n: number): string {
  const a = Math.abs(n);
  const short = (v: number, unit: string) => `${Number(v.toPrecision(3))}${unit}`;
  if (a >= 1e9) return short(n / 1e9, "B");
  if (a >= 1e6) return short(n / 1e6, "M");
  if (a >= 1e3) return short(n / 1e3, "k");
  return String(Number(n.toPrecision(3)));
}

/** sumDecimals adds decimal strings exactly; the result keeps the most decimals seen. */
export function sumDecimals(values: string[]): string {
  const parsed = values.map((v) => /^(-?)(\d+)(?:\.(\d+))?$/.exec(v.trim())).filter((m): m is RegExpExecArray => m !== null);
  const places = Math.max(0, ...parsed.map((m) => (m[3] ?? "").length));
  let total = 0n;
  for (const m of parsed) {
    const units = BigInt(m[2] + (m[3] ?? "").padEnd(places, "0"));
    total += m[1] === "-" ? -units : units;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(places + 1, "0");
  const int = digits.slice(0, digits.length - places);
  const frac = places ? `.${digits.slice(digits.length - places)}` : "";
  return `${neg ? "-" : ""}${int}${frac}`;
}

/** chartSummary is the chart's text alternative: what it shows, the totals and the largest group. */
export function chartSummary(title: string, bars: ChartBar[], currency: string): string {
  if (bars.length === 0) return `${title}: nothing synced yet.`;
  const totals = series.map((s) => `${s.label.toLowerCase()} ${formatMoney(sumDecimals(bars.map((b) => b[s.id])), currency)}`);
  let top = bars[0];
  for (const b of bars) if (Math.abs(Number(b.billed)) > Math.abs(Number(top.billed))) top = b;
  const span = bars.length > 1 ? `, ${bars[0].label} to ${bars[bars.length - 1].label}` : `, ${bars[0].label}`;
  return `${title}${span}. In total ${totals.join(", ")}. Most billed: ${top.label}, ${formatMoney(top.billed, currency)}.`;
}

/** shortLabel fits a customer's name under its bars. */
export function shortLabel(s: string, max = 12): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
