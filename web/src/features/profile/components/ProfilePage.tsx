import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { api } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import { recognitionKeys, useRecognitionSummary } from '@/lib/api/recognition';
import type { RecognitionSummary } from '@/lib/api/schema';
import { isPartnerRole, ROLE_LABELS, usePrincipal } from '@/lib/principal';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

// The signed-in user's own profile: who they are, their role and organisation, and (partner
// users) whether their name shows on leaderboards.
export default function ProfilePage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const organisation = principal.partnerName || t('Vendor staff');
  return (
    <Page title={t('Your profile')}>
      <section className="profile" aria-label={t('Your profile')}>
        <div className="profile__card">
          <div className="avatar" aria-hidden="true">
            {initials(principal.displayName ?? '')}
          </div>
          <div>
            <h2 id="profile-title">{principal.displayName}</h2>
            <p className="muted">{principal.email}</p>
          </div>
        </div>
        <dl className="facts">
          <div>
            <dt>{t('Role')}</dt>
            <dd data-testid="profile-role">{t(labelOf(ROLE_LABELS, principal.role) ?? 'Unknown')}</dd>
          </div>
          <div>
            <dt>{t('Organisation')}</dt>
            <dd data-testid="profile-partner">{organisation}</dd>
          </div>
          <div>
            <dt>{t('User ID')}</dt>
            <dd>{principal.userId}</dd>
          </div>
        </dl>
      </section>
      <Card title={t('Sign-in and security')} id="security">
        <p className="muted">{t('Change your password, see where you are signed in and every sign-in to your account.')}</p>
        <Link className="button button--ghost button--inline" to="/account/security">
          {t('Open sign-in and security')}
        </Link>
      </Card>
      {isPartnerRole(principal.role) && <LeaderboardPrivacy />}
    </Page>
  );
}

function LeaderboardPrivacy() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const summary = useRecognitionSummary();
  const update = useMutation({
    mutationFn: (showName: boolean) => api.post<RecognitionSummary>('/v1/recognition:setLeaderboardPrivacy', { showName }),
    onSuccess: (s) => queryClient.setQueryData(recognitionKeys.summary, s),
  });
  if (!summary.data) return null;
  return (
    <Card title={t('Privacy')} id="privacy">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={summary.data.showNameOnLeaderboards}
          disabled={update.isPending}
          onChange={(e) => update.mutate(e.target.checked)}
        />
        <span>{t('Show my name to other partners on leaderboards and in the feed')}</span>
      </label>
      <p className="muted small">{t('When off, others see "Anonymous participant"; you always see yourself.')}</p>
    </Card>
  );
}
