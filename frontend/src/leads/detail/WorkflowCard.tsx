import { useTranslation } from 'react-i18next';
import { StageBadge } from '../../ui/Badges';
import { formatDateTime } from '../../ui/format';
import { useTimeZone } from '../../ui/useBroker';
import { useDashboardConfig, useStageHistory } from '../api';
import type { LeadDetail } from '../types';
import { useAgentName } from '../useAgentName';
import { Countdown } from './Countdown';
import { Section, SectionBody } from './Section';

/** The Temporal Web UI's page of the lead's workflow, when its address is configured (TEMPORAL_UI_URL). */
export function temporalLink(uiUrl: string | null | undefined, namespace: string, workflowId: string): string | null {
  if (!uiUrl || !/^https?:\/\//i.test(uiUrl)) return null;
  return `${uiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace || 'default')}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * What the lead's workflow is doing: the next thing it will do on its own and when (ticking), calls it will
 * retry, how many follow-ups went out, what is queued, and every stage it went through with times and reasons.
 */
export function WorkflowCard({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const history = useStageHistory(lead.id);
  const config = useDashboardConfig();
  const agentName = useAgentName();
  const live = lead.live;
  const next = live
    ? live.nextAction
    : lead.nextAction && lead.nextActionAt
      ? { kind: lead.nextAction, at: lead.nextActionAt }
      : null;
  const link = temporalLink(config.data?.temporalUiUrl, config.data?.temporalNamespace ?? 'default', lead.workflowId);

  return (
    <Section
      title={t('detail.workflow')}
      id="lead-workflow"
      testId="lead-workflow"
      actions={
        link ? (
          <a
            className="btn small ghost"
            href={link}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="temporal-link"
          >
            {t('detail.temporal')} ↗
          </a>
        ) : null
      }
    >
      {!live && (
        <p className="muted small" data-testid="no-live">
          {t('detail.noLive')}
        </p>
      )}
      <dl className="fields workflow-facts">
        <div className="field wide" data-testid="next-action">
          <dt>{t('detail.nextAction')}</dt>
          <dd>
            {next ? (
              <>
                <span>{t(`nextAction.${next.kind}`, { defaultValue: next.kind })}</span> <Countdown at={next.at} />
              </>
            ) : (
              t('detail.noNextAction')
            )}
          </dd>
        </div>
        {live && (live.nextCallAt || live.callAttempts > 0 || live.activeCallId) && (
          <div className="field wide" data-testid="pending-retries">
            <dt>{t('detail.retries')}</dt>
            <dd>
              {live.activeCallId && <div className="badge flag-human">{t('detail.callInProgress')}</div>}
              {live.nextCallAt && (
                <div>
                  {t('detail.nextCall')}: <Countdown at={live.nextCallAt} />
                </div>
              )}
              <div>
                {t('detail.callAttempts')}: <strong data-testid="call-attempts">{live.callAttempts}</strong>
                {live.lastCallStatus && (
                  <span className="muted">
                    {' '}
                    · {t('detail.lastCallStatus')}:{' '}
                    {t(`detail.callStatus.${live.lastCallStatus}`, { defaultValue: live.lastCallStatus })}
                  </span>
                )}
              </div>
            </dd>
          </div>
        )}
        {live && (
          <div className="field">
            <dt>{t('detail.followUps')}</dt>
            <dd>{live.followUpsSent}</dd>
          </div>
        )}
        {live && (live.pendingInbound > 0 || live.pendingOutbound > 0) && (
          <div className="field">
            <dt>{t('detail.pending')}</dt>
            <dd>{t('detail.pendingText', { inbound: live.pendingInbound, outbound: live.pendingOutbound })}</dd>
          </div>
        )}
        {live?.closeReason && (
          <div className="field wide">
            <dt>{t('detail.closeReason')}</dt>
            <dd>{live.closeReason}</dd>
          </div>
        )}
      </dl>

      <h3 className="subhead">{t('detail.stages')}</h3>
      <SectionBody query={history} lines={3}>
        {(moves) =>
          moves.length === 0 ? (
            <p className="muted">{t('detail.noStages')}</p>
          ) : (
            <ol className="timeline" data-testid="stage-history">
              {moves.map((m, i) => (
                <li key={`${m.to}-${m.at}-${i}`}>
                  <div className="timeline-head">
                    <StageBadge stage={m.to} />
                    <time dateTime={m.at} className="muted small">
                      {formatDateTime(m.at, timeZone, i18n.language)}
                    </time>
                  </div>
                  <div className="small">
                    {m.reason && <span>{m.reason}</span>}
                    {m.actor && <span className="muted"> · {t('detail.movedBy', { actor: agentName(m.actor) })}</span>}
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </SectionBody>
    </Section>
  );
}
