/** What a task asks (the workflows module's TaskKind); an unknown one is shown by its name. */
export type TaskKind = 'CALL_LEAD' | 'APPROVE_CALL' | 'CONTACT_LEAD' | 'CLOSE_AFTER_VISIT' | 'FOLLOW_UP_MANUALLY';
export type TaskStatus = 'OPEN' | 'DONE' | 'DISMISSED';

/** A task for a human, as `GET /api/v1/tasks` lists it (and as its live events carry it). */
export interface Task {
  id: string;
  brokerSlug: string;
  leadId: string;
  leadName: string | null;
  workflowId: string;
  kind: TaskKind | string;
  /** what to do, written by the workflow in Spanish */
  title: string;
  detail: string | null;
  status: TaskStatus;
  /** the lead's agent when the task was opened */
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: string | null;
  createdAt: string;
  doneAt: string | null;
  /** who closed it; null while open, or when the lead's workflow closed it */
  doneBy: string | null;
  doneByName: string | null;
  note: string | null;
}

export interface TaskPage {
  items: Task[];
  total: number;
  limit: number;
  offset: number;
}
