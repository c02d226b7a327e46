import { useEffect, useState, type CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../ui/PageHeader';
import { ErrorState } from '../ui/States';
import { locale } from '../ui/format';
import { useBrokerProfile, useTimeZone } from '../ui/useBroker';
import { useAgents } from '../leads/api';
import { addDays, clockOf, dayOf, isDay, minutesOfDay, mondayOf, startOfDay } from '../ui/calendarTime';
import { useNow } from '../ui/time';
import { hourRange, placeVisits, type Appointment, type Placed } from './layout';
import './appointments.css';

const HOUR_PX = 60;
const NARROW = '(max-width: 700px)';

type View = 'week' | 'day';

/** Whether a media query matches now, following changes (false where there is no matchMedia, as in tests). */
function useMediaQuery(query: string): boolean {
  const get = () =>
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener?.('change', update);
    return () => list.removeEventListener?.('change', update);
  }, [query]);
  return matches;
}

function dayLabel(day: string, language: string, long = false): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  }).format(new Date(`${day}T12:00:00Z`));
}

function rangeLabel(days: string[], language: string): string {
  if (days.length === 1) return dayLabel(days[0], language, true);
  const f = new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return f.formatRange(new Date(`${days[0]}T12:00:00Z`), new Date(`${days[days.length - 1]}T12:00:00Z`));
}

function Visit({
  placed,
  timeZone,
  agentName,
  style,
  compact,
}: {
  placed: Placed;
  timeZone: string;
  agentName?: string;
  style?: CSSProperties;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const a = placed.appointment;
  const name = a.leadName?.trim() || t('appointments:unnamed');
  const time = `${clockOf(a.slotStart, timeZone)}–${clockOf(a.slotEnd, timeZone)}`;
  const cancelled = a.status === 'CANCELLED';
  return (
    <Link
      to={`/leads/${a.leadId}`}
      className={`visit ${cancelled ? 'cancelled' : ''} ${compact ? '' : 'in-grid'}`}
      style={style}
      data-testid="appointment"
      data-appointment-id={a.id}
      data-day={placed.day}
      data-start={clockOf(a.slotStart, timeZone)}
      title={`${time} · ${name}${agentName ? ` · ${agentName}` : ''}`}
    >
      <span className="visit-time">{time}</span>
      <span className="visit-name">{name}</span>
      {agentName && <span className="visit-agent">{agentName}</span>}
      {cancelled && <span className="visit-status">{t('appointments:cancelled')}</span>}
    </Link>
  );
}

function WeekGrid({
  days,
  placed,
  timeZone,
  agentName,
  now,
  onOpenDay,
}: {
  days: string[];
  placed: Map<string, Placed[]>;
  timeZone: string;
  agentName: (a: Appointment) => string | undefined;
  now: number;
  onOpenDay: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { first, last } = hourRange(days.map((d) => placed.get(d) ?? []));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const height = (last - first) * HOUR_PX;
  const today = dayOf(new Date(now), timeZone);
  const nowMinutes = minutesOfDay(new Date(now), timeZone);
  const px = (minutes: number) => ((minutes - first * 60) * HOUR_PX) / 60;
  return (
    <div className="calendar-scroll">
      <div className="calendar-grid" style={{ '--days': days.length } as CSSProperties}>
        <div className="calendar-corner" aria-hidden="true" />
        {days.map((day) => (
          <div key={day} className={`calendar-day-head ${day === today ? 'today' : ''}`}>
            {days.length > 1 ? (
              <button
                type="button"
                className="btn ghost small"
                onClick={() => onOpenDay(day)}
                aria-label={t('appointments:openDay', { day: dayLabel(day, i18n.language, true) })}
              >
                {dayLabel(day, i18n.language)}
              </button>
            ) : (
              <span>{dayLabel(day, i18n.language, true)}</span>
            )}
            <span className="muted count">{t('appointments:count', { count: placed.get(day)?.length ?? 0 })}</span>
          </div>
        ))}
        <div className="calendar-hours" style={{ height }} aria-hidden="true">
          {hours.map((h) => (
            <span key={h} style={{ top: (h - first) * HOUR_PX }}>{`${String(h).padStart(2, '0')}:00`}</span>
          ))}
        </div>
        {days.map((day) => (
          <section
            key={day}
            className={`calendar-day ${day === today ? 'today' : ''}`}
            style={{ height, backgroundSize: `100% ${HOUR_PX}px` }}
            data-testid={`calendar-day-${day}`}
            aria-label={dayLabel(day, i18n.language, true)}
          >
            {day === today && nowMinutes >= first * 60 && nowMinutes <= last * 60 && (
              <div className="now-line" style={{ top: px(nowMinutes) }} title={t('appointments:now')} />
            )}
            {(placed.get(day) ?? []).map((p) => (
              <Visit
                key={p.appointment.id}
                placed={p}
                timeZone={timeZone}
                agentName={agentName(p.appointment)}
                style={{
                  top: px(p.start),
                  height: Math.max(22, px(p.end) - px(p.start) - 2),
                  left: `calc(${(p.lane / p.lanes) * 100}% + 2px)`,
                  width: `calc(${100 / p.lanes}% - 4px)`,
                }}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

function DayList({
  days,
  placed,
  timeZone,
  agentName,
}: {
  days: string[];
  placed: Map<string, Placed[]>;
  timeZone: string;
  agentName: (a: Appointment) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="calendar-list">
      {days.map((day) => {
        const visits = placed.get(day) ?? [];
        return (
          <section key={day} data-testid={`calendar-day-${day}`} aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`} className="calendar-list-day">
              {dayLabel(day, i18n.language, true)}
            </h2>
            {visits.length === 0 ? (
              <p className="muted">{t('appointments:noneDay')}</p>
            ) : (
              <ul>
                {visits.map((p) => (
                  <li key={p.appointment.id}>
                    <Visit placed={p} timeZone={timeZone} agentName={agentName(p.appointment)} compact />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The visits calendar: a week (or a day) of the broker's calendar, columns per day and rows per hour, in
 * the broker's time zone; an admin picks an agent. On a phone it becomes a list by day. The range, view
 * and filters live in the address (`?view=day&date=2026-03-02&agent=…`), so a link opens the same view.
 */
export default function AppointmentsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const profile = useBrokerProfile();
  const timeZone = useTimeZone();
  const agents = useAgents();
  const narrow = useMediaQuery(NARROW);
  const now = useNow(60_000);
  const [params, setParams] = useSearchParams();

  const zoneKnown = !!me && (!me.broker_id || profile.isSuccess || profile.isError);
  const view: View = params.get('view') === 'day' ? 'day' : 'week';
  const today = dayOf(new Date(now), timeZone);
  const date = isDay(params.get('date')) ? params.get('date')! : today;
  const agentId = agents.allowed ? (params.get('agent') ?? '') : '';
  const showCancelled = params.get('cancelled') === '1';
  const firstDay = view === 'week' ? mondayOf(date) : date;
  const days = Array.from({ length: view === 'week' ? 7 : 1 }, (_, i) => addDays(firstDay, i));
  const query = {
    from: startOfDay(days[0], timeZone).toISOString(),
    to: startOfDay(addDays(days[days.length - 1], 1), timeZone).toISOString(),
    agentId: agentId || undefined,
    status: showCancelled ? undefined : 'BOOKED',
  };
  const visits = useQuery({
    queryKey: queryKeys.appointmentList(query),
    queryFn: ({ signal }) => api<Appointment[]>('/api/v1/appointments', { query, signal }),
    enabled: zoneKnown,
    placeholderData: (previous) => previous,
  });

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([key, value]) => (value ? next.set(key, value) : next.delete(key)));
    setParams(next, { replace: true });
  };
  const step = view === 'week' ? 7 : 1;
  const placed = placeVisits(visits.data ?? [], timeZone);
  const agentName = (a: Appointment) => {
    if (!agents.allowed || agentId) return undefined;
    return a.assignedAgentId ? agents.names.get(a.assignedAgentId) : t('appointments:unassigned');
  };

  return (
    <div className="appointments-page">
      <PageHeader
        title={t('appointments:title')}
        actions={
          <div className="segmented" role="group" aria-label={t('appointments:view')}>
            {(['week', 'day'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={`btn small ${v === view ? 'primary' : ''}`}
                aria-pressed={v === view}
                onClick={() => set({ view: v === 'week' ? null : 'day' })}
              >
                {t(`appointments:${v}`)}
              </button>
            ))}
          </div>
        }
      >
        <p className="muted">{t('appointments:subtitle', { zone: timeZone })}</p>
      </PageHeader>

      <div className="calendar-toolbar">
        <div className="calendar-nav">
          <button
            type="button"
            className="btn small"
            onClick={() => set({ date: addDays(date, -step) })}
            aria-label={t(view === 'week' ? 'appointments:previousWeek' : 'appointments:previousDay')}
          >
            ‹
          </button>
          <button type="button" className="btn small" onClick={() => set({ date: null })}>
            {t('appointments:today')}
          </button>
          <button
            type="button"
            className="btn small"
            onClick={() => set({ date: addDays(date, step) })}
            aria-label={t(view === 'week' ? 'appointments:nextWeek' : 'appointments:nextDay')}
          >
            ›
          </button>
          <strong className="calendar-range" aria-live="polite">
            {rangeLabel(days, i18n.language)}
          </strong>
        </div>
        <div className="form-row">
          {agents.allowed && (
            <label>
              {t('appointments:agent')}
              <select value={agentId} onChange={(e) => set({ agent: e.target.value || null })}>
                <option value="">{t('appointments:allAgents')}</option>
                {agents.users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showCancelled}
              onChange={(e) => set({ cancelled: e.target.checked ? '1' : null })}
            />
            {t('appointments:showCancelled')}
          </label>
        </div>
      </div>

      {visits.error ? (
        <ErrorState error={visits.error} onRetry={() => visits.refetch()} />
      ) : !visits.data ? (
        <div className={narrow ? 'calendar-list' : 'calendar-scroll'} role="status" aria-label={t('state.loading')}>
          <div className="skeleton-line" style={{ height: narrow ? 240 : 12 * HOUR_PX + 40 }} />
        </div>
      ) : (
        <>
          {visits.data.length === 0 && <p className="muted calendar-none">{t('appointments:none')}</p>}
          {narrow ? (
            <DayList days={days} placed={placed} timeZone={timeZone} agentName={agentName} />
          ) : (
            <WeekGrid
              days={days}
              placed={placed}
              timeZone={timeZone}
              agentName={agentName}
              now={now}
              onOpenDay={(day) => set({ view: 'day', date: day })}
            />
          )}
        </>
      )}
    </div>
  );
}
