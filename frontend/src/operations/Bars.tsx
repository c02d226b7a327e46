import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** the value as read (money, ms), for the tooltip and the screen-reader summary */
  text: string;
}

/**
 * A small bar chart in SVG: no chart library for fourteen bars. The figures are in the table beside it;
 * the chart is labelled and each bar has a tooltip with its value.
 */
export function Bars({ title, bars, color = 'var(--brand-2)' }: { title: string; bars: Bar[]; color?: string }) {
  const id = useId();
  const width = 300;
  const height = 90;
  const max = Math.max(...bars.map((b) => b.value), 0);
  const slot = bars.length ? width / bars.length : width;
  const gap = Math.min(4, slot * 0.2);
  return (
    <figure className="bars">
      <figcaption id={id}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 14}`} role="img" aria-labelledby={id} preserveAspectRatio="none">
        {bars.map((bar, i) => {
          const h = max > 0 ? Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * height) : 0;
          return (
            <g key={bar.label} data-testid="bar" data-value={bar.value}>
              <title>{`${bar.label}: ${bar.text}`}</title>
              <rect x={i * slot + gap / 2} y={height - h} width={slot - gap} height={h} fill={color} rx={2} />
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} stroke="var(--line)" />
        {bars.length > 0 && (
          <>
            <text x={0} y={height + 12} fontSize={9} fill="var(--muted)">
              {bars[0].label}
            </text>
            <text x={width} y={height + 12} fontSize={9} fill="var(--muted)" textAnchor="end">
              {bars[bars.length - 1].label}
            </text>
          </>
        )}
      </svg>
    </figure>
  );
}
