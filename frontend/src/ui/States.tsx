import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Grey placeholder blocks with the final layout's size, so content does not jump when it arrives. */
export function Skeleton({ lines = 3, height = 18 }: { lines?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-label={t('state.loading')}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" style={{ height }} />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <p className="empty-title">{title ?? t('state.empty')}</p>
      {children}
    </div>
  );
}

/** An error with the api's own explanation when it gave one, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="error-state" role="alert">
        <p className="empty-title">{t('state.notFound')}</p>
        <p>{t('state.notFoundText')}</p>
      </div>
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-state" role="alert">
      <p className="empty-title">{t('state.error')}</p>
      <p className="muted">{detail}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a React Query result's three states with one line at each page. */
export function QueryState<T>({
  query,
  skeleton,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <>{skeleton ?? <Skeleton />}</>;
  if (query.error || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
