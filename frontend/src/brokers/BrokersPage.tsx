import { useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { PageHeader } from '../ui/PageHeader';
import { EmptyState, QueryState, Skeleton } from '../ui/States';
import type { Broker } from '../ui/useBroker';
import { ConfirmDialog, FormDialog } from '../ui/Dialog';
import { Field, FormError } from '../ui/Field';
import { errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { Toast } from '../ui/Toast';
import { TimeZoneSelect } from '../settings/TimeZoneSelect';
import '../ui/table.css';

const FIELDS = ['slug', 'name', 'timeZone', 'personaName', 'personaTone'];

function brokerErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.status === 409 && /slug/i.test(error.message)) return { slug: error.message };
  return fieldErrors(error, FIELDS);
}

type Open = { kind: 'create' } | { kind: 'edit'; broker: Broker } | { kind: 'deactivate'; broker: Broker } | null;

export default function BrokersPage() {
  const { t } = useTranslation('brokers');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [toast, setToast] = useState<string | null>(null);
  const brokers = useQuery({
    queryKey: queryKeys.brokerList({}),
    queryFn: ({ signal }) => api<Broker[]>('/api/v1/brokers', { signal }),
  });
  const reactivate = useMutation({
    mutationFn: (b: Broker) => api<Broker>(`/api/v1/brokers/${b.id}`, { method: 'PUT', body: { active: true } }),
    onSuccess: (b) => done(t('reactivated', { name: b.name })),
    onError: (e) => setToast(e instanceof Error ? e.message : String(e)),
  });

  function done(message: string) {
    setOpen(null);
    setToast(message);
    void queryClient.invalidateQueries({ queryKey: queryKeys.brokers });
  }

  return (
    <div className="brokers">
      <PageHeader
        title={t('title')}
        actions={
          <button type="button" className="btn primary" onClick={() => setOpen({ kind: 'create' })}>
            {t('add')}
          </button>
        }
      >
        <p className="muted">{t('subtitle')}</p>
      </PageHeader>
      <QueryState query={brokers} skeleton={<Skeleton lines={5} />}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('empty')} />
          ) : (
            <div className="table-wrap">
              <table className="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('slug')}</th>
                    <th scope="col">{t('timeZone')}</th>
                    <th scope="col">{t('personaName')}</th>
                    <th scope="col">{t('state')}</th>
                    <th scope="col">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id} className={b.active ? '' : 'inactive'} data-testid="broker-row">
                      <td data-label={t('name')}>{b.name}</td>
                      <td data-label={t('slug')}>
                        <code>{b.slug}</code>
                      </td>
                      <td data-label={t('timeZone')}>{b.timeZone}</td>
                      <td data-label={t('personaName')}>{b.personaName}</td>
                      <td data-label={t('state')}>
                        <span className={`badge ${b.active ? 'health-ok' : ''}`}>
                          {b.active ? t('active') : t('inactive')}
                        </span>
                      </td>
                      <td>
                        <div className="row-actions">
                          <button
                            type="button"
                            className="btn small"
                            aria-label={t('editOf', { name: b.name })}
                            onClick={() => setOpen({ kind: 'edit', broker: b })}
                          >
                            {t('edit')}
                          </button>
                          {b.active ? (
                            <button
                              type="button"
                              className="btn small danger"
                              aria-label={t('deactivateOf', { name: b.name })}
                              onClick={() => setOpen({ kind: 'deactivate', broker: b })}
                            >
                              {t('deactivate')}
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="btn small"
                              disabled={reactivate.isPending}
                              onClick={() => reactivate.mutate(b)}
                            >
                              {t('activate')}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {open?.kind === 'create' && (
        <BrokerDialog onClose={() => setOpen(null)} onDone={(b) => done(t('created', { name: b.name }))} />
      )}
      {open?.kind === 'edit' && (
        <BrokerDialog broker={open.broker} onClose={() => setOpen(null)} onDone={() => done(t('saved'))} />
      )}
      {open?.kind === 'deactivate' && (
        <Deactivate
          broker={open.broker}
          onClose={() => setOpen(null)}
          onDone={() => done(t('deactivated', { name: open.broker.name }))}
        />
      )}
      <Toast message={toast} onDone={() => setToast(null)} />
    </div>
  );
}

function BrokerDialog({
  broker,
  onClose,
  onDone,
}: {
  broker?: Broker;
  onClose: () => void;
  onDone: (b: Broker) => void;
}) {
  const { t } = useTranslation('brokers');
  const [form, setForm] = useState({
    slug: broker?.slug ?? '',
    name: broker?.name ?? '',
    timeZone: broker?.timeZone ?? 'America/Santiago',
    personaName: broker?.personaName ?? 'Sofía',
    personaTone: broker?.personaTone ?? 'cercano y profesional',
    active: broker?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const setTimeZone = useCallback((zone: string) => setForm((f) => ({ ...f, timeZone: zone })), []);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: form.name.trim(),
        timeZone: form.timeZone,
        personaName: form.personaName.trim(),
        personaTone: form.personaTone.trim(),
        active: form.active,
      };
      return broker
        ? api<Broker>(`/api/v1/brokers/${broker.id}`, { method: 'PUT', body })
        : api<Broker>('/api/v1/brokers', { method: 'POST', body: { ...body, slug: form.slug.trim() } });
    },
    onSuccess: onDone,
    onError: (error) => setErrors(brokerErrors(error)),
  });
  function submit() {
    setErrors({});
    save.mutate();
  }
  return (
    <FormDialog
      title={broker ? t('editOf', { name: broker.name }) : t('add')}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      submitLabel={save.isPending ? (broker ? t('saving') : t('creating')) : broker ? t('save') : t('create')}
    >
      <FormError errors={errors} />
      <Field label={t('name')} id="broker-name" error={errors.name}>
        <input
          id="broker-name"
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          {...errorProps(errors, 'name', 'broker-name')}
        />
      </Field>
      <Field label={t('slug')} id="broker-slug" error={errors.slug} hint={t('slugHint')}>
        <input
          id="broker-slug"
          value={form.slug}
          readOnly={!!broker}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => set('slug', e.target.value.toLowerCase())}
          {...errorProps(errors, 'slug', 'broker-slug', true)}
        />
      </Field>
      <Field label={t('timeZone')} id="broker-tz" error={errors.timeZone}>
        <TimeZoneSelect id="broker-tz" value={form.timeZone} onChange={setTimeZone} invalid={!!errors.timeZone} />
      </Field>
      <Field label={t('personaName')} id="broker-persona" error={errors.personaName}>
        <input
          id="broker-persona"
          value={form.personaName}
          onChange={(e) => set('personaName', e.target.value)}
          {...errorProps(errors, 'personaName', 'broker-persona')}
        />
      </Field>
      <Field label={t('personaTone')} id="broker-tone" error={errors.personaTone}>
        <input
          id="broker-tone"
          value={form.personaTone}
          onChange={(e) => set('personaTone', e.target.value)}
          {...errorProps(errors, 'personaTone', 'broker-tone')}
        />
      </Field>
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
        {t('isActive')}
      </label>
    </FormDialog>
  );
}

function Deactivate({ broker, onClose, onDone }: { broker: Broker; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('brokers');
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/brokers/${broker.id}`, { method: 'DELETE' }),
    onSuccess: onDone,
  });
  return (
    <ConfirmDialog
      title={t('deactivateOf', { name: broker.name })}
      confirmLabel={t('deactivate')}
      pending={remove.isPending}
      error={remove.error?.message}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      {t('deactivateConfirm', { name: broker.name })}
    </ConfirmDialog>
  );
}
