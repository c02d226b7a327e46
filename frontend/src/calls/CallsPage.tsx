import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, ErrorState } from '../ui/States';
import { formatDateTime } from '../ui/format';
import { safeUrl } from '../ui/safeUrl';
import { formatDuration } from '../ui/time';
import { useTimeZone } from '../ui/useBroker';
import type { CallPage, CallRow } from '../leads/types';

export type { CallPage, CallRow };
import { useAgents } from '../leads/api';
import './calls.css';

export const OUTCOMES = ['COMPLETED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED', 'CANCELED', 'IN_PROGRESS'] as const;
const PAGE = 25;

function CallDetails({ call, id }: { call: CallRow; id: string }) {
  const { t } = useTranslation();
  const recording = safeUrl(call.recordingUrl);
  return (
    <div className="call-details" id={id}>
      <section>
        <h3>{t('calls:summary')}</h3>
        <p className="call-text">{call.summary || <span className="muted">{t('calls:noSummary')}</span>}</p>
        {call.endedReason && (
          <p className="muted small">
            {t('calls:endedReason')}: {call.endedReason}
          </p>
        )}
        {call.providerCallId && (
          <p className="muted small">
            {t('calls:providerCallId')}: <code>{call.providerCallId}</code>
          </p>
        )}
      </section>
      <section>
        <h3>{t('calls:recording')}</h3>
        {recording ? (
          <>
            <audio controls preload="none" src={recording} className="call-audio" />
            <p className="small">
              <a href={recording} target="_blank" rel="noreferrer noopener">
                {t('calls:openRecording')}
              </a>
            </p>
          </>
        ) : (
          <p className="muted">{t('calls:noRecording')}</p>
        )}
      </section>
      <section className="call-transcript-section">
        <h3>{t('calls:transcript')}</h3>
        {call.transcript ? (
          <pre className="call-transcript" tabIndex={0}>
            {call.transcript}
          </pre>
        ) : (
          <p className="muted">{t('calls:noTranscript')}</p>
        )}
      </section>
    </div>
  );
}

/**
 * The calls: newest first, filtered by outcome (and by agent for an admin), each row opening its summary,
 * recording and transcript. Filters and page live in the address; call_status events refresh the list.
 */
export default function CallsPage() {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const agents = useAgents();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<Set<string>>(() => new Set());

  const statuses = params.getAll('status').filter((s) => (OUTCOMES as readonly string[]).includes(s));
  const agentId = agents.allowed ? (params.get('agent') ?? '') : '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = { status: statuses, agentId: agentId || undefined, limit: PAGE, offset };
  const calls = useQuery({
    queryKey: queryKeys.callList(query),
    queryFn: ({ signal }) => api<CallPage>('/api/v1/calls', { query: query as Query, signal }),
    placeholderData: (previous) => previous,
  });

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('offset');
    setParams(next, { replace: true });
  };
  const toggle = (outcome: string) =>
    update((next) => {
      const now = new Set(statuses);
      if (now.has(outcome)) now.delete(outcome);
      else now.add(outcome);
      next.delete('status');
      OUTCOMES.filter((o) => now.has(o)).forEach((o) => next.append('status', o));
    });
  const page = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    setParams(next, { replace: true });
  };
  const flip = (id: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const data = calls.data;
  return (
    <div className="calls-page">
      <PageHeader title={t('calls:title')}>
        <p className="muted">{t('calls:subtitle')}</p>
      </PageHeader>

      <div className="calls-filters">
        <div className="chips" role="group" aria-label={t('calls:outcomes')}>
          <button
            type="button"
            className={`chip ${statuses.length === 0 ? 'on' : ''}`}
            aria-pressed={statuses.length === 0}
            onClick={() => update((next) => next.delete('status'))}
          >
            {t('calls:all')}
          </button>
          {OUTCOMES.map((outcome) => (
            <button
              key={outcome}
              type="button"
              className={`chip outcome-${outcome.toLowerCase()} ${statuses.includes(outcome) ? 'on' : ''}`}
              aria-pressed={statuses.includes(outcome)}
              onClick={() => toggle(outcome)}
            >
              {t(`calls:outcome.${outcome}`)}
            </button>
          ))}
        </div>
        {agents.allowed && (
          <label>
            {t('calls:agent')}
            <select
              value={agentId}
              onChange={(e) =>
                update((next) => (e.target.value ? next.set('agent', e.target.value) : next.delete('agent')))
              }
            >
              <option value="">{t('calls:allAgents')}</option>
              {agents.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>

      {calls.error && !data ? (
        <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
      ) : (
        <div className="table-wrap" aria-busy={calls.isFetching}>
          <table className="data calls-table">
            <thead>
              <tr>
                <th scope="col">{t('calls:col.when')}</th>
                <th scope="col">{t('calls:col.lead')}</th>
                <th scope="col">{t('calls:col.outcome')}</th>
                <th scope="col">{t('calls:col.duration')}</th>
                <th scope="col" className="hide-narrow">
                  {t('calls:col.attempt')}
                </th>
                <th scope="col" className="hide-narrow">
                  {t('calls:col.provider')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('calls:col.details')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {!data ? (
                Array.from({ length: 6 }, (_, i) => (
                  <tr key={i} aria-hidden="true">
                    <td colSpan={7}>
                      <div className="skeleton-line" style={{ height: 22 }} />
                    </td>
                  </tr>
                ))
              ) : data.items.length === 0 ? (
                <tr>
                  <td colSpan={7}>
                    <EmptyState title={statuses.length ? t('calls:emptyFiltered') : t('calls:empty')} />
                  </td>
                </tr>
              ) : (
                data.items.map((call) => {
                  const name = call.leadName?.trim() || t('calls:unnamed');
                  const expanded = open.has(call.id);
                  const detailsId = `call-${call.id}`;
                  return (
                    <Fragment key={call.id}>
                      <tr data-testid="call-row" data-call-id={call.id} data-status={call.status}>
                        <td className="nowrap">
                          {formatDateTime(call.startedAt ?? call.createdAt, timeZone, i18n.language)}
                        </td>
                        <td>
                          <Link to={`/leads/${call.leadId}`}>{name}</Link>
                        </td>
                        <td>
                          <span className={`badge outcome outcome-${call.status.toLowerCase()}`}>
                            {t(`calls:outcome.${call.status}`, { defaultValue: call.status })}
                          </span>
                        </td>
                        <td className="nowrap">{formatDuration(call.durationSeconds * 1000)}</td>
                        <td className="hide-narrow">{t('calls:attempt', { n: call.attempt })}</td>
                        <td className="hide-narrow">{call.provider ?? '—'}</td>
                        <td>
                          <button
                            type="button"
                            className="btn small ghost"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            aria-label={t(expanded ? 'calls:hideFor' : 'calls:showFor', { name })}
                            onClick={() => flip(call.id)}
                          >
                            {expanded ? t('calls:hide') : t('calls:show')}
                          </button>
                        </td>
                      </tr>
                      {expanded && (
                        <tr className="call-details-row">
                          <td colSpan={7}>
                            <CallDetails call={call} id={detailsId} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      )}

      {data && data.total > PAGE && (
        <nav className="pager" aria-label={t('calls:title')}>
          <button
            type="button"
            className="btn small"
            disabled={offset === 0}
            onClick={() => page(Math.max(0, offset - PAGE))}
          >
            {t('state.previous')}
          </button>
          <span className="muted">
            {t('calls:range', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}
          </span>
          <button
            type="button"
            className="btn small"
            disabled={offset + PAGE >= data.total}
            onClick={() => page(offset + PAGE)}
          >
            {t('state.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
