import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { AccountsList, useAccountsPage } from '../ui/Accounts';
import type { Broker } from '../ui/useBroker';
import { FormDialog } from '../ui/Dialog';
import { Field, FormError } from '../ui/Field';
import { errorProps, fieldErrors, type FieldErrors } from '../ui/problems';
import { useFormSubmit } from '../ui/useFormSubmit';
import { TimeZoneSelect } from '../settings/TimeZoneSelect';

const FIELDS = ['slug', 'name', 'timeZone', 'personaName', 'personaTone'];

function brokerErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.status === 409 && /slug/i.test(error.message)) return { slug: error.message };
  return fieldErrors(error, FIELDS);
}

type Open = { kind: 'create' } | { kind: 'edit'; broker: Broker };

export default function BrokersPage() {
  const { t } = useTranslation('brokers');
  const accounts = useAccountsPage<Broker, Open>({
    ns: 'brokers',
    listKey: queryKeys.brokers,
    pathOf: (b) => `/api/v1/brokers/${b.id}`,
    nameOf: (b) => b.name,
    reactivateWith: 'PUT',
  });
  const { open, setOpen, close, done } = accounts;
  const brokers = useQuery({
    queryKey: queryKeys.brokerList({}),
    queryFn: ({ signal }) => api<Broker[]>('/api/v1/brokers', { signal }),
  });

  return (
    <div className="brokers">
      <AccountsList
        accounts={accounts}
        query={brokers}
        columns={[
          { header: t('name'), cell: (b) => b.name },
          { header: t('slug'), cell: (b) => <code>{b.slug}</code> },
          { header: t('timeZone'), cell: (b) => b.timeZone },
          { header: t('personaName'), cell: (b) => b.personaName },
        ]}
        rowTestId="broker-row"
        onAdd={() => setOpen({ kind: 'create' })}
        onEdit={(broker) => setOpen({ kind: 'edit', broker })}
      />
      {open?.kind === 'create' && <BrokerDialog onClose={close} onDone={(b) => done(t('created', { name: b.name }))} />}
      {open?.kind === 'edit' && <BrokerDialog broker={open.broker} onClose={close} onDone={() => done(t('saved'))} />}
      {accounts.overlays}
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
  const set = (key: keyof typeof form, value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const setTimeZone = useCallback((zone: string) => setForm((f) => ({ ...f, timeZone: zone })), []);
  const { errors, pending, submit } = useFormSubmit(
    () => {
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
    brokerErrors,
    onDone,
  );
  return (
    <FormDialog
      title={broker ? t('editOf', { name: broker.name }) : t('add')}
      onClose={onClose}
      onSubmit={submit}
      pending={pending}
      submitLabel={pending ? (broker ? t('saving') : t('creating')) : broker ? t('save') : t('create')}
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
