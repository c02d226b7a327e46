import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderPage, stubApi } from '../../test/render';
import { Countdown } from './Countdown';

const NOW = new Date('2026-11-29T15:00:00Z');

describe('Countdown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second down to "ahora", showing the moment in the broker’s time zone', async () => {
    // only the clock is fake: the api stub's promises still resolve
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    stubApi({});
    renderPage(<Countdown at="2026-11-29T15:01:05Z" />);
    const value = () => screen.getByTestId('countdown').querySelector('.countdown-value')!;
    expect(value()).toHaveTextContent('en 1:05');
    // 15:01 UTC is 12:01 in Santiago
    await screen.findByText(/12:01/);

    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(value()).toHaveTextContent('en 1:04');

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(value()).toHaveTextContent('en 0:04');

    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(value()).toHaveTextContent('ahora');
  });

  it('counts hours and days for far actions', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    stubApi({});
    renderPage(<Countdown at="2026-12-02T16:02:03Z" />);
    expect(screen.getByTestId('countdown')).toHaveTextContent('en 3 d 01:02:03');
  });
});
