import { useEffect, useState } from 'react';

/** The current time, re-rendering every `intervalMs` while mounted (countdowns, waiting clocks). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A duration as m:ss, h:mm:ss, or "2 d 03:10:00" past a day. Negative durations are 0. */
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

/** The instant `iso` as milliseconds, or null when absent or unreadable. */
export function millis(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : t;
}

/** The UTC offset of `timeZone` at `at`, in ms (wall time minus UTC). */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in `timeZone`, ISO; null for anything else. A broker's
 * "created on the 3rd" is the 3rd in Santiago, wherever the agent's phone is.
 */
export function startOfDayIn(date: string, timeZone: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  if (Number.isNaN(guess)) return null;
  const day = new Date(guess).toISOString().slice(0, 10);
  // the offsets half a day either side: they differ only on a DST change, when midnight is repeated or skipped
  const candidates = [
    ...new Set([guess - offsetAt(guess - 43_200_000, timeZone), guess - offsetAt(guess + 43_200_000, timeZone)]),
  ].sort((a, b) => a - b);
  // the first instant whose local day is the one asked for (after a skipped midnight: 01:00)
  const at =
    candidates.find((c) => dayIn(new Date(c).toISOString(), timeZone) === day) ?? candidates[candidates.length - 1];
  return new Date(at).toISOString();
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** 0 under 15 min, 1 from 15, 2 from 30, 3 from 60: the workflow reminds, alerts, then gives the lead back. */
export function clockLevel(elapsedMs: number): 0 | 1 | 2 | 3 {
  const minutes = elapsedMs / 60_000;
  if (minutes >= 60) return 3;
  if (minutes >= 30) return 2;
  if (minutes >= 15) return 1;
  return 0;
}
