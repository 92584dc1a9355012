import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type {
  ExportStatementResponse,
  GetBalanceResponse,
  ListLedgerEntriesResponse,
  ListStatementsResponse,
  Statement,
} from '@/lib/api/schema';

export type LedgerFilter = Omit<QueryParams<'LedgerService_ListLedgerEntries'>, 'pageSize' | 'pageToken'>;
export type BalanceFilter = QueryParams<'LedgerService_GetBalance'>;
export type StatementFilter = Omit<QueryParams<'PayoutService_ListStatements'>, 'pageSize' | 'pageToken'>;

export function useBalances(filter: BalanceFilter = {}) {
  return useQuery({
    queryKey: ['ledger', 'balance', filter],
    queryFn: async () => (await api.get<GetBalanceResponse>('/v1/balance', filter)).balances ?? [],
  });
}

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

export function useStatements(filter: StatementFilter = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['statements', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<ListStatementsResponse>('/v1/statements', { ...filter, pageSize: 50, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    enabled,
  });
}

export function useStatement(id: string | null) {
  return useQuery({
    queryKey: ['statements', 'detail', id],
    queryFn: () => api.get<Statement>(`/v1/statements/${id}`),
    enabled: !!id,
  });
}

export function useMarkStatementPaid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ statement, paymentReference }: { statement: Statement; paymentReference: string }) =>
      api.post<Statement>(`/v1/statements/${statement.id}:markPaid`, { paymentReference, etag: statement.etag }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['statements'] });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

// Saves a statement's CSV (the API answers it as JSON with the file's name and text).
export async function downloadStatementCsv(id: string) {
  const file = await api.get<ExportStatementResponse>(`/v1/statements/${id}:export`);
  const url = URL.createObjectURL(new Blob([file.csv ?? ''], { type: file.contentType || 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? '';
  a.click();
  URL.revokeObjectURL(url);
}
