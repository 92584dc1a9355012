import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { matchPath, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Principal } from '@/lib/api/schema';
import i18n, { kLanguages, setLanguage } from '@/lib/i18n';
import { PrincipalContext } from '@/lib/principal';
import { ForgotPasswordPage } from '@/features/account/components/ForgotPasswordPage';
import { ResetPasswordPage } from '@/features/account/components/ResetPasswordPage';
import { TwoStepRequiredPage } from '@/features/account/components/TwoStepRequiredPage';
import { meQueryKey, useMe } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { UnsubscribePage } from '@/features/notifications/components/UnsubscribePage';
import { createAppRouter } from './routes';

// Pages that need no sign-in: an email's unsubscribe link works signed in or not, and so do
// a forgotten password's pages and an invitation's.
export function App() {
  const path = window.location.pathname;
  const unsubscribe = matchPath('/unsubscribe/:token', path);
  if (unsubscribe) return <UnsubscribePage token={unsubscribe.params.token ?? ''} />;
  if (matchPath('/forgot-password', path)) return <ForgotPasswordPage />;
  const reset = matchPath('/reset-password/:token', path);
  if (reset) return <ResetPasswordPage token={reset.params.token ?? ''} />;
  const welcome = matchPath('/welcome/:token', path);
  if (welcome) return <ResetPasswordPage token={welcome.params.token ?? ''} welcome />;
  return <SignedInApp />;
}

// Signed out: the sign-in page. Signed in: the routes of the user's role, or for a role that
// requires two-step sign-in, setting it up first.
function SignedInApp() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const role = me.data?.role;
  const router = useMemo(() => (role ? createAppRouter(role) : null), [role]);
  useSavedLanguage(me.data ?? null);

  if (me.isPending) {
    return (
      <div className="loading" role="status">
        {t('Loading…')}
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="loading" role="alert">
        {t('The portal cannot reach the server right now.')}{' '}
        <button type="button" className="button button--ghost" onClick={() => me.refetch()}>
          {t('Try again')}
        </button>
      </div>
    );
  }
  if (!me.data || !router) return <LoginPage />;
  if (me.data.twoStepSetupRequired) {
    return (
      <TwoStepRequiredPage
        principal={me.data}
        onDone={() => void queryClient.invalidateQueries({ queryKey: meQueryKey })}
        onSignOut={() => logout.mutate()}
      />
    );
  }
  return (
    <PrincipalContext.Provider value={me.data}>
      <RouterProvider router={router} />
    </PrincipalContext.Provider>
  );
}

// At sign-in (and when a signed-in page opens) the portal takes the language the person saved
// for what the server writes to them. Requests carry the portal's language, so a person who
// saved none gets back the one on screen.
function useSavedLanguage(principal: Principal | null) {
  const appliedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!principal?.userId || appliedFor.current === principal.userId) return;
    appliedFor.current = principal.userId;
    const language = principal.language ?? '';
    if (language !== i18n.language && kLanguages.some((l) => l.code === language)) setLanguage(language);
  }, [principal]);
}
