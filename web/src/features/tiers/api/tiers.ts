import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PartnerTierStatus, TierChange, TierLadder } from './types';

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
      (await api.get<{ changes: TierChange[] }>('/v1/tier-changes', { partnerId, pageSize: 50 })).changes,
  });
}
