import type { ReactNode } from 'react';
import type { Principal } from '@/features/auth/api/types';
import { ROLE_LABELS } from '@/features/auth/api/types';

interface AppShellProps {
  principal: Principal;
  onLogout: () => void;
  loggingOut: boolean;
  // A problem to show above the page (e.g. sign-out failed).
  notice?: string | null;
  children: ReactNode;
}

// The signed-in frame: brand, who is signed in, sign out.
export function AppShell({ principal, onLogout, loggingOut, notice, children }: AppShellProps) {
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>CIM Partner Portal</span>
        </div>
        <div className="topbar__user">
          <span className="topbar__name">{principal.displayName}</span>
          <span className="topbar__role">{ROLE_LABELS[principal.role]}</span>
          <button type="button" className="button button--ghost" onClick={onLogout} disabled={loggingOut}>
            {loggingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      {notice && (
        <p className="notice" role="alert">
          {notice}
        </p>
      )}
      <main className="content">{children}</main>
    </div>
  );
}
