import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { Toast } from './Toast';

afterEach(() => vi.useRealTimers());

describe('Toast', () => {
  it('announces the message and calls the latest onDone after four seconds, once', () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(<Toast message="Usuario creado" onDone={first} />);
    expect(screen.getByRole('status')).toHaveTextContent('Usuario creado');

    act(() => vi.advanceTimersByTime(3000));
    rerender(<Toast message="Usuario creado" onDone={latest} />); // a new callback does not restart the timer
    act(() => vi.advanceTimersByTime(1000));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
  });

  it('keeps an empty live region while there is nothing to say', () => {
    vi.useFakeTimers();
    const onDone = vi.fn();
    render(<Toast message={null} onDone={onDone} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(10_000));
    expect(onDone).not.toHaveBeenCalled();
  });
});
