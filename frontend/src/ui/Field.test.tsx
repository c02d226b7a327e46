import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Field } from './Field';
import { errorProps } from './problems';

describe('Field', () => {
  it('describes its control by the hint, then by the error once there is one', () => {
    const { rerender } = render(
      <Field label="Contraseña" id="pw" hint="Al menos 12 caracteres">
        <input id="pw" {...errorProps({}, 'password', 'pw', true)} />
      </Field>,
    );
    expect(screen.getByLabelText('Contraseña')).toHaveAccessibleDescription('Al menos 12 caracteres');
    expect(screen.getByLabelText('Contraseña')).not.toHaveAttribute('aria-invalid');

    const errors = { password: 'demasiado corta' };
    rerender(
      <Field label="Contraseña" id="pw" hint="Al menos 12 caracteres" error={errors.password}>
        <input id="pw" {...errorProps(errors, 'password', 'pw', true)} />
      </Field>,
    );
    expect(screen.getByLabelText('Contraseña')).toHaveAccessibleDescription('demasiado corta');
    expect(screen.getByLabelText('Contraseña')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Al menos 12 caracteres')).toBeNull();
  });
});
