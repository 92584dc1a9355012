import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListUserBadgesResponse, ProgressUpdate, RecognitionSummary } from '@/lib/api/schema';

export const recognitionKeys = {
  summary: ['recognition', 'summary'] as const,
  badges: ['recognition', 'badges'] as const,
  live: ['recognition', 'live'] as const,
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

// The latest update of the live progress stream (set by useLiveProgress), if any arrived.
export function useLiveProgress() {
  return useQuery<ProgressUpdate | null>({
    queryKey: recognitionKeys.live,
    queryFn: () => null,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
