/**
 * Dates and numbers as the broker reads them: in the broker's time zone (a Santiago broker sees
 * Santiago times wherever the agent's phone is), in the dashboard's language.
 */
export function locale(language: string): string {
  return language === 'en' ? 'en-US' : 'es-CL';
}

export function formatDateTime(iso: string | null | undefined, timeZone: string, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone,
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatDate(iso: string | null | undefined, timeZone: string, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone,
    weekday: 'short',
    day: '2-digit',
    month: 'short',
  }).format(new Date(iso));
}

export function formatTime(iso: string | null | undefined, timeZone: string, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(language), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "in 4 min", "hace 2 h": for countdowns and ages. `now` is injectable for tests. */
export function formatRelative(iso: string | null | undefined, language: string, now: number = Date.now()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale(language), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** A countdown as mm:ss or h:mm:ss; "0:00" once due. */
export function formatCountdown(iso: string, now: number = Date.now()): string {
  const total = Math.max(0, Math.floor((new Date(iso).getTime() - now) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function formatNumber(value: number | null | undefined, language: string, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(ratio: number | null | undefined, language: string): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

export function formatMoney(value: number | null | undefined, language: string, currency = 'CLP'): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    value,
  );
}
