import type { Stage } from '../ui/Badges';
/** The api's lead shapes (api/.../leads/LeadRow, LeadController.LeadDetail, workflows' LeadView). */

/** `GET /api/v1/leads` item: the read-model row. */
export interface LeadRow {
  id: string;
  brokerId: string;
  brokerSlug: string;
  workflowId: string;
  channel: string;
  channelRef: string | null;
  source: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  zone: string | null;
  propertyType: string | null;
  bedrooms: number | null;
  budgetClp: number | null;
  monthlyIncomeClp: number | null;
  dicomStatus: string | null;
  timeline: string | null;
  stage: Stage;
  score: number;
  status: string;
  humanMode: boolean;
  needsAttention: boolean;
  attentionReason: string | null;
  optedOut: boolean;
  unreachable: boolean;
  assignedAgentId: string | null;
  nextAction: string | null;
  nextActionAt: string | null;
  lastMessageAt: string | null;
  createdAt: string;
  updatedAt: string;
  tags: string[];
}

export interface LeadPage {
  items: LeadRow[];
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}

export interface ScoreBreakdown {
  total: number;
  profile: number;
  engagement: number;
  financial: number;
  penalties: number;
  status: string;
}

export interface QualificationFields {
  name: string | null;
  phone: string | null;
  email: string | null;
  zone: string | null;
  propertyType: string | null;
  bedrooms: number | null;
  budgetClp: number | null;
  monthlyIncomeClp: number | null;
  dicom: string | null;
  timeline: string | null;
}

export interface NextAction {
  kind: string;
  at: string;
}

export interface FailedStep {
  step: string;
  error: string;
  at: string;
}

export interface WorkflowAppointment {
  id: string;
  start: string;
  end: string;
  status: 'BOOKED' | 'CANCELLED' | string;
  reminded24h: boolean;
  reminded1h: boolean;
  followedUp: boolean;
}

/** The workflow's own view of the lead (the `state` query); null when no worker answered within 3 s. */
export interface LeadView {
  workflowId: string;
  leadId: string | null;
  brokerSlug: string;
  channel: string;
  stage: Stage;
  score: ScoreBreakdown | null;
  fields: QualificationFields | null;
  humanMode: boolean;
  humanUserId: string | null;
  humanSince: string | null;
  humanWaitingSince: string | null;
  optedOut: boolean;
  unreachable: boolean;
  needsAttention: boolean;
  failedStep: FailedStep | null;
  nextAction: NextAction | null;
  pendingInbound: number;
  pendingOutbound: number;
  offeredSlots: string[];
  appointment: WorkflowAppointment | null;
  callAttempts: number;
  activeCallId: string | null;
  lastCallStatus: string | null;
  nextCallAt: string | null;
  followUpsSent: number;
  lastInboundAt: string | null;
  closeReason: string | null;
}

/** `GET /api/v1/leads/{id}`: the row's fields, plus `live`. */
export interface LeadDetail extends LeadRow {
  live: LeadView | null;
}

/** `GET /api/v1/leads/{id}/stage-history` item. */
export interface StageMove {
  from: string | null;
  to: string;
  reason: string | null;
  actor: string | null;
  at: string;
}

/** `GET /api/v1/calls` (the api's CallRow and CallPage). */
export interface CallRow {
  id: string;
  brokerSlug: string;
  leadId: string;
  leadName: string | null;
  assignedAgentId: string | null;
  workflowId: string;
  callWorkflowId: string;
  attempt: number;
  provider: string | null;
  providerCallId: string | null;
  status: string;
  endedReason: string | null;
  durationSeconds: number;
  summary: string | null;
  transcript: string | null;
  recordingUrl: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface CallPage {
  items: CallRow[];
  total: number;
  limit: number;
  offset: number;
}

/** `GET /api/v1/appointments` item (api AppointmentRow). */
export interface AppointmentRow {
  id: string;
  leadId: string;
  leadName: string | null;
  workflowId: string | null;
  slotStart: string;
  slotEnd: string;
  status: string;
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** `GET /api/v1/leads/{id}/slots`. */
export interface FreeSlots {
  slots: { start: string; end: string }[];
  timeZone: string;
}

/** `GET /api/v1/dashboard/config`. */
export interface DashboardConfig {
  temporalUiUrl: string | null;
  temporalNamespace: string;
}

/** `GET /api/v1/users` item. */
export interface UserView {
  id: string;
  brokerId: string | null;
  email: string;
  fullName: string;
  role: 'AGENT' | 'ADMIN' | 'SUPERADMIN';
  active: boolean;
}

/** `POST /api/v1/leads/import`. */
export interface ImportReport {
  accepted: number;
  rejected: { row: number; reason: string }[];
}

/** `POST /api/v1/leads` body (api NewLead). */
export interface NewLead {
  name: string;
  phone?: string;
  email?: string;
  tags?: string[];
  source?: string;
  zone?: string;
  propertyType?: string;
  bedrooms?: number;
  budgetClp?: number;
  monthlyIncomeClp?: number;
  timeline?: string;
}
