import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeadAction, useUsers } from '../api';
import { Dialog } from '../../ui/Dialog';
import type { LeadDetail } from '../types';

/** An admin gives the lead to one of the broker's active users (`POST /api/v1/leads/{id}/assign`). */
export function AssignDialog({ lead, onClose }: { lead: LeadDetail; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const users = useUsers();
  const assign = useLeadAction(lead.id);
  const [agentId, setAgentId] = useState(lead.assignedAgentId ?? '');
  const candidates = (users.data ?? []).filter(
    (u) => u.active && u.brokerId === lead.brokerId && u.role !== 'SUPERADMIN',
  );
  return (
    <Dialog title={t('assignDialog.title')} closeButton onClose={onClose}>
      <form
        className="grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (agentId) assign.mutate({ kind: 'assign', agentId }, { onSuccess: onClose });
        }}
      >
        <label>
          {t('assignDialog.agent')}
          <select value={agentId} onChange={(e) => setAgentId(e.target.value)} required>
            <option value="">{t('assignDialog.choose')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName} · {u.email}
              </option>
            ))}
          </select>
        </label>
        {assign.error && (
          <p className="form-error" role="alert">
            {assign.error.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn primary" disabled={!agentId || assign.isPending}>
            {t('assignDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
