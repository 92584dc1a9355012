import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Balance, LedgerAccount, LedgerEntry, Statement, StatementStatus } from './types';

export interface LedgerFilter {
  account?: LedgerAccount;
  programId?: string;
  partnerId?: string;
  userId?: string;
}

export function useBalances(filter: { partnerId?: string; userId?: string; programId?: string } = {}) {
  return useQuery({
    queryKey: ['ledger', 'balance', filter],
    queryFn: async () => (await api.get<{ balances: Balance[] }>('/v1/balance', filter)).balances,
  });
}

export function useLedgerEntries(filter: LedgerFilter, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['ledger', 'entries', filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<{ entries: LedgerEntry[]; nextPageToken: string }>('/v1/ledger-entries', {
        ...filter,
        pageSize,
        pageToken: pageParam,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

export function useStatements(filter: { status?: StatementStatus; partnerId?: string; payoutRunId?: string } = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['statements', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<{ statements: Statement[]; nextPageToken: string }>('/v1/statements', { ...filter, pageSize: 50, pageToken: pageParam }),
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
  const file = await api.get<{ filename: string; contentType: string; csv: string }>(`/v1/statements/${id}:export`);
  const url = URL.createObjectURL(new Blob([file.csv], { type: file.contentType || 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}
