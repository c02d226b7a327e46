import { describe, expect, it } from 'vitest';
import { notBefore } from './TaskItem';

describe('notBefore', () => {
  it('reads a moment after the last tick as just now, never as in the future', () => {
    const now = Date.parse('2026-11-29T15:00:00Z');
    expect(notBefore('2026-11-29T15:00:20Z', now)).toBe(Date.parse('2026-11-29T15:00:20Z'));
    expect(notBefore('2026-11-29T14:00:00Z', now)).toBe(now);
    expect(notBefore(null, now)).toBe(now);
  });
});
