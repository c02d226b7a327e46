import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { FORM, fieldErrors } from './problems';

describe('fieldErrors', () => {
  it('gives each field its part and keeps the password rules together', () => {
    const error = new ApiError(400, {
      detail:
        'email: not an e-mail address; Password rejected: the password must contain a digit (0-9); the password must contain a symbol',
    });
    const errors = fieldErrors(error, ['email', 'password'], { 'Password rejected': 'password' });
    expect(errors.email).toBe('not an e-mail address');
    expect(errors.password).toBe('the password must contain a digit (0-9); the password must contain a symbol');
    expect(errors[FORM]).toBeUndefined();
  });

  it('matches the longest field prefix and sends the rest to the form', () => {
    const error = new ApiError(422, {
      detail: 'settings.businessHours.days.MONDAY: open must be before close; settings.thresholds: bad; weird: thing',
    });
    const errors = fieldErrors(error, [
      'settings.businessHours',
      'settings.businessHours.days.MONDAY',
      'settings.thresholds',
    ]);
    expect(errors['settings.businessHours.days.MONDAY']).toBe('open must be before close');
    expect(errors['settings.businessHours']).toBeUndefined();
    expect(errors['settings.thresholds']).toBe('bad');
    expect(errors[FORM]).toBe('weird: thing');
  });

  it('puts any other answer on the form', () => {
    expect(fieldErrors(new ApiError(409, { detail: 'already exists' }), ['email'])).toEqual({
      [FORM]: 'already exists',
    });
  });
});
