import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useFormSubmit } from './useFormSubmit';

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

describe('useFormSubmit', () => {
  it('turns a refusal into field errors, clears them on the next try, and hands on the answer', async () => {
    const request = vi.fn().mockRejectedValueOnce(new Error('email: taken')).mockResolvedValueOnce({ id: 'u-1' });
    const onDone = vi.fn();
    const { result } = renderHook(() => useFormSubmit(request, () => ({ email: 'taken' }), onDone), { wrapper });

    act(() => result.current.submit());
    await waitFor(() => expect(result.current.errors).toEqual({ email: 'taken' }));
    expect(onDone).not.toHaveBeenCalled();

    act(() => result.current.submit());
    expect(result.current.errors).toEqual({});
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: 'u-1' }));
    expect(result.current.pending).toBe(false);
  });
});
