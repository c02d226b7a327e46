import type { ReactNode } from 'react';
import { FORM, type FieldErrors } from './problems';
import './forms.css';

/**
 * A label, its control and the control's error (or its hint while there is no error), tied together for
 * screen readers: give the control `errorProps(errors, field, id)` from ui/problems.
 */
export function Field({
  label,
  id,
  error,
  hint,
  children,
}: {
  label: string;
  id: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <small className="muted" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      {error && (
        <small className="form-error" id={`${id}-error`}>
          {error}
        </small>
      )}
    </div>
  );
}

/** The form's own error: what the api's answer said about no field in particular. */
export function FormError({ errors }: { errors: FieldErrors }) {
  return errors[FORM] ? (
    <p className="form-error" role="alert">
      {errors[FORM]}
    </p>
  ) : null;
}
