import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { Shell } from './Shell';
import { AGENT, renderPage, stubApi } from '../test/render';

afterEach(() => vi.unstubAllGlobals());

describe('Shell', () => {
  it("closes a phone's menu once a page is chosen, and opens it again from the new page", async () => {
    stubApi({}, AGENT);
    renderPage(
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<p>home page</p>} />
          <Route path="leads" element={<p>leads page</p>} />
        </Route>
      </Routes>,
    );
    const menu = screen.getByRole('button', { name: /Menú/ });
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('navigation', { name: 'Menú' })).toHaveClass('open');

    await userEvent.click(screen.getByRole('link', { name: 'Leads' }));
    expect(await screen.findByText('leads page')).toBeInTheDocument();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('navigation', { name: 'Menú' })).not.toHaveClass('open');

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
  });
});
