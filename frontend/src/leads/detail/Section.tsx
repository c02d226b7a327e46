import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '../../ui/States';

/** A card of the detail page with a heading. */
export function Section({
  title,
  id,
  children,
  actions,
  testId,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="card detail-section" aria-labelledby={id} data-testid={testId}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A section's own query: a skeleton of its size while loading, a short error with a reload (not "Reintentar",
 * which on this page is the failed step's retry) when it fails.
 */
export function SectionBody<T>({
  query,
  lines = 3,
  skeleton,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  lines?: number;
  /** a placeholder of the content's final size, when lines of text are not its shape */
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation('leads');
  if (query.isPending) return <>{skeleton ?? <Skeleton lines={lines} />}</>;
  if (query.data === undefined) {
    return (
      <div className="section-error" role="alert">
        <p>
          {t('detail.section.failed')}{' '}
          <span className="muted">{query.error instanceof Error ? query.error.message : ''}</span>
        </p>
        <button type="button" className="btn small" onClick={() => query.refetch()}>
          {t('detail.section.reload')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
