import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeImage } from '@/components/BadgeImage';
import { Page } from '@/components/Page';
import { ProgressBar } from '@/components/ProgressBar';
import { QueryView } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import { useChallenges } from '@/lib/api/challenges';
import { useLeaderboards } from '@/lib/api/leaderboards';
import { useMyBadges } from '@/lib/api/recognition';
import { useTrainingModules } from '@/lib/api/training';
import { describeCriteria } from '@/lib/badge-criteria';
import { formatDate } from '@/lib/format';

type Filter = 'all' | 'earned' | 'locked';

// Every badge: earned ones with the date, locked ones with what they ask and how far along the
// user is.
export default function BadgesPage() {
  const { t } = useTranslation();
  const badges = useMyBadges();
  const modules = useTrainingModules();
  const challenges = useChallenges(true);
  const boards = useLeaderboards();
  const [filter, setFilter] = useState<Filter>('all');
  const names = {
    module: (id: string) => modules.data?.find((m) => m.id === id)?.title,
    challenge: (id: string) => challenges.data?.find((c) => c.id === id)?.title,
    leaderboard: (id: string) => boards.data?.find((b) => b.id === id)?.name,
  };

  return (
    <Page title={t('Badges')} subtitle={t('Collect them all: each one says what it takes.')}>
      <QueryView query={badges}>
        {(list) => {
          const earned = list.filter((b) => b.earned).length;
          const shown = list.filter((b) => filter === 'all' || (filter === 'earned') === !!b.earned);
          return (
            <>
              <p className="lead" data-testid="badge-count">
                {t('{{earned}} of {{total}} badges earned', { earned, total: list.length })}
              </p>
              <Tabs
                label={t('Badges')}
                tabs={[
                  { id: 'all', label: t('All') },
                  { id: 'earned', label: t('Earned') },
                  { id: 'locked', label: t('Locked') },
                ]}
                selected={filter}
                onSelect={setFilter}
              />
              <div role="tabpanel" aria-labelledby={`tab-${filter}`}>
              <ul className="badge-grid">
                {shown.map(({ badge = {}, ...b }) => (
                  <li key={badge.id} className={`badge-card ${b.earned ? 'badge-card--earned' : 'badge-card--locked'}`} data-testid={`badge-${badge.id}`}>
                    <BadgeImage badge={badge} earned={!!b.earned} size={72} />
                    <h2>{badge.name}</h2>
                    <p className="muted small">{badge.description}</p>
                    <p className="badge-card__criteria">{describeCriteria(badge.criteria, t, names)}</p>
                    {b.earned ? (
                      <p className="badge-card__earned">{t('Earned {{date}}', { date: formatDate(b.earnTime) })}</p>
                    ) : (
                      <>
                        <ProgressBar percent={b.progressPercent ?? 0} label={t('Progress to {{badge}}', { badge: badge.name })} valueText={b.progressText} tone="accent" />
                        <p className="muted small">{b.progressText}</p>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              </div>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
