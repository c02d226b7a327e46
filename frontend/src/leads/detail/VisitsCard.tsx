import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../ui/format';
import { useTimeZone } from '../../ui/useBroker';
import { useFreeSlots, useLeadAction, useLeadAppointments } from '../api';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import type { LeadDetail } from '../types';
import { dayOf } from '../../ui/calendarTime';
import { useNow } from '../../ui/time';
import { Section, SectionBody } from './Section';

/**
 * The lead's visits, booking one in a free slot, and cancelling the booked one. An agent may book for a lost lead
 * (the workflow reopens it as SCHEDULED: a lost lead never holds a visit); never for one who opted out.
 */
export function VisitsCard({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const appointments = useLeadAppointments(lead.id);
  const cancel = useLeadAction(lead.id);
  const [booking, setBooking] = useState(false);
  const [confirming, setConfirming] = useState<{ id: string; start: string } | null>(null);
  const booked = lead.live?.appointment?.status === 'BOOKED' ? lead.live.appointment : null;
  const now = useNow(60_000); // a visit that ends while the page is open stops counting as booked
  const hasBooked =
    !!booked || (appointments.data ?? []).some((a) => a.status === 'BOOKED' && new Date(a.slotEnd).getTime() > now);

  return (
    <Section
      title={t('detail.visits')}
      id="lead-visits"
      testId="lead-visits"
      actions={
        !hasBooked && !lead.optedOut ? (
          <button type="button" className="btn small" onClick={() => setBooking(true)}>
            {t('detail.book')}
          </button>
        ) : null
      }
    >
      <SectionBody query={appointments} lines={2}>
        {(rows) =>
          rows.length === 0 && !booked ? (
            <p className="muted">{t('detail.noVisits')}</p>
          ) : (
            <ul className="plain-list">
              {(rows.length
                ? rows
                : booked
                  ? [{ id: booked.id, slotStart: booked.start, slotEnd: booked.end, status: booked.status }]
                  : []
              ).map((a) => {
                const isBooked = a.status === 'BOOKED';
                const reminders = booked && booked.id === a.id ? booked : null;
                return (
                  <li key={a.id} className="visit" data-testid="visit">
                    <div>
                      <strong>{formatDate(a.slotStart, timeZone, i18n.language)}</strong>{' '}
                      {formatTime(a.slotStart, timeZone, i18n.language)}–
                      {formatTime(a.slotEnd, timeZone, i18n.language)}{' '}
                      <span className={`badge ${isBooked ? 'stage-scheduled' : 'stage-lost'}`}>
                        {t(`detail.visitStatus.${a.status}`, { defaultValue: a.status })}
                      </span>
                    </div>
                    {reminders && (
                      <div className="muted small">
                        {t('detail.reminders', {
                          r24: reminders.reminded24h ? t('detail.sent') : t('detail.notSent'),
                          r1: reminders.reminded1h ? t('detail.sent') : t('detail.notSent'),
                        })}
                      </div>
                    )}
                    {isBooked && new Date(a.slotEnd).getTime() > Date.now() && (
                      <button
                        type="button"
                        className="btn small danger"
                        onClick={() => setConfirming({ id: a.id, start: a.slotStart })}
                      >
                        {t('detail.cancelVisit')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </SectionBody>
      {cancel.error && !confirming && (
        <p className="form-error" role="alert">
          {cancel.error.message}
        </p>
      )}
      {booking && <BookDialog lead={lead} onClose={() => setBooking(false)} />}
      {confirming && (
        <ConfirmDialog
          title={t('detail.cancelVisit')}
          confirmLabel={t('detail.cancelVisit')}
          cancelLabel={t('state.close', { ns: 'common' })}
          pending={cancel.isPending}
          error={cancel.error?.message}
          onConfirm={() =>
            cancel.mutate({ kind: 'cancel', appointmentId: confirming.id }, { onSuccess: () => setConfirming(null) })
          }
          onClose={() => setConfirming(null)}
        >
          {t('detail.cancelConfirm', { when: formatDateTime(confirming.start, timeZone, i18n.language) })}
        </ConfirmDialog>
      )}
    </Section>
  );
}

/** Free slots of the broker's calendar (GET /api/v1/leads/{id}/slots), grouped by day; the chosen one is booked. */
export function BookDialog({ lead, onClose }: { lead: LeadDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation('leads');
  const timeZone = useTimeZone();
  const slots = useFreeSlots(lead.id, true);
  const book = useLeadAction(lead.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const offered = new Set((lead.live?.offeredSlots ?? []).map((s) => new Date(s).getTime()));

  return (
    <Dialog title={t('bookDialog.title')} closeButton onClose={onClose} wide>
      {lead.stage === 'LOST' && <p className="muted">{t('bookDialog.reopens')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) book.mutate({ kind: 'book', slotStart: chosen }, { onSuccess: onClose });
        }}
      >
        <SectionBody query={slots} lines={4}>
          {(free) => {
            if (free.slots.length === 0) return <p className="muted">{t('bookDialog.none')}</p>;
            const days = new Map<string, typeof free.slots>();
            for (const slot of free.slots) {
              const day = dayOf(slot.start, timeZone);
              days.set(day, [...(days.get(day) ?? []), slot]);
            }
            return (
              <fieldset className="slots">
                <legend>{t('bookDialog.slots')}</legend>
                {[...days.entries()].map(([day, daySlots]) => (
                  <div key={day} className="slot-day">
                    <div className="slot-day-name">{formatDate(daySlots[0].start, timeZone, i18n.language)}</div>
                    <div className="slot-options">
                      {daySlots.map((slot) => (
                        <label key={slot.start} className={`slot ${chosen === slot.start ? 'chosen' : ''}`}>
                          <input
                            type="radio"
                            name="slot"
                            value={slot.start}
                            checked={chosen === slot.start}
                            onChange={() => setChosen(slot.start)}
                          />
                          {formatTime(slot.start, timeZone, i18n.language)}
                          {offered.has(new Date(slot.start).getTime()) && (
                            <span className="sr-only"> ({t('bookDialog.offered')})</span>
                          )}
                          {offered.has(new Date(slot.start).getTime()) && <span aria-hidden="true"> ★</span>}
                        </label>
                      ))}
                    </div>
                  </div>
                ))}
              </fieldset>
            );
          }}
        </SectionBody>
        {book.error && (
          <p className="form-error" role="alert">
            {book.error.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn primary" disabled={!chosen || book.isPending}>
            {book.isPending ? t('bookDialog.saving') : t('bookDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
