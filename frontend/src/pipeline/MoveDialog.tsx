import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../ui/Badges';
import type { ReasonKind } from './board';

/**
 * Asks why a lead moves (to LOST, to WON, or backwards). Stays open while the api answers, and shows the
 * workflow's refusal in place, so the agent can change the reason or cancel.
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
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const helpId = useId();
  const errorId = useId();

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    field.current?.focus();
    return () => before?.focus?.();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  };

  // Escape cancels; Tab stays inside the dialog
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = dialog.current.querySelectorAll<HTMLElement>('textarea, button:not([disabled])');
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const help = kind === 'lost' ? 'reasonHelpLost' : kind === 'won' ? 'reasonHelpWon' : 'reasonHelpBack';
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div ref={dialog} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <form onSubmit={submit} className="move-dialog">
          <h2 id={titleId}>{t('pipeline:dialog.title', { name, stage: t(`stage.${to}`) })}</h2>
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
      </div>
    </div>
  );
}
