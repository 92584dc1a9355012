import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { FundRequestStatus, Known, LedgerAccount } from '@/lib/api/enums';
import type { FundRequest, ListFundRequestsResponse, ListFundsResponse } from '@/lib/api/schema';
import { useServerPages } from '@/lib/api/server-pages';

// The two funds a partner draws on: the ledger accounts of MDF and co-op money.
export type FundAccount = Extract<LedgerAccount, 'LEDGER_ACCOUNT_COOP_FUND' | 'LEDGER_ACCOUNT_MDF_FUND'>;

export const FUND_LABELS: Record<FundAccount, string> = {
  LEDGER_ACCOUNT_COOP_FUND: 'Co-op fund',
  LEDGER_ACCOUNT_MDF_FUND: 'MDF',
};

export const FUND_STATUS_LABELS: Record<Known<FundRequestStatus>, string> = {
  FUND_REQUEST_STATUS_SUBMITTED: 'Waiting for approval',
  FUND_REQUEST_STATUS_APPROVED: 'Approved',
  FUND_REQUEST_STATUS_REJECTED: 'Rejected',
  FUND_REQUEST_STATUS_CLAIMED: 'Proof submitted',
  FUND_REQUEST_STATUS_REIMBURSED: 'Reimbursed',
  FUND_REQUEST_STATUS_CANCELLED: 'Cancelled',
};

export function useFunds(partnerId?: string) {
  return useQuery({
    queryKey: ['funds', 'balances', partnerId ?? 'mine'],
    queryFn: async () => (await api.get<ListFundsResponse>('/v1/funds', { partnerId })).funds ?? [],
  });
}

// The partner's own fund requests (vendor roles: one partner's), newest first, 25 a page.
export function useFundRequests(filter: { status?: FundRequestStatus; partnerId?: string } = {}) {
  return useServerPages<ListFundRequestsResponse, 'requests'>({
    queryKey: ['funds', 'requests', filter],
    path: '/v1/fund-requests',
    params: filter,
    field: 'requests',
    pageSize: 25,
  });
}

// The vendor's queue: fund requests of every partner in one status, newest first, 25 a page.
export function useFundRequestQueue(filter: { status: FundRequestStatus; programId?: string }) {
  return useServerPages<ListFundRequestsResponse, 'requests'>({
    queryKey: ['funds', 'queue', filter],
    path: '/v1/fund-requests',
    params: filter,
    field: 'requests',
    pageSize: 25,
  });
}

// One request with its proof, history and ledger entries, read again whenever a list shows a newer
// version of it (its etag).
export function useFundRequest(listed: FundRequest) {
  return useQuery({
    queryKey: ['funds', 'request', listed.id, listed.etag],
    queryFn: () => api.get<FundRequest>(`/v1/fund-requests/${listed.id}`),
  });
}

function useFundMutation<T>(call: (input: T) => Promise<FundRequest>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funds'] }) });
}

export function useCreateFundRequest() {
  // The body is the request itself (the route's body: "request").
  return useFundMutation((request: FundRequest) => api.post<FundRequest>('/v1/fund-requests', request));
}

export function useSubmitReimbursement() {
  return useFundMutation((input: { request: FundRequest; actualCost: string; attachmentIds: string[]; notes: string }) =>
    api.post<FundRequest>(`/v1/fund-requests/${input.request.id}:claim`, {
      actualCost: input.actualCost,
      attachmentIds: input.attachmentIds,
      notes: input.notes,
    }),
  );
}

export type FundDecision = 'approve' | 'reject' | 'cancel' | 'reimburse' | 'rejectClaim';

export function useDecideFundRequest() {
  return useFundMutation((input: { request: FundRequest; decision: FundDecision; comment: string; amount?: string }) =>
    api.post<FundRequest>(`/v1/fund-requests/${input.request.id}:${input.decision}`, {
      comment: input.comment,
      amount: input.amount ?? '',
      etag: input.request.etag,
    }),
  );
}
