import { describe, expect, it } from 'vitest';
import { clockLevel } from './clock';

describe('clockLevel', () => {
  it('colours the human-mode clock at 15, 30 and 60 minutes', () => {
    const min = 60_000;
    expect([14.9, 15, 29.9, 30, 59.9, 60, 200].map((m) => clockLevel(m * min))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});
