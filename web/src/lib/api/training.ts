// The training catalog and certifications, as the badges, programs, tiers, recognition and
// organisation pages read them. Completing and creating modules is in features/training.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListCertificationsResponse, ListTrainingModulesResponse } from './schema';

export function useTrainingModules() {
  return useQuery({
    queryKey: ['training', 'modules'],
    queryFn: async () =>
      (await api.get<ListTrainingModulesResponse>('/v1/training-modules', { pageSize: 200 })).trainingModules ?? [],
    staleTime: 5 * 60_000,
  });
}

// Certifications of the caller (partner reps), their partner (partner admins) or a partner.
export function useCertifications(filter: { partnerId?: string; includeExpired?: boolean } = {}) {
  return useQuery({
    queryKey: ['training', 'certifications', filter],
    queryFn: async () =>
      (await api.get<ListCertificationsResponse>('/v1/certifications', { ...filter, pageSize: 500, includeExpired: filter.includeExpired || undefined }))
        .certifications ?? [],
  });
}
