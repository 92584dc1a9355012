import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuditFilter, AuditRecord, VerifyAuditTrailResponse } from './types';

export function useAuditRecords(filter: AuditFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['audit', 'records', filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<{ records: AuditRecord[]; nextPageToken: string }>('/v1/audit-records', { ...filter, pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    placeholderData: (previous) => previous,
  });
}

export function useVerifyAuditTrail() {
  return useMutation({
    mutationFn: () => api.post<VerifyAuditTrailResponse>('/v1/audit-records:verify', {}),
  });
}
