import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage, stubApi } from '../test/render';
import { Composer } from './Composer';

describe('Composer', () => {
  it('sends the same text again with the same idempotency key, and a new text with a new one', async () => {
    const onSend = vi
      .fn<(text: string, key: string) => Promise<unknown>>()
      .mockRejectedValueOnce(new Error('503'))
      .mockResolvedValue(undefined);
    stubApi({});
    renderPage(<Composer onSend={onSend} pending={false} error={null} />);
    const box = screen.getByRole('textbox');

    fireEvent.change(box, { target: { value: 'Hola, soy Ana del equipo' } });
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(box).toHaveValue(''));
    fireEvent.change(box, { target: { value: '¿Te llamo mañana?' } });
    fireEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(3));

    const [first, retry, next] = onSend.mock.calls;
    expect(retry).toEqual(first);
    expect(next[1]).not.toBe(first[1]);
  });
});
