import type { LeadPage, LeadRow } from './api';

/** A lead row as the api lists it, for tests. */
export function leadRow(overrides: Partial<LeadRow> & Pick<LeadRow, 'id'>): LeadRow {
  return {
    brokerId: 'b-1',
    brokerSlug: 'demo',
    workflowId: `lead-demo-${overrides.id}`,
    channel: 'TELEGRAM',
    channelRef: null,
    source: null,
    propertyType: null,
    bedrooms: null,
    budgetClp: null,
    monthlyIncomeClp: null,
    dicomStatus: null,
    timeline: null,
    tags: [],
    name: 'Lead',
    phone: '+56911111111',
    email: null,
    zone: null,
    stage: 'NEW',
    score: 10,
    status: 'COLD',
    humanMode: false,
    needsAttention: false,
    attentionReason: null,
    optedOut: false,
    unreachable: false,
    assignedAgentId: null,
    nextAction: null,
    nextActionAt: null,
    lastMessageAt: null,
    createdAt: '2026-03-01T12:00:00Z',
    updatedAt: '2026-03-01T12:00:00Z',
    ...overrides,
  };
}

/** `GET /api/v1/leads` over an in-memory table: the stage, status, needsAttention and limit filters. */
export function leadListHandler(table: () => LeadRow[]) {
  return ({ url }: { url: URL }): LeadPage => {
    const stages = url.searchParams.getAll('stage');
    const statuses = url.searchParams.getAll('status');
    const attention = url.searchParams.get('needsAttention');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const matches = table().filter(
      (lead) =>
        (!stages.length || stages.includes(lead.stage)) &&
        (!statuses.length || statuses.includes(lead.status)) &&
        (attention === null || String(lead.needsAttention) === attention),
    );
    return { items: matches.slice(0, limit), total: matches.length, limit, offset: 0, nextCursor: null };
  };
}
