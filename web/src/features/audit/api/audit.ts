import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type { ListAuditRecordsResponse, VerifyAuditTrailResponse } from '@/lib/api/schema';
import { useServerPages } from '@/lib/api/server-pages';

// What the trail is filtered by (RFC 3339 times, [fromTime, toTime)).
export type AuditFilter = Omit<QueryParams<'AuditService_ListAuditRecords'>, 'pageSize' | 'pageToken'>;

export function useAuditRecords(filter: AuditFilter, pageSize = 50) {
  return useServerPages<ListAuditRecordsResponse, 'records'>({
    queryKey: ['audit', 'records', filter, pageSize],
    path: '/v1/audit-records',
    params: filter,
    field: 'records',
    pageSize,
    keepPrevious: true,
  });
}

export function useVerifyAuditTrail() {
  return useMutation({
    mutationFn: () => api.post<VerifyAuditTrailResponse>('/v1/audit-records:verify', {}),
  });
}
