import type { Principal } from '@/features/auth/api/types';
import { ROLE_LABELS } from '@/features/auth/api/types';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

// The signed-in user's own profile: who they are, their role and organisation.
export function ProfilePage({ principal }: { principal: Principal }) {
  const organisation = principal.partnerName || 'Vendor staff';
  return (
    <section className="profile" aria-labelledby="profile-title">
      <p className="eyebrow">Your profile</p>
      <div className="profile__card">
        <div className="avatar" aria-hidden="true">
          {initials(principal.displayName)}
        </div>
        <div>
          <h1 id="profile-title">{principal.displayName}</h1>
          <p className="muted">{principal.email}</p>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Role</dt>
          <dd data-testid="profile-role">{ROLE_LABELS[principal.role]}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd data-testid="profile-partner">{organisation}</dd>
        </div>
        <div>
          <dt>User ID</dt>
          <dd>{principal.userId}</dd>
        </div>
      </dl>
    </section>
  );
}
