import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PrincipalContext } from '@/lib/principal';
import { useMe } from '@/features/auth/api/get-me';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { createAppRouter } from './routes';

// Signed out: the sign-in page. Signed in: the routes of the user's role.
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.data?.role;
  const router = useMemo(() => (role ? createAppRouter(role) : null), [role]);

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
  return (
    <PrincipalContext.Provider value={me.data}>
      <RouterProvider router={router} />
    </PrincipalContext.Provider>
  );
}
