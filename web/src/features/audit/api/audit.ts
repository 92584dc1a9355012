import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type { ListAuditRecordsResponse, VerifyAuditTrailResponse } from '@/lib/api/schema';

// What the trail is filtered by (RFC 3339 times, [fromTime, toTime)).
export type AuditFilter = Omit<QueryParams<'AuditService_ListAuditRecords'>, 'pageSize' | 'pageToken'>;

export function useAuditRecords(filter: AuditFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['audit', 'records', filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<ListAuditRecordsResponse>('/v1/audit-records', { ...filter, pageSize, pageToken: pageParam }),
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
