import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useTimeZone } from '../../ui/useBroker';
import { useLeadCalls } from '../api';
import { safeUrl } from '../../ui/safeUrl';
import { formatDuration } from '../../ui/time';
import { Section, SectionBody } from './Section';

/** The lead's voice calls, newest first: outcome, summary, transcript and recording. */
export function CallsCard({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const calls = useLeadCalls(leadId);
  return (
    <Section title={t('detail.calls')} id="lead-calls" testId="lead-calls">
      <SectionBody query={calls} lines={2}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('detail.noCalls')}</p>
          ) : (
            <ul className="plain-list">
              {page.items.map((call) => {
                const recording = safeUrl(call.recordingUrl);
                return (
                  <li key={call.id} className="call" data-testid="call">
                    <div className="call-head">
                      <span className="badge">
                        {t(`detail.callStatus.${call.status}`, { defaultValue: call.status })}
                      </span>
                      <span className="muted small">{t('detail.attempt', { n: call.attempt })}</span>
                      <time className="muted small" dateTime={call.startedAt ?? call.createdAt}>
                        {formatDateTime(call.startedAt ?? call.createdAt, timeZone, i18n.language)}
                      </time>
                      {call.durationSeconds > 0 && (
                        <span className="muted small">
                          {t('detail.duration')}: {formatDuration(call.durationSeconds * 1000)}
                        </span>
                      )}
                    </div>
                    {call.endedReason && <div className="muted small">{call.endedReason}</div>}
                    {call.summary && (
                      <p className="call-summary">
                        <strong>{t('detail.summary')}:</strong> {call.summary}
                      </p>
                    )}
                    {call.transcript && (
                      <details>
                        <summary>{t('detail.transcript')}</summary>
                        <pre className="transcript">{call.transcript}</pre>
                      </details>
                    )}
                    {recording && (
                      <div className="recording">
                        <audio controls preload="none" src={recording} aria-label={t('detail.recording')} />
                        <a href={recording} target="_blank" rel="noopener noreferrer" className="small">
                          {t('detail.download')}
                        </a>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </SectionBody>
    </Section>
  );
}
