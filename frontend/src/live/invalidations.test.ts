import { describe, expect, it } from 'vitest';
import { invalidationsFor } from './invalidations';
import { queryKeys } from '../api/queryKeys';

describe('invalidationsFor', () => {
  it('refreshes the named lead, the lists and the kanban when a stage changes', () => {
    const keys = invalidationsFor({ type: 'stage_changed', leadId: 'l-1' });
    expect(keys).toContainEqual(queryKeys.lead('l-1'));
    expect(keys).toContainEqual(['leads', 'list']);
    expect(keys).toContainEqual(queryKeys.pipeline);
  });

  it('refreshes everything on resync, because the missed events are unknown', () => {
    expect(invalidationsFor({ type: 'resync', leadId: null })).toBe('all');
  });

  it('does not refresh a lead detail for an event without a lead', () => {
    const keys = invalidationsFor({ type: 'notification', leadId: null });
    expect(keys).not.toContainEqual(expect.arrayContaining(['detail']));
  });

  it('refreshes the tasks and the named lead (its tasks card) when a task opens or closes', () => {
    for (const type of ['task_created', 'task_updated']) {
      const keys = invalidationsFor({ type, leadId: 'l-3' });
      expect(keys).toContainEqual(queryKeys.tasks);
      expect(keys).toContainEqual(queryKeys.lead('l-3'));
    }
    // the lead's key is the prefix of its tasks' key: invalidating it refreshes the card
    expect(queryKeys.leadTasks('l-3').slice(0, queryKeys.lead('l-3').length)).toEqual([...queryKeys.lead('l-3')]);
  });

  it('keeps an unknown event to its lead', () => {
    expect(invalidationsFor({ type: 'something_new', leadId: 'l-2' })).toEqual([queryKeys.lead('l-2')]);
  });
});
