import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '@/lib/api-client';
import type { CreatePayoutRunRequest, ListStatementsResponse, MarkStatementPaidRequest, PayoutRun, Statement } from '@/lib/api/schema';
import { useServerPages } from '@/lib/api/server-pages';
import { statementKeys, type StatementFilter } from '@/lib/api/statements';

export function useStatementList(filter: StatementFilter, pageSize = 25) {
  return useServerPages<ListStatementsResponse, 'statements'>({
    queryKey: [...statementKeys.list(filter), pageSize],
    path: '/v1/statements',
    params: filter,
    field: 'statements',
    pageSize,
  });
}

export function useStatementDetail(id: string | undefined) {
  return useQuery({
    queryKey: statementKeys.detail(id ?? ''),
    queryFn: () => api.get<Statement>(`/v1/statements/${id}`),
    enabled: !!id,
  });
}

// CreatePayoutRun, idempotent by the request's key: a retry with it answers the run the first
// request made (and the server never puts an entry in two statements).
export function useCreatePayoutRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreatePayoutRunRequest) => api.post<PayoutRun>('/v1/payout-runs', request),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: statementKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    },
  });
}

export function useMarkPaid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ statementId, paymentReference, etag }: MarkStatementPaidRequest & { statementId: string }) =>
      api.post<Statement>(`/v1/statements/${statementId}:markPaid`, { paymentReference, etag }),
    onSuccess: (statement) => {
      queryClient.setQueryData(statementKeys.detail(statement.id ?? ''), statement);
      void queryClient.invalidateQueries({ queryKey: statementKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
  });
}

// The streamed CSV of statements (period end in [fromDate, toDate]), for a download link.
export function statementsExportUrl(filter: { partnerId?: string; fromDate?: string; toDate?: string }): string {
  return `/v1/statements:export${queryString(filter)}`;
}

// "YYYY-MM-DD" of the day before `day`.
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
