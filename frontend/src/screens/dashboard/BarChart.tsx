import { barRect, chartSummary, formatMoney, formatTick, scaleFor, series, shortLabel, yOf, type ChartBar } from "./chart";

const W = 640;
const H = 220;
const left = 48;
const bottom = 28;
const top = 8;

// BarChart draws billed, synced and paid side by side for each group, in
// plain SVG. Screen readers get a summary and the numbers as a table.
export function BarChart({ title, bars, currency }: { title: string; bars: ChartBar[]; currency: string }) {
  const plotH = H - top - bottom;
  const scale = scaleFor(bars.flatMap((b) => series.map((s) => Number(b[s.id]))));
  const groupW = (W - left) / Math.max(bars.length, 1);
  const barW = Math.min(18, (groupW - 8) / 3);
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>
        <span className="legend" aria-hidden="true">
          {series.map((s) => (
            <span key={s.id} className={`key ${s.id}`}>
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chartSummary(title, bars, currency)} preserveAspectRatio="xMidYMid meet">
        <g transform={`translate(0 ${top})`}>
          {scale.ticks.map((t) => (
            <g key={t}>
              <line className={t === 0 ? "axis" : "grid"} x1={left} x2={W} y1={yOf(t, scale, plotH)} y2={yOf(t, scale, plotH)} />
              <text className="tick" x={left - 6} y={yOf(t, scale, plotH) + 4} textAnchor="end">
                {formatTick(t)}
              </text>
            </g>
          ))}
          {bars.map((b, i) => {
            const x0 = left + i * groupW + (groupW - barW * 3) / 2;
            return (
              <g key={b.key}>
                {series.map((s, k) => {
                  const r = barRect(Number(b[s.id]), scale, plotH);
                  return (
                    <rect key={s.id} className={`bar ${s.id}`} x={x0 + k * barW} y={r.y} width={Math.max(barW - 1, 1)} height={r.h}>
                      <title>{`${b.label} — ${s.label}: ${formatMoney(b[s.id], currency)}`}</title>
                    </rect>
                  );
                })}
                <text className="tick" x={left + i * groupW + groupW / 2} y={plotH + 16} textAnchor="middle">
                  {shortLabel(b.label)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <table className="sr-only">
        <caption>{`${title} (${currency})`}</caption>
        <thead>
          <tr>
            <th scope="col">{title.includes("customer") ? "Customer" : "Month"}</th>
            {series.map((s) => (
              <th scope="col" key={s.id}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              {series.map((s) => (
                <td key={s.id}>{formatMoney(b[s.id], currency)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
