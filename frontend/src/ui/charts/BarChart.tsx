import { useId } from 'react';
import './charts.css';

export interface Series {
  key: string;
  label: string;
  /** a CSS color or custom property, e.g. var(--brand-2) */
  color: string;
}

export interface Group {
  key: string;
  /** the x-axis label, short (a date) */
  label: string;
  values: Record<string, number>;
}

const HEIGHT = 180;
const AXIS = 22; // room for the x labels
const LEFT = 30; // room for the y labels

/** 1, 2, 5 × 10ⁿ: a round top for the y axis and its step. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

/**
 * Grouped vertical bars in SVG, sized by its container (viewBox), no chart library. The figure carries a
 * one-line summary for screen readers and the same numbers as a table, hidden but read.
 */
export function BarChart({
  groups,
  series,
  title,
  summary,
  headerLabel,
  testId,
}: {
  groups: Group[];
  series: Series[];
  title: string;
  summary: string;
  /** the table's first column header (e.g. "Week of") */
  headerLabel: string;
  testId?: string;
}) {
  const titleId = useId();
  const max = Math.max(0, ...groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0)));
  const { top, step } = niceScale(max);
  const width = Math.max(300, groups.length * 32 + LEFT);
  const slot = (width - LEFT) / Math.max(1, groups.length);
  const barWidth = Math.min(18, (slot - 6) / series.length);
  const y = (v: number) => HEIGHT - AXIS - (v / top) * (HEIGHT - AXIS - 8);
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const labelEvery = groups.length > 8 ? 2 : 1;

  return (
    <figure className="bar-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{`${title}. ${summary}`}</title>
        {ticks.map((tick) => (
          <g key={tick} className="bar-chart-grid">
            <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {groups.map((group, gi) => {
          const x0 = LEFT + gi * slot + (slot - barWidth * series.length) / 2;
          return (
            <g key={group.key} data-group={group.key}>
              {series.map((s, si) => {
                const value = group.values[s.key] ?? 0;
                return (
                  <rect
                    key={s.key}
                    data-series={s.key}
                    data-value={value}
                    x={x0 + si * barWidth}
                    y={y(value)}
                    width={Math.max(1, barWidth - 2)}
                    height={Math.max(0, HEIGHT - AXIS - y(value))}
                    rx={2}
                    style={{ fill: s.color }}
                  >
                    <title>{`${group.label} · ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {gi % labelEvery === (groups.length - 1) % labelEvery && (
                <text className="bar-chart-x" x={LEFT + gi * slot + slot / 2} y={HEIGHT - 6} textAnchor="middle">
                  {group.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="bar-chart-legend">
        {series.map((s) => (
          <span key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </span>
        ))}
      </figcaption>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{headerLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{g.values[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
