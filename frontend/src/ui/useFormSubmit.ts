import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { FieldErrors } from './problems';

/**
 * A dialog form's request: `submit()` clears the previous errors and sends it; a refusal becomes `errors`,
 * field by field (`toErrors`, usually fieldErrors), and success hands the answer to `onDone`.
 */
export function useFormSubmit<T>(
  request: () => Promise<T>,
  toErrors: (error: unknown) => FieldErrors,
  onDone: (answer: T) => void,
) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: request,
    onSuccess: (answer) => onDone(answer),
    onError: (error) => setErrors(toErrors(error)),
  });
  return {
    errors,
    pending: mutation.isPending,
    submit: () => {
      setErrors({});
      mutation.mutate();
    },
  };
}
