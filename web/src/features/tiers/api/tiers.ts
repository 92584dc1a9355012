import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { EvaluateTiersRequest, EvaluateTiersResponse, ListTierChangesResponse, PartnerTierStatus, TierLadder } from '@/lib/api/schema';

export function useTierStatus(partnerId?: string) {
  return useQuery({
    queryKey: ['tiers', 'status', partnerId ?? 'mine'],
    queryFn: () => api.get<PartnerTierStatus>('/v1/tiers:status', { partnerId }),
  });
}

export function useTierLadder() {
  return useQuery({ queryKey: ['tiers', 'ladder'], queryFn: () => api.get<TierLadder>('/v1/tiers') });
}

export function useTierChanges(partnerId?: string) {
  return useQuery({
    queryKey: ['tiers', 'changes', partnerId ?? 'all'],
    queryFn: async () =>
      (await api.get<ListTierChangesResponse>('/v1/tier-changes', { partnerId, pageSize: 50 })).changes ?? [],
  });
}

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
