import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './dialog.css';

/** What Tab reaches inside a dialog. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Where focus starts: what is marked `data-autofocus`, else the first field, else the body's first control. */
function firstFocus(body: HTMLElement | null): HTMLElement | null {
  return (
    body?.querySelector<HTMLElement>('[data-autofocus]') ??
    body?.querySelector<HTMLElement>(FIELD) ??
    body?.querySelector<HTMLElement>(FOCUSABLE) ??
    null
  );
}

/**
 * The dashboard's one modal dialog, rendered into the page's body and labelled by its title. Focus moves
 * into it (see firstFocus, else the dialog itself), Tab and Shift+Tab stay inside, Escape closes it without
 * reaching the page, a press on the backdrop closes it unless `closeOnBackdrop` is false (a dialog whose
 * text would be lost), and focus goes back to what opened it if that is still on the page. `closeButton`
 * adds a ✕ for dialogs without a Cancel of their own.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
  closeButton = false,
  closeOnBackdrop = true,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  closeButton?: boolean;
  closeOnBackdrop?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    (firstFocus(body.current) ?? dialog.current)?.focus();
    return () => {
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (event.shiftKey && (at === first || at === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && at === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (closeOnBackdrop && event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialog}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          {closeButton && (
            <button type="button" className="btn ghost small" onClick={onClose} aria-label={t('state.close')}>
              ✕
            </button>
          )}
        </div>
        <div ref={body} className="dialog-body">
          {children}
        </div>
      </div>
    </div>,
    document.body,
  );
}

/**
 * A dialog holding one form: the browser's own validation is off (the api's answer names each field's
 * problem), Enter submits, and the actions are Cancel and the submit button, disabled while it runs.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  pending,
  submitLabel,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        {children}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('state.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={pending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Asks before something that cannot simply be undone (deactivate, disconnect, cancel a visit): the question,
 * the api's refusal when there is one, then Cancel (where focus starts) and the action, off while it runs.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending = false,
  error = null,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose}>
      <p>{children}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {cancelLabel ?? t('state.cancel')}
        </button>
        <button type="button" className="btn danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
