/**
 * Calendar arithmetic in a named time zone with nothing but Intl: a visit sits on the broker's wall clock
 * (a Santiago broker's 10:00 is 10:00 on an agent's phone in Lima). Days are 'YYYY-MM-DD' strings, which
 * are time-zone free; instants are Dates.
 */

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in `timeZone`. */
export function wallTime(instant: Date | string, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' of an instant in `timeZone`. */
export function dayOf(instant: Date | string, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Minutes since the local midnight of an instant in `timeZone`. */
export function minutesOfDay(instant: Date | string, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/** 'HH:mm' of an instant in `timeZone`. */
export function clockOf(instant: Date | string, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

function offsetMs(utcMs: number, timeZone: string): number {
  const w = wallTime(new Date(utcMs), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant the wall clock of `timeZone` reads `day` at `minutes` past midnight. A time skipped by a
 * daylight-saving jump lands just after it; a repeated one, on its first occurrence.
 */
export function instantAt(day: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  const first = offsetMs(guess - 12 * 3_600_000, timeZone); // the offset before any jump that day
  let at = guess - first;
  const second = offsetMs(at, timeZone);
  if (second !== first) {
    const retry = guess - second;
    at = offsetMs(retry, timeZone) === second ? retry : at;
  }
  return new Date(at);
}

/** The local midnight starting `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  return instantAt(day, 0, timeZone);
}

/**
 * The instant a day typed as `YYYY-MM-DD` (plus `plusDays`) starts in `timeZone`, as the api reads it (ISO),
 * or null for anything that is not a day. A broker's "created on the 3rd" is the 3rd in Santiago, wherever
 * the agent's phone is.
 */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): string | null {
  return isDay(day) ? startOfDay(addDays(day, plusDays), timeZone).toISOString() : null;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of `day`'s week. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekday(day));
}

export function isDay(value: string | null): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
