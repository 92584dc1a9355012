import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveButton, ArchiveError, ArchivedPill, ShowArchived } from '@/components/Archiving';
import { BadgeImage } from '@/components/BadgeImage';
import { Card } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useChallenges } from '@/lib/api/challenges';
import { useBadgeCatalog } from '@/lib/api/recognition';
import type { Badge } from '@/lib/api/schema';
import { useTrainingModules } from '@/lib/api/training';
import { useToasts } from '@/components/Toasts';
import { describeCriteria } from '@/lib/badge-criteria';
import { formatDate } from '@/lib/format';
import { useLeaderboards, useUpdateBadge } from '../api/setup';
import { BadgeForm } from './BadgeForm';

// The badge catalog, and forms for a new badge and for editing one; archiving and restoring
// (program admins).
export function BadgesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [showArchived, setShowArchived] = useState(false);
  const badges = useBadgeCatalog(showArchived);
  const boards = useLeaderboards(true);
  const modules = useTrainingModules();
  const challenges = useChallenges(true);
  const update = useUpdateBadge();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Badge | null>(null);
  const setArchived = (b: Badge, archived: boolean) =>
    update.mutate(
      { badge: { id: b.id, etag: b.etag, archived }, mask: ['archived'] },
      {
        onSuccess: () =>
          toasts.show(archived ? t('Badge {{name}} archived', { name: b.name }) : t('Badge {{name}} restored', { name: b.name }), 'success'),
      },
    );
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
      {canEdit && !creating && !editing && (
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
      {editing && (
        <BadgeForm
          key={editing.id}
          knownImages={knownImages}
          leaderboards={boards.data ?? []}
          modules={modules.data ?? []}
          challenges={challenges.data ?? []}
          editing={{ badge: editing, criteriaText: describeCriteria(editing.criteria, t, names) }}
          onDone={() => setEditing(null)}
        />
      )}
      <Card
        title={t('Badge catalog')}
        id="badge-catalog"
        actions={<ShowArchived id="badges-show-archived" checked={showArchived} onChange={setShowArchived} />}
      >
        <ArchiveError error={update.error} />
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
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">{t('Actions')}</span>
                      </th>
                    )}
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
                          <strong>{b.name}</strong> {b.archived && <ArchivedPill />}
                          {b.description && <span className="muted small block">{b.description}</span>}
                        </div>
                      </td>
                      <td data-label={t('Earned for')}>{describeCriteria(b.criteria, t, names)}</td>
                      <td data-label={t('Created')}>{formatDate(b.createTime)}</td>
                      {canEdit && (
                        <td>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => {
                              setCreating(false);
                              setEditing(b);
                            }}
                            aria-label={t('Edit {{name}}', { name: b.name })}
                          >
                            {t('Edit')}
                          </button>
                          <ArchiveButton archived={!!b.archived} name={b.name ?? ''} pending={update.isPending} onToggle={(archived) => setArchived(b, archived)} />
                        </td>
                      )}
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
