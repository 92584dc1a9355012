// Challenges with the caller's progress, as the dashboard, badges and engagement pages read
// them. Creating one is in features/engagement.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListChallengesResponse } from './schema';

export function useChallenges(includeEnded = false) {
  return useQuery({
    queryKey: ['challenges', includeEnded],
    queryFn: async () => (await api.get<ListChallengesResponse>('/v1/challenges', { includeEnded: includeEnded || undefined })).challenges ?? [],
  });
}
