import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useTimeZone } from '../../ui/useBroker';
import { formatDuration, millis, useNow } from '../../ui/time';

/**
 * Time left until `at`, ticking every second ("en 4:59"), with the moment itself in the broker's time zone;
 * "ahora" once due (the workflow acts on it; the next refresh shows what comes after).
 */
export function Countdown({ at }: { at: string }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const now = useNow(1000);
  const target = millis(at);
  if (target === null) return null;
  const left = target - now;
  return (
    <span className="countdown" data-testid="countdown">
      <strong className="countdown-value" aria-live="off">
        {left <= 0 ? t('detail.dueNow') : t('detail.inTime', { time: formatDuration(left) })}
      </strong>{' '}
      <time className="muted small" dateTime={at}>
        ({formatDateTime(at, timeZone, i18n.language)})
      </time>
    </span>
  );
}
