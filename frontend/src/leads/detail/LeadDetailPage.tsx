import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/AuthProvider';
import { useLiveEvent } from '../../live/LiveEvents';
import { StageBadge, StatusBadge } from '../../ui/Badges';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorState, Skeleton } from '../../ui/States';
import { useTimeZone } from '../../ui/useBroker';
import { Composer } from '../../conversations/Composer';
import { Conversation } from '../../conversations/Conversation';
import type { ChatMessage } from '../../conversations/types';
import { useLead, useLeadAction, useLeadMessages } from '../api';
import { LeadFlags } from '../LeadFlags';
import { formatDuration, millis, useNow } from '../../ui/time';
import { clockLevel } from '../clock';
import type { LeadDetail } from '../types';
import { useAgentName } from '../useAgentName';
import { AssignDialog } from './AssignDialog';
import { CallsCard } from './CallsCard';
import { ProfileCard } from './ProfileCard';
import { ScoreCard } from './ScoreCard';
import { Section, SectionBody } from './Section';
import { StageDialog } from './StageDialog';
import { VisitsCard } from './VisitsCard';
import { WorkflowCard } from './WorkflowCard';
import { LeadTasksCard } from '../../tasks/LeadTasksCard';
import '../leads.css';
import './detail.css';

/** `/leads/:id`: everything about one lead, live, and what an agent can do to it. */
export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  useAppendLiveMessages(id);

  if (lead.isPending) return <DetailSkeleton />;
  if (!lead.data) {
    return (
      <div className="lead-detail" data-testid="lead-error">
        <BackLink />
        <ErrorState error={lead.error} onRetry={() => lead.refetch()} />
      </div>
    );
  }
  return <LeadDetailView lead={lead.data} />;
}

/** A message event carries the message: it shows at once, before the refetch the event also triggers. */
function useAppendLiveMessages(id: string) {
  const queryClient = useQueryClient();
  useLiveEvent((event) => {
    if (event.type !== 'message' || event.leadId !== id || !event.data) return;
    const message = event.data as unknown as ChatMessage;
    if (!message.id || typeof message.body !== 'string') return;
    queryClient.setQueryData<ChatMessage[]>(queryKeys.leadMessages(id), (old) =>
      old && !old.some((m) => m.id === message.id) ? [...old, message] : old,
    );
  });
}

function BackLink() {
  const { t } = useTranslation('leads');
  return (
    <Link to="/leads" className="back-link">
      ← {t('detail.back')}
    </Link>
  );
}

function LeadDetailView({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const humanMode = lead.live ? lead.live.humanMode : lead.humanMode;
  const stage = lead.live?.stage ?? lead.stage;
  const name = lead.live?.fields?.name ?? lead.name;

  return (
    <div data-testid="lead-detail" className="lead-detail">
      <BackLink />
      <header className="detail-header">
        <div className="detail-title">
          <h1 data-testid="lead-name">{name || t('unnamed')}</h1>
          <div className="detail-badges">
            <span data-testid="lead-stage" data-stage={stage}>
              <StageBadge stage={stage} />
            </span>
            <StatusBadge status={lead.live?.score?.status ?? lead.status} />
            <span className="badge">{tc(`channel.${lead.channel}`, { defaultValue: lead.channel })}</span>
            <LeadFlags lead={{ ...lead, humanMode }} />
          </div>
        </div>
        <HeaderActions lead={lead} humanMode={humanMode} stage={stage} />
      </header>

      {humanMode && <HumanModeBanner lead={lead} />}
      {lead.live?.failedStep ? (
        <FailedStepPanel lead={lead} />
      ) : (
        lead.needsAttention &&
        lead.attentionReason && (
          <div className="banner danger" role="status">
            <strong>{t('detail.attention')}:</strong> <span>{lead.attentionReason}</span>
          </div>
        )
      )}
      {(lead.live?.optedOut ?? lead.optedOut) && <div className="banner muted-banner">{t('detail.optedOut')}</div>}
      {(lead.live?.unreachable ?? lead.unreachable) && (
        <div className="banner muted-banner">{t('detail.unreachable')}</div>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          <ConversationCard lead={lead} humanMode={humanMode} />
        </div>
        <div className="detail-side">
          <LeadTasksCard leadId={lead.id} />
          <WorkflowCard lead={lead} />
          <ScoreCard lead={lead} />
          <ProfileCard lead={lead} />
          <VisitsCard lead={lead} />
          <CallsCard leadId={lead.id} />
        </div>
      </div>
    </div>
  );
}

/** Take over / release, call now, change stage, won / lost, assign (admins). A refusal shows its reason. */
function HeaderActions({ lead, humanMode, stage }: { lead: LeadDetail; humanMode: boolean; stage: string }) {
  const { t } = useTranslation('leads');
  const { me } = useAuth();
  const action = useLeadAction(lead.id);
  const [dialog, setDialog] = useState<'stage' | 'WON' | 'LOST' | 'assign' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const manager = me?.role === 'ADMIN' || me?.role === 'SUPERADMIN';
  const closed = stage === 'WON' || stage === 'LOST';
  const heldByMe = humanMode && lead.live?.humanUserId === me?.id;

  const run = (a: Parameters<typeof action.mutate>[0], message?: string) => {
    setDone(null);
    action.mutate(a, { onSuccess: () => setDone(message ?? t('detail.done')) });
  };

  return (
    <div className="detail-actions">
      <div className="action-bar" role="group" aria-label={t('detail.actions')}>
        {humanMode ? (
          <>
            {!heldByMe && lead.live?.humanUserId == null && (
              <button
                type="button"
                className="btn primary"
                disabled={action.isPending}
                onClick={() => run({ kind: 'takeover' })}
              >
                {t('detail.takeOver')}
              </button>
            )}
            <button type="button" className="btn" disabled={action.isPending} onClick={() => run({ kind: 'release' })}>
              {t('detail.release')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={action.isPending}
            onClick={() => run({ kind: 'takeover' })}
          >
            {t('detail.takeOver')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={action.isPending}
          onClick={() => run({ kind: 'call' }, t('detail.calling'))}
        >
          {t('detail.callNow')}
        </button>
        <button type="button" className="btn" onClick={() => setDialog('stage')}>
          {t('detail.changeStage')}
        </button>
        {!closed && (
          <>
            <button type="button" className="btn" onClick={() => setDialog('WON')}>
              {t('detail.won')}
            </button>
            <button type="button" className="btn danger" onClick={() => setDialog('LOST')}>
              {t('detail.lost')}
            </button>
          </>
        )}
        {manager && (
          <button type="button" className="btn" onClick={() => setDialog('assign')}>
            {t('detail.assign')}
          </button>
        )}
      </div>
      <div className="action-feedback" aria-live="polite">
        {action.error ? (
          <p className="form-error" role="alert" data-testid="action-error">
            {action.error.message}
          </p>
        ) : done ? (
          <p className="muted small">{done}</p>
        ) : null}
      </div>
      {(dialog === 'stage' || dialog === 'WON' || dialog === 'LOST') && (
        <StageDialog
          leadId={lead.id}
          current={stage}
          preset={dialog === 'stage' ? undefined : dialog}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'assign' && <AssignDialog lead={lead} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** Human mode: who holds the conversation, since when, and how long the lead has waited for an answer. */
function HumanModeBanner({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation('leads');
  const { me } = useAuth();
  const timeZone = useTimeZone();
  const agentName = useAgentName();
  const now = useNow(1000);
  const live = lead.live;
  const holder = live?.humanUserId
    ? live.humanUserId === me?.id
      ? t('detail.heldByYou')
      : t('detail.heldBy', { name: agentName(live.humanUserId) })
    : t('detail.heldByNobody');
  const waiting = millis(live?.humanWaitingSince);
  return (
    <div className="banner human" data-testid="human-mode" role="status">
      <strong>{t('detail.humanBanner')}</strong>{' '}
      {live && (
        <span>
          {holder}
          {live.humanSince && (
            <> · {t('detail.since', { when: formatDateTime(live.humanSince, timeZone, i18n.language) })}</>
          )}
        </span>
      )}
      {waiting !== null && (
        <span className={`clock level-${clockLevel(now - waiting)}`} data-testid="human-waiting">
          {' '}
          · {t('detail.waiting', { time: formatDuration(now - waiting) })}
        </span>
      )}
    </div>
  );
}

/** A step that exhausted its retries, its error, and the operator's retry. */
function FailedStepPanel({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const retry = useLeadAction(lead.id);
  const failed = lead.live!.failedStep!;
  return (
    <section
      className="banner danger failed-step"
      data-testid="failed-step"
      role="alert"
      aria-labelledby="failed-step-title"
    >
      <div className="failed-text">
        <h2 id="failed-step-title">{t('detail.failedTitle')}</h2>
        <p>{t('detail.failedText', { step: failed.step })}</p>
        <pre className="failed-error">{failed.error}</pre>
        <p className="muted small">
          <time dateTime={failed.at} title={formatDateTime(failed.at, timeZone, i18n.language)}>
            {t('detail.failedAt', { when: formatRelative(failed.at, i18n.language) })}
          </time>
        </p>
        {retry.error && (
          <p className="form-error" data-testid="retry-error">
            {retry.error.message}
          </p>
        )}
      </div>
      <button
        type="button"
        className="btn primary"
        disabled={retry.isPending}
        onClick={() => retry.mutate({ kind: 'retry' })}
      >
        {t('detail.retry')}
      </button>
    </section>
  );
}

/** The conversation, live, and the human composer while the lead is in human mode. */
function ConversationCard({ lead, humanMode }: { lead: LeadDetail; humanMode: boolean }) {
  const { t } = useTranslation('conversations');
  const messages = useLeadMessages(lead.id);
  const send = useLeadAction(lead.id);
  return (
    <Section title={t('title')} id="lead-conversation">
      <SectionBody
        query={messages}
        skeleton={
          <div className="conversation conversation-skeleton">
            <Skeleton lines={6} height={40} />
          </div>
        }
      >
        {(list) => <Conversation messages={list} />}
      </SectionBody>
      {humanMode ? (
        <Composer
          pending={send.isPending}
          error={send.error?.message ?? null}
          onSend={(text, idempotencyKey) => send.mutateAsync({ kind: 'message', text, idempotencyKey })}
        />
      ) : (
        <p className="muted small composer-off">{t('aiActive')}</p>
      )}
    </Section>
  );
}

/** The page's layout while the lead loads: header, conversation and side cards at their final sizes. */
function DetailSkeleton() {
  return (
    <div className="lead-detail" aria-busy="true">
      <BackLink />
      <div className="detail-header">
        <div className="detail-title" style={{ width: 280 }}>
          <Skeleton lines={2} height={22} />
        </div>
      </div>
      <div className="detail-grid">
        <div className="detail-main card">
          <Skeleton lines={10} height={36} />
        </div>
        <div className="detail-side">
          <div className="card">
            <Skeleton lines={4} />
          </div>
          <div className="card">
            <Skeleton lines={3} />
          </div>
          <div className="card">
            <Skeleton lines={6} />
          </div>
        </div>
      </div>
    </div>
  );
}
