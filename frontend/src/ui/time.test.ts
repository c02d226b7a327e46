import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { formatDuration, formatDurationUnit, millis, useNow } from './time';

afterEach(() => vi.useRealTimers());

describe('formatDuration', () => {
  it('reads a duration as a clock: m:ss, h:mm:ss, then days', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(185_000)).toBe('3:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(2 * 86_400_000 + 3_600_000)).toBe('2 d 01:00:00');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

describe('formatDurationUnit', () => {
  it('reads seconds, minutes and hours as a broker says them', () => {
    expect(formatDurationUnit(42, 'es')).toBe('42 s');
    expect(formatDurationUnit(150, 'es')).toBe('2,5 min');
    expect(formatDurationUnit(900, 'es')).toBe('15 min');
    expect(formatDurationUnit(5400, 'en')).toBe('1.5 hr');
    expect(formatDurationUnit(null, 'es')).toBe('—');
    expect(formatDurationUnit(Number.NaN, 'es')).toBe('—');
  });
});

describe('millis', () => {
  it('reads an instant, and nothing from what is absent or unreadable', () => {
    expect(millis('2026-03-02T13:05:00Z')).toBe(Date.UTC(2026, 2, 2, 13, 5));
    expect(millis(null)).toBeNull();
    expect(millis('')).toBeNull();
    expect(millis('mañana')).toBeNull();
  });
});

describe('useNow', () => {
  it('moves on every interval while mounted, and stops when unmounted', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 2, 2, 12, 0, 0));
    const { result, unmount } = renderHook(() => useNow(30_000));
    const start = result.current;
    expect(start).toBe(Date.UTC(2026, 2, 2, 12, 0, 0));

    act(() => vi.advanceTimersByTime(29_999));
    expect(result.current).toBe(start);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(start + 30_000);

    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
