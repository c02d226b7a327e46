import { dayOf, minutesOfDay } from '../ui/calendarTime';

/** `GET /api/v1/appointments` (the api's AppointmentRow). */
export interface Appointment {
  id: string;
  brokerSlug: string;
  leadId: string;
  leadName: string | null;
  assignedAgentId?: string | null;
  workflowId: string | null;
  slotStart: string;
  slotEnd: string;
  status: 'BOOKED' | 'CANCELLED' | string;
  notes: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** A visit placed on a day column: minutes from local midnight, and its lane among overlapping visits. */
export interface Placed {
  appointment: Appointment;
  day: string;
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

/**
 * Places visits on the broker's calendar: each on the local day it starts, from its local start to its end
 * (cut at midnight); overlapping visits share the column side by side.
 */
export function placeVisits(appointments: Appointment[], timeZone: string): Map<string, Placed[]> {
  const byDay = new Map<string, Placed[]>();
  for (const appointment of appointments) {
    const day = dayOf(appointment.slotStart, timeZone);
    const start = minutesOfDay(appointment.slotStart, timeZone);
    const length = Math.max(15, (Date.parse(appointment.slotEnd) - Date.parse(appointment.slotStart)) / 60_000);
    const end = Math.min(24 * 60, start + length);
    const list = byDay.get(day) ?? [];
    list.push({ appointment, day, start, end, lane: 0, lanes: 1 });
    byDay.set(day, list);
  }
  for (const list of byDay.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    // clusters of visits that overlap one another share the width
    let cluster: Placed[] = [];
    let clusterEnd = -1;
    const close = () => {
      const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
      cluster.forEach((p) => {
        p.lanes = lanes;
      });
      cluster = [];
    };
    for (const placed of list) {
      if (placed.start >= clusterEnd && cluster.length) close();
      const laneEnds: number[] = [];
      cluster.forEach((p) => {
        laneEnds[p.lane] = Math.max(laneEnds[p.lane] ?? -1, p.end);
      });
      let lane = 0;
      while (laneEnds[lane] !== undefined && laneEnds[lane] > placed.start) lane += 1;
      placed.lane = lane;
      cluster.push(placed);
      clusterEnd = Math.max(clusterEnd, placed.end);
    }
    if (cluster.length) close();
  }
  return byDay;
}

/** The hours the grid shows: business hours, widened to every visit of the range. */
export function hourRange(placed: Iterable<Placed[]>, from = 8, to = 20): { first: number; last: number } {
  let first = from;
  let last = to;
  for (const list of placed) {
    for (const p of list) {
      first = Math.min(first, Math.floor(p.start / 60));
      last = Math.max(last, Math.ceil(p.end / 60));
    }
  }
  return { first, last };
}
