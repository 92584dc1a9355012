// The tier ladder, a partner's standing on it and tier changes, as the dashboard, partners,
// programs, leaderboards and organisation pages read them. Setting the ladder and evaluating
// partners is in features/tiers.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListTierChangesResponse, PartnerTierStatus, TierLadder } from './schema';

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

// The name of a tier code on the ladder (the code itself when it is not on it; "—" for none).
export function tierName(ladder: TierLadder | undefined, code: string | undefined): string {
  if (!code) return '—';
  return ladder?.tiers?.find((tier) => tier.code === code)?.name ?? code;
}
