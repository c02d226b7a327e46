import { ApiError } from '../api/client';

/** Field → message, from an api validation answer; `_form` holds what names no known field. */
export type FieldErrors = Record<string, string>;
export const FORM = '_form';

/**
 * Splits the api's validation detail into per-field messages. The api answers 400 (or 422) with one
 * `detail` of `field: message` parts joined by "; " (`settings.thresholds: …; timeZone: …`); a part that
 * names no field continues the previous one (the password rules are themselves "; "-joined). `fields`
 * lists the names the form shows, longest prefix wins (`settings.businessHours.days.MONDAY` before
 * `settings.businessHours`); `aliases` maps other leading words (`Password rejected`) to a field.
 */
export function fieldErrors(
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): FieldErrors {
  if (!(error instanceof ApiError)) return { [FORM]: error instanceof Error ? error.message : String(error) };
  const detail = String(error.problem.detail ?? error.message ?? '');
  if (error.status !== 400 && error.status !== 422) return { [FORM]: detail || error.message };
  const out: FieldErrors = {};
  const sorted = [...fields].sort((a, b) => b.length - a.length);
  let last: string | null = null;
  for (const raw of detail.split(/;\s+/)) {
    const part = raw.trim();
    if (!part) continue;
    const colon = part.indexOf(':');
    const head = colon > 0 ? part.slice(0, colon).trim() : '';
    const message = colon > 0 ? part.slice(colon + 1).trim() : part;
    let field: string | null = null;
    if (head) {
      field = aliases[head] ?? sorted.find((f) => head === f || head.startsWith(`${f}.`)) ?? null;
    }
    if (field) {
      out[field] = out[field] ? `${out[field]}; ${message}` : message;
      last = field;
    } else if (last && !head) {
      out[last] = `${out[last]}; ${part}`;
    } else {
      out[FORM] = out[FORM] ? `${out[FORM]}; ${part}` : part;
      last = FORM;
    }
  }
  if (Object.keys(out).length === 0) out[FORM] = detail || error.message;
  return out;
}

/**
 * Props that tie an input to its error message (`aria-invalid`, `aria-describedby`), or to its hint
 * when it has one and no error (a Field shows one or the other).
 */
export function errorProps(errors: FieldErrors, field: string, id: string, hint = false) {
  if (errors[field]) return { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` };
  return hint ? { 'aria-describedby': `${id}-hint` } : {};
}
