import { useLogout } from '@/features/auth/api/logout';
import { useMe } from '@/features/auth/api/get-me';
import { LoginPage } from '@/features/auth/components/LoginPage';
import { ProfilePage } from '@/features/profile/components/ProfilePage';
import { AppShell } from '@/components/AppShell';

export function App() {
  const me = useMe();
  const logoutMutation = useLogout();

  if (me.isPending) {
    return (
      <div className="loading" role="status">
        Loading…
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="loading" role="alert">
        The portal cannot reach the server right now.{' '}
        <button type="button" className="button button--ghost" onClick={() => me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!me.data) return <LoginPage />;
  return (
    <AppShell
      principal={me.data}
      onLogout={() => logoutMutation.mutate()}
      loggingOut={logoutMutation.isPending}
      notice={
        logoutMutation.isError ? `Could not sign out: ${logoutMutation.error.message}` : null
      }
    >
      <ProfilePage principal={me.data} />
    </AppShell>
  );
}
