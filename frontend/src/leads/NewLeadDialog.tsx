import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { Dialog } from '../ui/Dialog';
import type { NewLead } from './types';

const TEXT_FIELDS = ['name', 'phone', 'email', 'zone', 'propertyType', 'timeline', 'source'] as const;

function numberOrUndefined(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? '')
    .replace(/[.\s$]/g, '')
    .trim();
  if (!text) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** `POST /api/v1/leads`: a lead typed in by an agent; its workflow starts at once. Opens it when created. */
export function NewLeadDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (lead: NewLead) =>
      api<{ leadId: string; workflowId: string }>('/api/v1/leads', { method: 'POST', body: lead }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
      onClose();
      navigate(`/leads/${created.leadId}`);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lead: NewLead = { name: String(form.get('name') ?? '').trim() };
    for (const field of TEXT_FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) (lead as unknown as Record<string, unknown>)[field] = value;
    }
    if (!lead.phone && !lead.email) {
      setLocalError(t('create.needContact'));
      return;
    }
    setLocalError(null);
    lead.bedrooms = numberOrUndefined(form.get('bedrooms'));
    lead.budgetClp = numberOrUndefined(form.get('budgetClp'));
    lead.monthlyIncomeClp = numberOrUndefined(form.get('monthlyIncomeClp'));
    const tags = String(form.get('tags') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (tags.length) lead.tags = tags;
    create.mutate(lead);
  }

  const error = localError ?? create.error?.message;
  return (
    <Dialog title={t('create.title')} closeButton onClose={onClose} wide>
      <form className="new-lead-form" onSubmit={submit} noValidate>
        <label>
          {t('create.name')}
          <input name="name" required autoComplete="off" maxLength={200} />
        </label>
        <label>
          {t('create.phone')}
          <input name="phone" type="tel" autoComplete="off" placeholder="+56 9 1234 5678" />
        </label>
        <label>
          {t('create.email')}
          <input name="email" type="email" autoComplete="off" />
        </label>
        <label>
          {t('create.zone')}
          <input name="zone" />
        </label>
        <label>
          {t('create.propertyType')}
          <input name="propertyType" list="property-types" />
          <datalist id="property-types">
            <option value="departamento" />
            <option value="casa" />
            <option value="oficina" />
            <option value="terreno" />
          </datalist>
        </label>
        <label>
          {t('create.bedrooms')}
          <input name="bedrooms" type="number" min={0} max={20} />
        </label>
        <label>
          {t('create.budget')}
          <input name="budgetClp" inputMode="numeric" />
        </label>
        <label>
          {t('create.income')}
          <input name="monthlyIncomeClp" inputMode="numeric" />
        </label>
        <label>
          {t('create.timeline')}
          <input name="timeline" />
        </label>
        <label>
          {t('create.source')}
          <input name="source" />
        </label>
        <label className="span-2">
          {t('create.tags')}
          <input name="tags" />
        </label>
        {error && (
          <p className="form-error span-2" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions span-2">
          <button type="submit" className="btn primary" disabled={create.isPending}>
            {create.isPending ? t('create.saving') : t('create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
