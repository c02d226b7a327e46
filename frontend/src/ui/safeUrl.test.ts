import { describe, expect, it } from 'vitest';
import { safeUrl } from './safeUrl';

describe('safeUrl', () => {
  it('keeps only web addresses', () => {
    expect(safeUrl('https://x.example/a.mp3')).toBe('https://x.example/a.mp3');
    expect(safeUrl('/recordings/c1.mp3')).toBe(`${window.location.origin}/recordings/c1.mp3`);
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:audio/mp3;base64,AAAA')).toBeNull();
    expect(safeUrl('http://[bad')).toBeNull();
    expect(safeUrl(null)).toBeNull();
    expect(safeUrl(undefined)).toBeNull();
  });
});
