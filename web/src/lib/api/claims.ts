// The claim list as the partner's claims page and the vendor's review queue read it, and the
// claim query keys. Submitting, resubmitting and reviewing a claim is in features/claims.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from './query';
import type { ListClaimsResponse } from './schema';

export type ClaimFilter = Omit<QueryParams<'ClaimService_ListClaims'>, 'pageSize' | 'pageToken'>;

export const claimKeys = {
  all: ['claims'] as const,
  list: (filter: ClaimFilter) => ['claims', 'list', filter] as const,
  detail: (id: string) => ['claims', 'detail', id] as const,
};

// Claims newest first, 25 a page, as the caller may see them.
export function useClaims(filter: ClaimFilter) {
  return useInfiniteQuery({
    queryKey: claimKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<ListClaimsResponse>('/v1/claims', {
        pageSize: 25,
        pageToken: pageParam,
        status: filter.status,
        programId: filter.programId,
        partnerId: filter.partnerId,
        flaggedOnly: filter.flaggedOnly || undefined,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}
