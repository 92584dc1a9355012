// The leaderboards and a board's standing, as the dashboard, badges, leaderboards pages and
// the live progress stream read them.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from './query';
import type { GetLeaderboardResponse, ListLeaderboardsResponse } from './schema';

// The period and slice of a board to show, and how many rows around the caller.
export type LeaderboardQuery = QueryParams<'RecognitionService_GetLeaderboard'>;

export const leaderboardKeys = {
  standings: ['leaderboards', 'standing'] as const,
  list: ['leaderboards', 'list'] as const,
  standing: (id: string, query: LeaderboardQuery) => ['leaderboards', 'standing', id, query] as const,
};

export function useLeaderboards() {
  return useQuery({
    queryKey: leaderboardKeys.list,
    queryFn: async () => (await api.get<ListLeaderboardsResponse>('/v1/leaderboards')).leaderboards ?? [],
    staleTime: 5 * 60_000,
  });
}

export function useLeaderboardStanding(id: string | undefined, query: LeaderboardQuery) {
  return useQuery({
    queryKey: leaderboardKeys.standing(id ?? '', query),
    queryFn: () => api.get<GetLeaderboardResponse>(`/v1/leaderboards/${id}`, { ...query }),
    enabled: !!id,
  });
}
