import { queryString } from '@/lib/api-client';
import type { LeaderboardQuery } from '@/lib/api/leaderboards';

// The board's Server-Sent Events stream: the standing again whenever it changes.
export function watchUrl(id: string, query: LeaderboardQuery): string {
  return `/v1/leaderboards/${id}:watch${queryString({ ...query })}`;
}
