// The partner's balances and statements (the ledger's entries are in lib/api/ledger, statement
// keys and the CSV download in lib/api/statements).
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type { GetBalanceResponse, ListStatementsResponse, Statement } from '@/lib/api/schema';
import { useServerPages } from '@/lib/api/server-pages';
import { statementKeys, type StatementFilter } from '@/lib/api/statements';

export type BalanceFilter = QueryParams<'LedgerService_GetBalance'>;

export function useBalances(filter: BalanceFilter = {}) {
  return useQuery({
    queryKey: ['ledger', 'balance', filter],
    queryFn: async () => (await api.get<GetBalanceResponse>('/v1/balance', filter)).balances ?? [],
  });
}

export function useStatements(filter: StatementFilter = {}, enabled = true) {
  return useServerPages<ListStatementsResponse, 'statements'>({
    queryKey: statementKeys.list(filter),
    path: '/v1/statements',
    params: filter,
    field: 'statements',
    pageSize: 50,
    enabled,
  });
}

export function useStatement(id: string | null) {
  return useQuery({
    queryKey: statementKeys.detail(id),
    queryFn: () => api.get<Statement>(`/v1/statements/${id}`),
    enabled: !!id,
  });
}
