import { useEffect, useState } from 'react';
import { locale } from './format';

/** The current time, re-rendering every `intervalMs` while mounted (countdowns, waiting clocks, "now" lines). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A duration as a clock: m:ss, h:mm:ss, or "2 d 03:10:00" past a day. Negative durations are 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (h > 0) return `${h}:${pad(m)}:${pad(s)}`;
  return `${m}:${pad(s)}`;
}

/** 12 s, 4 min, 1.5 h: a duration in its largest unit, as a broker reads a response time. */
export function formatDurationUnit(seconds: number | null | undefined, language: string): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '—';
  const unit = (value: number, name: 'second' | 'minute' | 'hour', digits: number) =>
    new Intl.NumberFormat(locale(language), {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: digits,
    }).format(value);
  if (seconds < 60) return unit(Math.round(seconds), 'second', 0);
  if (seconds < 3600) return unit(seconds / 60, 'minute', seconds < 600 ? 1 : 0);
  return unit(seconds / 3600, 'hour', 1);
}

/** The instant `iso` as milliseconds, or null when absent or unreadable. */
export function millis(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : t;
}
