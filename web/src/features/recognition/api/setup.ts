import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { recognitionKeys } from '@/lib/api/recognition';
import type { Badge, Leaderboard, Level, ListLeaderboardsResponse, ListLevelsResponse } from '@/lib/api/schema';

// The recognition catalog the program admin sets up: the level ladder, badges and boards.
export const setupKeys = {
  levels: ['recognition', 'levels'] as const,
  catalog: recognitionKeys.catalog,
  leaderboards: ['recognition', 'leaderboards'] as const,
};

export function useLevels() {
  return useQuery({
    queryKey: setupKeys.levels,
    queryFn: async () => (await api.get<ListLevelsResponse>('/v1/levels')).levels ?? [],
  });
}

export function useSetLevels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (levels: Array<Pick<Level, 'name' | 'minPoints'>>) =>
      (await api.put<ListLevelsResponse>('/v1/levels', { levels })).levels ?? [],
    onSuccess: (levels) => {
      queryClient.setQueryData(setupKeys.levels, levels);
      void queryClient.invalidateQueries({ queryKey: ['recognition', 'summary'] });
    },
  });
}

export function useCreateBadge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (badge: Omit<Badge, 'id' | 'createTime' | 'etag' | 'archived'>) => api.post<Badge>('/v1/badges', badge),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: setupKeys.catalog });
      void queryClient.invalidateQueries({ queryKey: ['recognition', 'badges'] });
    },
  });
}

// Every board; archived ones too when asked.
export function useLeaderboards(includeArchived = false) {
  return useQuery({
    queryKey: [...setupKeys.leaderboards, includeArchived],
    queryFn: async () =>
      (await api.get<ListLeaderboardsResponse>('/v1/leaderboards', { includeArchived: includeArchived || undefined })).leaderboards ?? [],
  });
}

// Changes the fields `mask` names (API paths) of a badge read at `etag`: its name, description
// and image, or archives or restores it. What earns a badge never changes.
export function useUpdateBadge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ badge, mask }: { badge: Pick<Badge, 'id' | 'etag'> & Partial<Badge>; mask: string[] }) =>
      api.patch<Badge>(`/v1/badges/${badge.id}`, badge, mask),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: setupKeys.catalog });
      void queryClient.invalidateQueries({ queryKey: ['recognition', 'badges'] });
    },
  });
}

// Renames, archives or restores a board read at `etag`. What a board counts never changes.
export function useUpdateLeaderboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ board, mask }: { board: Pick<Leaderboard, 'id' | 'etag'> & Partial<Leaderboard>; mask: string[] }) =>
      api.patch<Leaderboard>(`/v1/leaderboards/${board.id}`, board, mask),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: setupKeys.leaderboards });
      void queryClient.invalidateQueries({ queryKey: ['leaderboards', 'list'] });
    },
  });
}

export function useCreateLeaderboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (board: Omit<Leaderboard, 'id' | 'createTime' | 'etag' | 'archived'>) => api.post<Leaderboard>('/v1/leaderboards', board),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: setupKeys.leaderboards });
      // The partner-facing boards page keeps its own list.
      void queryClient.invalidateQueries({ queryKey: ['leaderboards', 'list'] });
    },
  });
}
