import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeImage } from '@/components/BadgeImage';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useChallenges } from '@/lib/api/challenges';
import { useBadgeCatalog } from '@/lib/api/recognition';
import { useTrainingModules } from '@/lib/api/training';
import { describeCriteria } from '@/lib/badge-criteria';
import { formatDate } from '@/lib/format';
import { useLeaderboards } from '../api/setup';
import { BadgeForm } from './BadgeForm';

// The badge catalog, and a form for a new badge (program admins).
export function BadgesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const badges = useBadgeCatalog();
  const boards = useLeaderboards();
  const modules = useTrainingModules();
  const challenges = useChallenges(true);
  const [creating, setCreating] = useState(false);
  const nameOf = <T extends { id?: string }>(list: T[] | undefined, label: (item: T) => string | undefined) => (id: string) => {
    const found = list?.find((item) => item.id === id);
    return found ? label(found) : undefined;
  };
  const names = {
    leaderboard: nameOf(boards.data, (b) => b.name),
    module: nameOf(modules.data, (m) => m.title),
    challenge: nameOf(challenges.data, (c) => c.title),
  };
  const knownImages = [...new Set((badges.data ?? []).flatMap((b) => (b.imageUrl ? [b.imageUrl] : [])))];

  return (
    <>
      {canEdit && !creating && (
        <button type="button" className="button button--primary button--inline setup-action" onClick={() => setCreating(true)}>
          {t('New badge')}
        </button>
      )}
      {creating && (
        <BadgeForm
          knownImages={knownImages}
          leaderboards={boards.data ?? []}
          modules={modules.data ?? []}
          challenges={challenges.data ?? []}
          onDone={() => setCreating(false)}
        />
      )}
      <Card title={t('Badge catalog')} id="badge-catalog">
        <QueryView query={badges}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('No badges yet.')}</Empty>
            ) : (
              <table className="table table--cards badge-table">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('Image')}</span>
                    </th>
                    <th scope="col">{t('Badge')}</th>
                    <th scope="col">{t('Earned for')}</th>
                    <th scope="col">{t('Created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id}>
                      <td className="badge-table__image">
                        <BadgeImage badge={b} earned size={44} />
                      </td>
                      <td data-label={t('Badge')}>
                        <div>
                          <strong>{b.name}</strong>
                          {b.description && <span className="muted small block">{b.description}</span>}
                        </div>
                      </td>
                      <td data-label={t('Earned for')}>{describeCriteria(b.criteria, t, names)}</td>
                      <td data-label={t('Created')}>{formatDate(b.createTime)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </Card>
    </>
  );
}
