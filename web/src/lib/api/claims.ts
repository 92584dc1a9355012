// The claim list as the partner's claims page and the vendor's review queue read it, and the
// claim query keys. Submitting, resubmitting and reviewing a claim is in features/claims.
import type { QueryParams } from './query';
import type { ListClaimsResponse } from './schema';
import { useServerPages } from './server-pages';

export type ClaimFilter = Omit<QueryParams<'ClaimService_ListClaims'>, 'pageSize' | 'pageToken'>;

export const claimKeys = {
  all: ['claims'] as const,
  list: (filter: ClaimFilter) => ['claims', 'list', filter] as const,
  detail: (id: string) => ['claims', 'detail', id] as const,
};

// Claims newest first, 25 a page, as the caller may see them.
export function useClaims(filter: ClaimFilter) {
  return useServerPages<ListClaimsResponse, 'claims'>({
    queryKey: claimKeys.list(filter),
    path: '/v1/claims',
    params: {
      status: filter.status,
      programId: filter.programId,
      partnerId: filter.partnerId,
      flaggedOnly: filter.flaggedOnly || undefined,
    },
    field: 'claims',
    pageSize: 25,
  });
}
