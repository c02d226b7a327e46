import { describe, expect, it } from 'vitest';
import { apiQuery, parseSort, sortParam, toggleSort, withChanges } from './filters';

const SANTIAGO = 'America/Santiago';

describe('apiQuery', () => {
  it('turns the URL into the api’s filters, sort and offset', () => {
    const q = apiQuery(
      new URLSearchParams(
        'q= ana &stage=NEW,POTENTIAL&status=HOT&channel=TELEGRAM&agent=u-1&attention=1&human=0&scoreMin=40&scoreMax=90&sort=-score&page=3',
      ),
      SANTIAGO,
    );
    expect(q).toMatchObject({
      search: 'ana',
      stage: ['NEW', 'POTENTIAL'],
      status: ['HOT'],
      channel: ['TELEGRAM'],
      agentId: 'u-1',
      needsAttention: true,
      humanMode: false,
      scoreMin: 40,
      scoreMax: 90,
      sort: '-score',
      limit: 25,
      offset: 50,
    });
    expect(q.unassigned).toBeUndefined();
  });

  it('asks for unassigned leads with agent=none, and leaves unset filters out', () => {
    const q = apiQuery(new URLSearchParams('agent=none'), SANTIAGO);
    expect(q).toMatchObject({
      unassigned: true,
      agentId: undefined,
      search: undefined,
      humanMode: undefined,
      offset: 0,
      sort: undefined,
    });
  });

  it('reads days in the broker’s time zone, the end day included', () => {
    // Santiago is UTC-3 in March 2026 and UTC-4 in June
    const q = apiQuery(new URLSearchParams('from=2026-03-01&to=2026-03-01&contactFrom=2026-06-10'), SANTIAGO);
    expect(q.createdFrom).toBe('2026-03-01T03:00:00.000Z');
    expect(q.createdTo).toBe('2026-03-02T03:00:00.000Z');
    expect(q.lastContactFrom).toBe('2026-06-10T04:00:00.000Z');
  });

  it('ignores a malformed page or score', () => {
    const q = apiQuery(new URLSearchParams('page=abc&scoreMin=x'), SANTIAGO);
    expect(q.offset).toBe(0);
    expect(q.scoreMin).toBeUndefined();
  });
});

describe('sorting', () => {
  it('starts names A→Z and numbers/dates largest first, then flips', () => {
    const byName = toggleSort(parseSort(null), 'name');
    expect(sortParam(byName)).toBe('name');
    expect(sortParam(toggleSort(byName, 'name'))).toBe('-name');
    expect(sortParam(toggleSort(byName, 'score'))).toBe('-score');
  });

  it('keeps the default order out of the URL and falls back to it for unknown keys', () => {
    expect(sortParam(parseSort(null))).toBeNull();
    expect(parseSort('-bogus')).toEqual({ key: 'activity', descending: true });
  });
});

describe('withChanges', () => {
  it('goes back to page 1 when a filter changes, but not when the page does', () => {
    const params = new URLSearchParams('stage=NEW&page=4');
    expect(withChanges(params, { status: 'HOT' }).toString()).toBe('stage=NEW&status=HOT');
    expect(withChanges(params, { page: '5' }).get('page')).toBe('5');
    expect(withChanges(params, { stage: null }).has('stage')).toBe(false);
  });
});
