import type { ReactNode } from 'react';
import './charts.css';

export interface FunnelStep {
  key: string;
  label: string;
  value: number;
  /** a second line under the bar (how many are in the step now, a rate to the next one) */
  detail?: ReactNode;
}

/**
 * Horizontal bars, widest first: each step's width is its share of the first step. Plain HTML (a list),
 * so screen readers read the labels and numbers as they are, and it reflows on a phone.
 */
export function Funnel({ steps, label, testId }: { steps: FunnelStep[]; label: string; testId?: string }) {
  const top = Math.max(1, ...steps.map((s) => s.value));
  return (
    <ol className="funnel" aria-label={label} data-testid={testId}>
      {steps.map((step) => (
        <li key={step.key} className="funnel-step" data-step={step.key}>
          <div className="funnel-label">
            <span>{step.label}</span>
            <strong className="funnel-value">{step.value}</strong>
          </div>
          <div className="funnel-track" aria-hidden="true">
            <div
              className="funnel-bar"
              style={{ width: `${Math.max(step.value > 0 ? 2 : 0, (step.value / top) * 100)}%` }}
            />
          </div>
          {step.detail && <div className="funnel-detail muted">{step.detail}</div>}
        </li>
      ))}
    </ol>
  );
}
