import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useToasts } from '@/components/Toasts';
import { queryString } from '@/lib/api-client';
import { leaderboardKeys, useLeaderboards } from '@/lib/api/leaderboards';
import { recognitionKeys } from '@/lib/api/recognition';
import type { ProgressUpdate } from '@/lib/api/schema';
import { useEventStream } from '@/lib/sse';

// Follows the signed-in partner user's standing over the gateway's SSE stream
// (WatchProgress) and keeps every page's data current without a reload: points and level,
// new badges (announced), and rank on each board they can see.
export function useProgressStream(enabled: boolean) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const boards = useLeaderboards();
  const ids = (boards.data ?? []).slice(0, 10).flatMap((b) => (b.id ? [b.id] : []));
  const url = enabled && boards.isSuccess ? `/v1/recognition:watch${queryString({ leaderboardIds: ids })}` : null;

  useEventStream<ProgressUpdate>(url, (update) => {
    const previous = queryClient.getQueryData<ProgressUpdate | null>(recognitionKeys.live);
    queryClient.setQueryData(recognitionKeys.live, update);
    if (update.summary) queryClient.setQueryData(recognitionKeys.summary, update.summary);
    if (!previous) return;
    // Something changed since the first update: refresh what depends on it.
    if (update.summary?.lifetimePoints !== previous.summary?.lifetimePoints) {
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
      void queryClient.invalidateQueries({ queryKey: ['challenges'] });
    }
    const newBadges = update.newBadges ?? [];
    if (newBadges.length > 0) {
      void queryClient.invalidateQueries({ queryKey: recognitionKeys.badges });
      for (const badge of newBadges) {
        toasts.show(t('New badge: {{name}}!', { name: badge.badge?.name }), 'celebrate');
      }
    }
    const level = update.summary?.level?.level;
    if (update.levelUp && level) {
      toasts.show(t('Level up! You reached {{level}}.', { level: level.name }), 'celebrate');
    }
    const moved = (update.ranks ?? []).filter((r) => {
      const before = (previous.ranks ?? []).find((p) => p.leaderboardId === r.leaderboardId);
      return !before || before.rank !== r.rank || before.score !== r.score;
    });
    if (moved.length > 0) void queryClient.invalidateQueries({ queryKey: leaderboardKeys.standings });
  });
}
