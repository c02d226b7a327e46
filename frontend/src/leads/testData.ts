import type { LeadDetail, LeadRow, LeadView } from './types';

/** A read-model row for tests, with `overrides`. */
export function leadRow(overrides: Partial<LeadRow> = {}): LeadRow {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    brokerId: 'b-1',
    brokerSlug: 'demo',
    workflowId: 'lead-demo-webchat-s1',
    channel: 'WEBCHAT',
    channelRef: 's1',
    source: 'webchat',
    name: 'Ana Pérez',
    phone: '+56911112222',
    email: 'ana@correo.cl',
    zone: 'Ñuñoa',
    propertyType: 'departamento',
    bedrooms: 2,
    budgetClp: 120_000_000,
    monthlyIncomeClp: 2_500_000,
    dicomStatus: 'CLEAN',
    timeline: '3 meses',
    stage: 'PROFILING',
    score: 42,
    status: 'WARM',
    humanMode: false,
    needsAttention: false,
    attentionReason: null,
    optedOut: false,
    unreachable: false,
    assignedAgentId: null,
    nextAction: 'FOLLOW_UP',
    nextActionAt: '2026-12-01T13:10:00Z',
    lastMessageAt: '2026-11-29T12:00:00Z',
    createdAt: '2026-11-28T12:00:00Z',
    updatedAt: '2026-11-29T12:00:00Z',
    tags: [],
    ...overrides,
  };
}

export function leadView(overrides: Partial<LeadView> = {}): LeadView {
  return {
    workflowId: 'lead-demo-webchat-s1',
    leadId: '00000000-0000-0000-0000-000000000001',
    brokerSlug: 'demo',
    channel: 'WEBCHAT',
    stage: 'PROFILING',
    score: { total: 42, profile: 25, engagement: 12, financial: 10, penalties: 5, status: 'WARM' },
    fields: {
      name: 'Ana Pérez',
      phone: '+56911112222',
      email: 'ana@correo.cl',
      zone: 'Ñuñoa',
      propertyType: 'departamento',
      bedrooms: 2,
      budgetClp: 120_000_000,
      monthlyIncomeClp: 2_500_000,
      dicom: 'CLEAN',
      timeline: '3 meses',
    },
    humanMode: false,
    humanUserId: null,
    humanSince: null,
    humanWaitingSince: null,
    optedOut: false,
    unreachable: false,
    needsAttention: false,
    failedStep: null,
    nextAction: { kind: 'FOLLOW_UP', at: '2026-12-01T13:10:00Z' },
    pendingInbound: 0,
    pendingOutbound: 0,
    offeredSlots: [],
    appointment: null,
    callAttempts: 0,
    activeCallId: null,
    lastCallStatus: null,
    nextCallAt: null,
    followUpsSent: 1,
    lastInboundAt: null,
    closeReason: null,
    ...overrides,
  };
}

export function leadDetail(row: Partial<LeadRow> = {}, live: Partial<LeadView> | null = {}): LeadDetail {
  return { ...leadRow(row), live: live === null ? null : leadView(live) };
}
