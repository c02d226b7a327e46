import type { LeadRow } from '../leads/types';

/** `GET /api/v1/leads/inbox` item: the row's fields and the workflow's human-mode clocks. */
export interface InboxItem extends LeadRow {
  humanUserId: string | null;
  humanUserName: string | null;
  humanSince: string | null;
  humanWaitingSince: string | null;
  /** the lead asked for a person (or was handed over) and nobody holds it yet */
  requested: boolean;
  /** the clock: the wait, else the human mode's start, else the row's last change */
  waitingSince: string;
}

export interface Inbox {
  items: InboxItem[];
  total: number;
}
