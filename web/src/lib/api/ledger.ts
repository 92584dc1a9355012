// Ledger entries, as the rewards page and the dashboard's earnings chart read them.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from './query';
import type { ListLedgerEntriesResponse } from './schema';

export type LedgerFilter = Omit<QueryParams<'LedgerService_ListLedgerEntries'>, 'pageSize' | 'pageToken'>;

export function useLedgerEntries(filter: LedgerFilter, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['ledger', 'entries', filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<ListLedgerEntriesResponse>('/v1/ledger-entries', {
        ...filter,
        pageSize,
        pageToken: pageParam,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}
