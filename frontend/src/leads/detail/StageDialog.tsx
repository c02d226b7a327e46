import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../ui/Badges';
import { useLeadAction } from '../api';
import { Dialog } from '../../ui/Dialog';

const NEED_REASON = new Set(['WON', 'LOST']);

/** Moves the lead to a stage, with the reason every move records (required for won and lost). */
export function StageDialog({
  leadId,
  current,
  preset,
  onClose,
}: {
  leadId: string;
  current: string;
  preset?: 'WON' | 'LOST';
  onClose: () => void;
}) {
  const { t } = useTranslation('leads');
  const { t: tc } = useTranslation();
  const move = useLeadAction(leadId);
  const [stage, setStage] = useState<string>(preset ?? STAGES.find((s) => s !== current) ?? 'NEW');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const title =
    preset === 'WON'
      ? t('stageDialog.wonTitle')
      : preset === 'LOST'
        ? t('stageDialog.lostTitle')
        : t('stageDialog.title');

  return (
    <Dialog title={title} closeButton onClose={onClose}>
      <form
        className="grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (NEED_REASON.has(stage) && !reason.trim()) {
            setMissing(true);
            return;
          }
          move.mutate({ kind: 'stage', stage, reason: reason.trim() || undefined }, { onSuccess: onClose });
        }}
      >
        {!preset && (
          <label>
            {t('stageDialog.stage')}
            <select value={stage} onChange={(e) => setStage(e.target.value)}>
              {STAGES.filter((s) => s !== current).map((s) => (
                <option key={s} value={s}>
                  {tc(`stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('stageDialog.reason')}
          <textarea
            value={reason}
            rows={3}
            maxLength={500}
            required={NEED_REASON.has(stage)}
            aria-invalid={missing || undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </label>
        {(missing || move.error) && (
          <p className="form-error" role="alert">
            {missing ? t('stageDialog.reasonRequired') : move.error?.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className={`btn ${stage === 'LOST' ? 'danger' : 'primary'}`} disabled={move.isPending}>
            {preset === 'WON' ? t('detail.won') : preset === 'LOST' ? t('detail.lost') : t('stageDialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
