// The signed-in user's recognition (points, level, badges, live progress) and the badge
// catalog, as the dashboard, badges, profile, organisation and training pages read them.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Badge, ListBadgesResponse, ListUserBadgesResponse, ProgressUpdate, RecognitionSummary } from './schema';

export const recognitionKeys = {
  summary: ['recognition', 'summary'] as const,
  badges: ['recognition', 'badges'] as const,
  live: ['recognition', 'live'] as const,
  catalog: ['recognition', 'catalog'] as const,
};

export function useRecognitionSummary() {
  return useQuery({
    queryKey: recognitionKeys.summary,
    queryFn: () => api.get<RecognitionSummary>('/v1/recognition:summary'),
  });
}

export function useMyBadges() {
  return useQuery({
    queryKey: recognitionKeys.badges,
    queryFn: async () => (await api.get<ListUserBadgesResponse>('/v1/recognition:badges')).badges ?? [],
  });
}

// The latest update of the live progress stream (set by useProgressStream), if any arrived.
export function useLiveProgress() {
  return useQuery<ProgressUpdate | null>({
    queryKey: recognitionKeys.live,
    queryFn: () => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

// Every badge of the catalog, oldest first (all pages); archived ones too when asked (vendor
// staff only: the server never lists them to partners).
export function useBadgeCatalog(includeArchived = false) {
  return useQuery({
    queryKey: [...recognitionKeys.catalog, includeArchived],
    queryFn: async () => {
      const badges: Badge[] = [];
      let pageToken = '';
      do {
        const page = await api.get<ListBadgesResponse>('/v1/badges', { pageSize: 100, pageToken, includeArchived: includeArchived || undefined });
        badges.push(...(page.badges ?? []));
        pageToken = page.nextPageToken ?? '';
      } while (pageToken);
      return badges;
    },
  });
}
