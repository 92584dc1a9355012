import { useEffect, useState } from 'react';
import { NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import { ToastProvider, useToasts } from '@/components/Toasts';
import { labelOf } from '@/lib/api/enums';
import { kLanguages, setLanguage } from '@/lib/i18n';
import { isPartnerRole, ROLE_LABELS, usePrincipal } from '@/lib/principal';
import { useLogout } from '@/features/auth/api/logout';
import { useSaveLanguage } from '@/features/notifications/api/settings';
import { NotificationBell } from '@/features/notifications/components/NotificationBell';
import { useProgressStream } from '@/features/recognition/hooks/use-progress-stream';
import { navigationFor } from './navigation';

// The signed-in frame: navigation for the user's role, notifications, language, who is signed
// in, sign out; the page in the middle. Partner users' progress is followed live from here.
export function AppShell() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const logout = useLogout();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navigationFor(principal.role);

  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <ToastProvider>
      <ScrollRestoration />
      <LiveProgress enabled={isPartnerRole(principal.role)} />
      <a className="skip-link" href="#main">
        {t('Skip to content')}
      </a>
      <div className={`shell ${menuOpen ? 'shell--menu-open' : ''}`}>
        <header className="topbar">
          <button
            type="button"
            className="topbar__menu button button--ghost button--icon"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Icon name="menu" />
            <span className="visually-hidden">{t('Menu')}</span>
          </button>
          {/* Named for screen readers also at phone width, where the name's text is hidden. */}
          <NavLink to="/" className="brand" aria-label={t('CIM Partner Portal')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('CIM Partner Portal')}</span>
          </NavLink>
          <div className="topbar__user">
            <NotificationBell />
            <LanguageSelect />
            <NavLink to="/profile" className="topbar__profile">
              <span className="topbar__name">{principal.displayName}</span>
              <span className="topbar__role">{t(labelOf(ROLE_LABELS, principal.role) ?? 'Unknown')}</span>
            </NavLink>
            <button
              type="button"
              className="button button--ghost button--small topbar__sign-out"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              <Icon name="logout" size={18} />
              <span className="topbar__sign-out-text">{logout.isPending ? t('Signing out…') : t('Sign out')}</span>
            </button>
          </div>
        </header>
        {logout.isError && (
          <p className="notice" role="alert">
            {t('Could not sign out: {{message}}', { message: logout.error.message })}
          </p>
        )}
        <div className="shell__body">
          <nav id="main-nav" className="sidenav" aria-label={t('Main')}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="sidenav__link">
                    <Icon name={item.icon} />
                    <span>{t(item.label)}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
            {principal.partnerName && <p className="sidenav__org">{principal.partnerName}</p>}
          </nav>
          <main id="main" className="content" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </ToastProvider>
  );
}

function LiveProgress({ enabled }: { enabled: boolean }) {
  useProgressStream(enabled);
  return null;
}

// The portal's language, saved for the person too so that their emails and notifications follow.
function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const save = useSaveLanguage();
  const choose = (language: string) => {
    setLanguage(language);
    save.mutate(language, {
      onError: (error) => toasts.show(t('Your language was not saved for your emails: {{message}}', { message: error.message })),
    });
  };
  return (
    <>
      <label className="visually-hidden" htmlFor="language">
        {t('Language')}
      </label>
      <select id="language" className="topbar__language" value={i18n.language} onChange={(e) => choose(e.target.value)}>
        {kLanguages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </>
  );
}
