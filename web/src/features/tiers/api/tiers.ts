// Setting the tier ladder and evaluating partners, and the paged change history of the setup
// page; the reads other features share are in lib/api/tiers.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EvaluateTiersRequest, EvaluateTiersResponse, ListTierChangesResponse, TierLadder } from '@/lib/api/schema';

// Promotions and demotions, newest first, a page at a time (vendor roles: every partner or one).
export function useTierChangePages(partnerId?: string, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['tiers', 'changes', 'pages', partnerId ?? 'all', pageSize],
    queryFn: ({ pageParam }) =>
      api.get<ListTierChangesResponse>('/v1/tier-changes', { partnerId, pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

// Replaces the whole ladder (program admins).
export function useSetTierLadder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ladder: TierLadder) => api.put<TierLadder>('/v1/tiers', { ladder }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['tiers', 'ladder'], saved);
      void queryClient.invalidateQueries({ queryKey: ['tiers'] });
    },
  });
}

// Evaluates one partner (or every active one when partnerId is unset); a dry run changes nothing.
export function useEvaluateTiers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: EvaluateTiersRequest) =>
      api.post<EvaluateTiersResponse>('/v1/tiers:evaluate', request),
    onSuccess: (_, request) => {
      if (request.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ['tiers'] });
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}
