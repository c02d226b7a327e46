import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const MAX = 4000;

/**
 * The agent's message box: a labelled textarea ("Mensaje") and "Enviar". Enter sends, Shift+Enter breaks the
 * line. The text stays while sending and is cleared only once the api took it; a refusal is shown under it.
 * Sending the same text again after a failure (a timeout the api may have completed) carries the same
 * idempotency key, so the lead gets it once.
 */
export function Composer({
  onSend,
  pending,
  error,
}: {
  onSend: (text: string, idempotencyKey: string) => Promise<unknown>;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation('conversations');
  const [text, setText] = useState('');
  const id = useId();
  const tooLong = text.length > MAX;
  const attempt = useRef<{ text: string; key: string } | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const value = text.trim();
    if (!value || tooLong || pending) return;
    if (attempt.current?.text !== value) attempt.current = { text: value, key: crypto.randomUUID() };
    try {
      await onSend(value, attempt.current.key);
      attempt.current = null;
      setText('');
    } catch {
      /* the error is shown by the caller's mutation */
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={id} className="sr-only">
        {t('message')}
      </label>
      <textarea
        id={id}
        value={text}
        rows={3}
        placeholder={t('placeholder')}
        aria-describedby={`${id}-hint`}
        aria-invalid={tooLong || undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div className="composer-bar">
        <span id={`${id}-hint`} className="muted small">
          {tooLong ? t('tooLong') : t('hint')}
        </span>
        <button type="submit" className="btn primary" disabled={pending || !text.trim() || tooLong}>
          {pending ? t('sending') : t('send')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
