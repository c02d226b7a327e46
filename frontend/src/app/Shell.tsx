import { useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { canSee, useAuth, type Role } from '../auth/AuthProvider';
import { useLive } from '../live/LiveEvents';
import { setLanguage, type Language } from '../i18n';

interface NavItem {
  to: string;
  label: string;
  visible?: (role?: Role) => boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/leads', label: 'nav.leads' },
  { to: '/pipeline', label: 'nav.pipeline' },
  { to: '/inbox', label: 'nav.inbox' },
  { to: '/appointments', label: 'nav.appointments' },
  { to: '/calls', label: 'nav.calls' },
  { to: '/operations', label: 'nav.operations', visible: canSee.operations },
  { to: '/settings', label: 'nav.settings', visible: canSee.settings },
  { to: '/users', label: 'nav.users', visible: canSee.users },
  { to: '/brokers', label: 'nav.brokers', visible: canSee.brokers },
  { to: '/test-chat', label: 'nav.testChat' },
];

/** The signed-in frame: navigation for what the role may see, language, live status, sign out. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const { me, logout } = useAuth();
  const live = useLive();
  const location = useLocation();
  // a phone's menu is open on the page where it was opened: choosing another page closes it
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;

  const items = NAV.filter((item) => !item.visible || item.visible(me?.role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn ghost menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
        >
          ☰ <span className="sr-only">{t('nav.menu')}</span>
        </button>
        <span className="brand">{t('appName')}</span>
        <span className={`live-dot ${live.state}`} title={t(`shell.${live.state === 'live' ? 'live' : live.state}`)}>
          <span className="sr-only">{t(`shell.${live.state === 'live' ? 'live' : live.state}`)}</span>
        </span>
        <span className="spacer" />
        <label className="language">
          <span className="sr-only">{t('shell.language')}</span>
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="es">ES</option>
            <option value="en">EN</option>
          </select>
        </label>
        {me && (
          <span className="who" data-testid="current-user">
            {me.full_name} · {t(`roles.${me.role}`)}
          </span>
        )}
        <button type="button" className="btn ghost" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </header>
      <nav id="main-nav" className={`sidenav ${menuOpen ? 'open' : ''}`} aria-label={t('nav.menu')}>
        <ul>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
