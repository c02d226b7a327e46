import { describe, expect, it } from 'vitest';
import {
  addDays,
  clockOf,
  dayOf,
  instantAt,
  minutesOfDay,
  mondayOf,
  startOfDay,
  startOfDayIn,
  weekday,
} from './calendarTime';

describe('calendar time in a named zone', () => {
  it('reads an instant on the wall clock of the zone', () => {
    // 2026-03-02T13:00Z: 10:00 in Santiago (summer, UTC-3), 22:00 in Tokyo, 08:00 in New York
    expect(clockOf('2026-03-02T13:00:00Z', 'America/Santiago')).toBe('10:00');
    expect(clockOf('2026-03-02T13:00:00Z', 'Asia/Tokyo')).toBe('22:00');
    expect(dayOf('2026-03-01T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-02');
    expect(dayOf('2026-03-01T23:30:00Z', 'America/Santiago')).toBe('2026-03-01');
    expect(minutesOfDay('2026-07-01T14:30:00Z', 'America/Santiago')).toBe(10 * 60 + 30); // winter, UTC-4
  });

  it('finds the instant of a wall-clock time, across daylight-saving changes', () => {
    expect(instantAt('2026-03-02', 600, 'America/Santiago').toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(instantAt('2026-07-01', 600, 'America/Santiago').toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(startOfDay('2026-03-02', 'Asia/Tokyo').toISOString()).toBe('2026-03-01T15:00:00.000Z');
    // Chile skips from 00:00 to 01:00 on 2026-09-06: the day starts at 01:00 (UTC-3)
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // and repeats 23:00–24:00 on 2026-04-04: Sunday's midnight is the one after it (UTC-4)
    expect(startOfDay('2026-04-05', 'America/Santiago').toISOString()).toBe('2026-04-05T04:00:00.000Z');
    // Europe jumps at 02:00: 10:00 is after the jump
    expect(instantAt('2026-03-29', 600, 'Europe/Madrid').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(instantAt('2026-03-29', 60, 'Europe/Madrid').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it('counts days and weeks as calendar dates', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(weekday('2026-03-02')).toBe(1);
    expect(weekday('2026-03-08')).toBe(7);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
  });

  it('gives the start of a typed day as the api reads it, and nothing for what is not a day', () => {
    // Santiago turns its clocks back at the start of 2026-04-05 (24:00 -03 → 23:00 -04)…
    expect(startOfDayIn('2026-04-04', 'America/Santiago')).toBe('2026-04-04T03:00:00.000Z');
    expect(startOfDayIn('2026-04-05', 'America/Santiago')).toBe('2026-04-05T04:00:00.000Z');
    // …and skips 00:00–01:00 on 2026-09-06: that day starts at 01:00 -03
    expect(startOfDayIn('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDayIn('2026-09-07', 'America/Santiago')).toBe('2026-09-07T03:00:00.000Z');
    expect(startOfDayIn('2026-03-31', 'America/Santiago', 1)).toBe('2026-04-01T03:00:00.000Z');
    expect(startOfDayIn('not-a-date', 'America/Santiago')).toBeNull();
    expect(startOfDayIn('2026-13-01', 'America/Santiago')).toBeNull();
  });
});
