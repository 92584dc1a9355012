// Ledger entries, as the rewards page and the dashboard's earnings chart read them.
import type { QueryParams } from './query';
import type { ListLedgerEntriesResponse } from './schema';
import { useServerPages } from './server-pages';

export type LedgerFilter = Omit<QueryParams<'LedgerService_ListLedgerEntries'>, 'pageSize' | 'pageToken'>;

export function useLedgerEntries(filter: LedgerFilter, pageSize = 25) {
  return useServerPages<ListLedgerEntriesResponse, 'entries'>({
    queryKey: ['ledger', 'entries', filter, pageSize],
    path: '/v1/ledger-entries',
    params: filter,
    field: 'entries',
    pageSize,
  });
}
