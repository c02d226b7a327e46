import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, QueryState, Skeleton } from '../ui/States';
import { useBroker, type Broker } from '../ui/useBroker';
import { Field } from '../ui/Field';
import { FORM, errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { Toast } from '../ui/Toast';
import { Channels, CalendarNotice } from './Channels';
import { TimeZoneSelect } from './TimeZoneSelect';
import { FIELDS, WEEKDAYS, toBody, toForm, type DurationInput, type SettingsForm, type Unit } from './model';
import './settings.css';

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const { me } = useAuth();
  const broker = useBroker();
  if (me && !me.broker_id) {
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('superadmin')}>
          <Link to="/brokers">{t('common:nav.brokers')}</Link>
        </EmptyState>
      </>
    );
  }
  return (
    <div className="settings">
      <PageHeader title={t('title')}>
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <CalendarNotice />
      <QueryState query={broker} skeleton={<Skeleton lines={10} height={28} />}>
        {(b) => (
          <>
            <SettingsFormView broker={b} />
            <Channels slug={b.slug} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function SettingsFormView({ broker }: { broker: Broker }) {
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SettingsForm>(() => toForm(broker));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [toast, setToast] = useState<string | null>(null);
  const [newZone, setNewZone] = useState('');
  const summary = useRef<HTMLDivElement>(null);

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => api<Broker>('/api/v1/brokers/current', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.broker, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.brokerProfile });
      setForm(toForm(saved));
      setErrors({});
      setToast(t('saved'));
    },
    onError: (error) => {
      setErrors(fieldErrors(error, FIELDS));
      requestAnimationFrame(() => summary.current?.focus());
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(toBody(form, broker));
  }

  const set = useCallback(
    <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => setForm((f) => ({ ...f, [key]: value })),
    [],
  );
  const setTimeZone = useCallback((zone: string) => set('timeZone', zone), [set]);
  const err = (field: string) => errors[field];

  function addZone() {
    const zone = newZone.trim();
    if (!zone) return;
    if (!form.zones.some((z) => z.toLowerCase() === zone.toLowerCase())) set('zones', [...form.zones, zone]);
    setNewZone('');
  }

  function onZoneKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault(); // Enter adds the zone, it does not save the whole form
      addZone();
    }
  }

  const fieldCount = Object.keys(errors).filter((k) => k !== FORM).length;
  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label={t('title')}>
      {(errors[FORM] || fieldCount > 0) && (
        <div className="form-alert" role="alert" tabIndex={-1} ref={summary}>
          <p>{fieldCount > 0 ? t('fixErrors') : null}</p>
          {errors[FORM] && <p>{errors[FORM]}</p>}
        </div>
      )}

      <fieldset className="card">
        <legend>{t('persona.title')}</legend>
        <div className="form-grid">
          <Field label={t('persona.brokerName')} id="set-name" error={err('name')}>
            <input
              id="set-name"
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
              maxLength={200}
              {...errorProps(errors, 'name', 'set-name')}
            />
          </Field>
          <Field label={t('persona.name')} id="set-persona-name" error={err('personaName')}>
            <input
              id="set-persona-name"
              value={form.personaName}
              onChange={(e) => set('personaName', e.target.value)}
              maxLength={100}
              {...errorProps(errors, 'personaName', 'set-persona-name')}
            />
          </Field>
        </div>
        <Field label={t('persona.tone')} id="set-persona-tone" error={err('personaTone')} hint={t('persona.toneHint')}>
          <textarea
            id="set-persona-tone"
            rows={2}
            value={form.personaTone}
            onChange={(e) => set('personaTone', e.target.value)}
            maxLength={300}
            {...errorProps(errors, 'personaTone', 'set-persona-tone', true)}
          />
        </Field>
      </fieldset>

      <fieldset className="card" aria-describedby="set-zones-hint">
        <legend>{t('zones.title')}</legend>
        <p className="muted small" id="set-zones-hint">
          {t('zones.hint')}
        </p>
        {form.zones.length === 0 ? (
          <p className="muted small">{t('zones.empty')}</p>
        ) : (
          <ul className="chips" aria-label={t('zones.title')}>
            {form.zones.map((zone) => (
              <li key={zone} className="chip">
                <span>{zone}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('zones.remove', { zone })}
                  onClick={() =>
                    set(
                      'zones',
                      form.zones.filter((z) => z !== zone),
                    )
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="form-row">
          <Field label={t('zones.newZone')} id="set-new-zone" error={err('settings.zones')}>
            <input
              id="set-new-zone"
              value={newZone}
              onChange={(e) => setNewZone(e.target.value)}
              onKeyDown={onZoneKey}
              maxLength={100}
              {...errorProps(errors, 'settings.zones', 'set-new-zone')}
            />
          </Field>
          <button type="button" className="btn" onClick={addZone} disabled={!newZone.trim()}>
            {t('zones.add')}
          </button>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('hours.title')}</legend>
        <p className="muted small">{t('hours.hint')}</p>
        <Field label={t('hours.timeZone')} id="set-tz" error={err('timeZone')}>
          <TimeZoneSelect id="set-tz" value={form.timeZone} onChange={setTimeZone} invalid={!!errors.timeZone} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => set('alwaysOpen', e.target.checked)} />
          {t('hours.alwaysOpen')}
        </label>
        {!form.alwaysOpen && (
          <div className="week" role="group" aria-label={t('hours.title')}>
            {WEEKDAYS.map((day) => {
              const hours = form.days[day];
              const name = t(`hours.days.${day}`);
              const field = `settings.businessHours.days.${day}`;
              const setDay = (patch: Partial<typeof hours>) =>
                set('days', { ...form.days, [day]: { ...hours, ...patch } });
              return (
                <div key={day} className="day-row" data-testid={`day-${day}`}>
                  <label className="check day-name">
                    <input
                      type="checkbox"
                      checked={hours.open}
                      onChange={(e) => setDay({ open: e.target.checked })}
                      aria-label={t('hours.openDay', { day: name })}
                    />
                    {name}
                  </label>
                  {hours.open ? (
                    <span className="day-times">
                      <input
                        type="time"
                        value={hours.from}
                        onChange={(e) => setDay({ from: e.target.value })}
                        aria-label={`${t('hours.open')} (${name})`}
                        {...errorProps(errors, field, `set-${day}`)}
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        value={hours.to}
                        onChange={(e) => setDay({ to: e.target.value })}
                        aria-label={`${t('hours.close')} (${name})`}
                        {...errorProps(errors, field, `set-${day}`)}
                      />
                    </span>
                  ) : (
                    <span className="muted small">{t('hours.closed')}</span>
                  )}
                  {errors[field] && (
                    <small className="form-error day-error" id={`set-${day}-error`}>
                      {errors[field]}
                    </small>
                  )}
                </div>
              );
            })}
          </div>
        )}
        {errors['settings.businessHours'] && (
          <p className="form-error small" id="set-hours-error">
            {errors['settings.businessHours']}
          </p>
        )}
      </fieldset>

      <fieldset className="card" aria-describedby="set-th-hint">
        <legend>{t('thresholds.title')}</legend>
        <p className="muted small" id="set-th-hint">
          {t('thresholds.hint')}
        </p>
        <div className="form-grid four">
          {(['coldMax', 'warmMax', 'hotMin', 'qualifiedMin'] as const).map((key) => (
            <Field key={key} label={t(`thresholds.${key}`)} id={`set-th-${key}`}>
              <input
                id={`set-th-${key}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                value={form.thresholds[key]}
                onChange={(e) => set('thresholds', { ...form.thresholds, [key]: e.target.value })}
                {...errorProps(errors, 'settings.thresholds', 'set-th')}
              />
            </Field>
          ))}
        </div>
        {errors['settings.thresholds'] && (
          <p className="form-error small" id="set-th-error">
            {errors['settings.thresholds']}
          </p>
        )}
      </fieldset>

      <fieldset className="card" aria-describedby="set-cadence-hint">
        <legend>{t('cadence.title')}</legend>
        <p className="muted small" id="set-cadence-hint">
          {t('cadence.hint')}
        </p>
        {form.cadence.length === 0 && <p className="muted small">{t('cadence.empty')}</p>}
        <ol className="cadence">
          {form.cadence.map((step, i) => (
            <li key={i} className="form-row">
              <DurationField
                value={step}
                amountLabel={t('cadence.amount', { n: i + 1 })}
                unitLabel={t('cadence.unit', { n: i + 1 })}
                invalid={!!errors['settings.followUpCadence']}
                describedBy="set-cadence-error"
                onChange={(value) =>
                  set(
                    'cadence',
                    form.cadence.map((s, j) => (j === i ? value : s)),
                  )
                }
              />
              <button
                type="button"
                className="btn small ghost"
                onClick={() =>
                  set(
                    'cadence',
                    form.cadence.filter((_, j) => j !== i),
                  )
                }
              >
                {t('cadence.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn small"
          disabled={form.cadence.length >= 10}
          onClick={() => set('cadence', [...form.cadence, { amount: '', unit: 'hours' }])}
        >
          {t('cadence.add')}
        </button>
        {errors['settings.followUpCadence'] && (
          <p className="form-error small" id="set-cadence-error">
            {errors['settings.followUpCadence']}
          </p>
        )}
      </fieldset>

      <fieldset className="card">
        <legend>{t('calls.title')}</legend>
        <div className="form-grid">
          <Field
            label={t('calls.perDay')}
            id="set-calls-day"
            error={err('settings.callsPerLeadPerDay')}
            hint={t('calls.defaultHint')}
          >
            <input
              id="set-calls-day"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              value={form.callsPerLeadPerDay}
              onChange={(e) => set('callsPerLeadPerDay', e.target.value)}
              {...errorProps(errors, 'settings.callsPerLeadPerDay', 'set-calls-day', true)}
            />
          </Field>
          <Field
            label={t('calls.total')}
            id="set-calls-total"
            error={err('settings.callsPerLeadTotal')}
            hint={t('calls.defaultHint')}
          >
            <input
              id="set-calls-total"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={form.callsPerLeadTotal}
              onChange={(e) => set('callsPerLeadTotal', e.target.value)}
              {...errorProps(errors, 'settings.callsPerLeadTotal', 'set-calls-total', true)}
            />
          </Field>
          <Field
            label={t('calls.perBrokerHour')}
            id="set-calls-hour"
            error={err('settings.callsPerBrokerPerHour')}
            hint={t('calls.perBrokerHourHint')}
          >
            <input
              id="set-calls-hour"
              type="number"
              inputMode="numeric"
              min={1}
              value={form.callsPerBrokerPerHour}
              onChange={(e) => set('callsPerBrokerPerHour', e.target.value)}
              {...errorProps(errors, 'settings.callsPerBrokerPerHour', 'set-calls-hour', true)}
            />
          </Field>
        </div>
        <div className="field">
          <span className="label" id="set-retry-label">
            {t('calls.retryDelay')}
          </span>
          <div className="form-row">
            <DurationField
              value={form.callRetryDelay}
              amountLabel={t('calls.retryDelay')}
              unitLabel={t('calls.retryUnit')}
              invalid={!!errors['settings.callRetryDelay']}
              describedBy="set-retry-error"
              onChange={(value) => set('callRetryDelay', value)}
            />
          </div>
          {errors['settings.callRetryDelay'] && (
            <small className="form-error" id="set-retry-error">
              {errors['settings.callRetryDelay']}
            </small>
          )}
        </div>
      </fieldset>

      <fieldset className="card" aria-describedby="set-llm-hint">
        <legend>{t('llm.title')}</legend>
        <p className="muted small" id="set-llm-hint">
          {t('llm.hint')}
        </p>
        <div className="form-grid">
          <Field
            label={t('llm.turns')}
            id="set-llm-turns"
            error={err('settings.llmDailyTurns')}
            hint={t('llm.turnsHint')}
          >
            <input
              id="set-llm-turns"
              type="number"
              inputMode="numeric"
              min={1}
              value={form.llmDailyTurns}
              onChange={(e) => set('llmDailyTurns', e.target.value)}
              {...errorProps(errors, 'settings.llmDailyTurns', 'set-llm-turns', true)}
            />
          </Field>
          <Field
            label={t('llm.usd')}
            id="set-llm-usd"
            error={err('settings.llmDailyBudgetUsd')}
            hint={t('llm.usdHint')}
          >
            <input
              id="set-llm-usd"
              type="number"
              inputMode="decimal"
              min={0.01}
              step={0.01}
              value={form.llmDailyBudgetUsd}
              onChange={(e) => set('llmDailyBudgetUsd', e.target.value)}
              {...errorProps(errors, 'settings.llmDailyBudgetUsd', 'set-llm-usd', true)}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('notify.title')}</legend>
        <Field
          label={t('notify.chatId')}
          id="set-notify"
          error={err('settings.notifyTelegramChatId')}
          hint={t('notify.chatIdHint')}
        >
          <input
            id="set-notify"
            inputMode="numeric"
            value={form.notifyTelegramChatId}
            onChange={(e) => set('notifyTelegramChatId', e.target.value)}
            {...errorProps(errors, 'settings.notifyTelegramChatId', 'set-notify', true)}
          />
        </Field>
      </fieldset>

      <div className="save-bar">
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('save')}
        </button>
      </div>
      <Toast message={toast} onDone={() => setToast(null)} />
    </form>
  );
}

function DurationField({
  value,
  amountLabel,
  unitLabel,
  invalid,
  describedBy,
  onChange,
}: {
  value: DurationInput;
  amountLabel: string;
  unitLabel: string;
  invalid: boolean;
  describedBy: string;
  onChange: (value: DurationInput) => void;
}) {
  const { t } = useTranslation('settings');
  const aria = invalid ? { 'aria-invalid': true as const, 'aria-describedby': describedBy } : {};
  return (
    <span className="duration">
      <input
        type="number"
        inputMode="numeric"
        min={1}
        value={value.amount}
        aria-label={amountLabel}
        onChange={(e) => onChange({ ...value, amount: e.target.value })}
        {...aria}
      />
      <select
        value={value.unit}
        aria-label={unitLabel}
        onChange={(e) => onChange({ ...value, unit: e.target.value as Unit })}
      >
        {(['minutes', 'hours', 'days'] as const).map((unit) => (
          <option key={unit} value={unit}>
            {t(`units.${unit}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
