import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../ui/Badges';
import { Dialog } from '../ui/Dialog';
import type { ReasonKind } from './board';

/**
 * Asks why a lead moves (to LOST, to WON, or backwards). Stays open while the api answers, and shows the
 * workflow's refusal in place, so the agent can change the reason or cancel; a stray click beside it keeps
 * the typed reason.
 */
export function MoveDialog({
  name,
  to,
  kind,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  name: string;
  to: Stage;
  kind: ReasonKind;
  busy: boolean;
  error: string | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const helpId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  };

  const help = kind === 'lost' ? 'reasonHelpLost' : kind === 'won' ? 'reasonHelpWon' : 'reasonHelpBack';
  return (
    <Dialog
      title={t('pipeline:dialog.title', { name, stage: t(`stage.${to}`) })}
      onClose={onCancel}
      closeOnBackdrop={false}
    >
      <form onSubmit={submit} className="move-dialog">
        <label>
          {t('pipeline:dialog.reason')}
          <textarea
            ref={field}
            rows={3}
            maxLength={500}
            value={reason}
            aria-describedby={`${helpId} ${error ? errorId : ''}`.trim()}
            aria-invalid={missing && !reason.trim()}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </label>
        <p id={helpId} className="muted small-print">
          {missing && !reason.trim() ? t('pipeline:dialog.reasonRequired') : t(`pipeline:dialog.${help}`)}
        </p>
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            {t('state.cancel')}
          </button>
          <button type="submit" className={`btn ${to === 'LOST' ? 'danger' : 'primary'}`} disabled={busy}>
            {busy ? t('pipeline:moving') : t('pipeline:dialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
