import type { Task } from './types';

/** A task as the api lists it, open, with `overrides`. */
export function taskOf(overrides: Partial<Task> = {}): Task {
  return {
    id: 't-1',
    brokerSlug: 'demo',
    leadId: '00000000-0000-0000-0000-000000000001',
    leadName: 'Ana Pérez',
    workflowId: 'lead-demo-webchat-s1',
    kind: 'CALL_LEAD',
    title: 'Llamar a Ana Pérez',
    detail: null,
    status: 'OPEN',
    assigneeId: null,
    assigneeName: null,
    dueAt: null,
    createdAt: '2026-11-29T14:50:00Z',
    doneAt: null,
    doneBy: null,
    doneByName: null,
    note: null,
    ...overrides,
  };
}

export function page(items: Task[], total = items.length) {
  return { items, total, limit: 100, offset: 0 };
}
