import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

export interface Scale {
  /** The axis' end: the smallest "nice" number (1, 2 or 5 × 10ⁿ steps) at or above the largest value. */
  max: number;
  ticks: number[];
}

/**
 * A linear axis from 0 for values ≥ 0, in at most `count` + 1 steps of 1, 2, 2.5 or 5 × 10ⁿ, so the
 * gridlines fall on round figures; `integer` (counts of tickets) keeps the steps whole. All zeros
 * (or nothing) still give an axis of 0..1.
 */
export const niceScale = (values: readonly number[], { count = 4, integer = false }: { count?: number; integer?: boolean } = {}): Scale => {
  const largest = Math.max(0, ...values.filter(Number.isFinite));
  if (largest === 0) return { max: 1, ticks: [0, 1] };
  // The smallest round step that spans the largest value in at most `count` + 1 intervals.
  const magnitude = 10 ** Math.floor(Math.log10(largest / count));
  const candidates = [1, 2, 2.5, 5, 10, 20].map((m) => m * magnitude).map((s) => (integer ? Math.max(1, Math.ceil(s)) : s));
  // Less a hair, so 1.1 / 0.1 = 11.000000000000002 is 11 intervals, not 12.
  const intervals = (s: number) => Math.ceil(largest / s - 1e-9);
  const step = candidates.find((s) => intervals(s) <= count + 1) ?? candidates[candidates.length - 1];
  const max = Number((intervals(step) * step).toPrecision(12));
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1e9; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return { max, ticks };
};

const ROW = 28;
const LABEL = 110;
const WIDTH = 480;
const RIGHT = 70;

/**
 * A horizontal bar chart as SVG: `role="img"` named by its title (its parts hidden from screen
 * readers), with the same figures in a visually hidden table that screen readers read instead.
 * Horizontal bars keep long labels legible on a phone.
 */
export function BarChart({
  title,
  bars,
  format,
  colour = '#0072B2',
  integer = false,
}: {
  title: string;
  bars: readonly Bar[];
  format: (value: number) => string;
  colour?: string;
  /** Whole numbers only (counts): no gridline at 0.5. */
  integer?: boolean;
}) {
  const id = useId();
  const scale = niceScale(
    bars.map((b) => b.value),
    { integer },
  );
  const plot = WIDTH - LABEL - RIGHT;
  const x = (value: number) => LABEL + (Math.max(0, value) / scale.max) * plot;
  const height = Math.max(1, bars.length) * ROW + 24;
  return (
    <figure className="rounded-lg border border-slate-300 bg-white p-3">
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" role="img" aria-labelledby={`${id}-title`} data-max={scale.max}>
        <title id={`${id}-title`}>{title}</title>
        {scale.ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 20} stroke="#cbd5e1" />
            <text x={x(tick)} y={height - 6} fontSize={11} textAnchor="middle" fill="#334155">
              {format(tick)}
            </text>
          </g>
        ))}
        {bars.length === 0 ? (
          <text x={WIDTH / 2} y={ROW} textAnchor="middle" fontSize={13} fill="#334155">
            No data yet
          </text>
        ) : null}
        {bars.map((bar, i) => (
          <g key={bar.label} aria-hidden="true">
            <text x={LABEL - 6} y={i * ROW + ROW / 2 + 4} fontSize={12} textAnchor="end" fill="#0f172a">
              {bar.label}
            </text>
            <rect data-bar={bar.label} x={LABEL} y={i * ROW + 4} width={x(bar.value) - LABEL} height={ROW - 8} fill={colour} rx={2} />
            <text x={x(bar.value) + 4} y={i * ROW + ROW / 2 + 4} fontSize={12} fill="#0f172a">
              {format(bar.value)}
            </text>
          </g>
        ))}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {bars.length === 0 ? (
            <tr>
              <td>No data yet</td>
            </tr>
          ) : null}
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{format(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
