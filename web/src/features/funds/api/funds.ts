import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Attachment, ClaimEvent } from '@/features/claims/api/types';
import type { LedgerEntry } from '@/features/rewards/api/types';

export type FundAccount = 'LEDGER_ACCOUNT_COOP_FUND' | 'LEDGER_ACCOUNT_MDF_FUND';
export type FundRequestStatus =
  | 'FUND_REQUEST_STATUS_SUBMITTED'
  | 'FUND_REQUEST_STATUS_APPROVED'
  | 'FUND_REQUEST_STATUS_REJECTED'
  | 'FUND_REQUEST_STATUS_CLAIMED'
  | 'FUND_REQUEST_STATUS_REIMBURSED'
  | 'FUND_REQUEST_STATUS_CANCELLED';

export interface FundBalance {
  programId: string;
  programName: string;
  fund: FundAccount;
  currencyCode: string;
  credited: string;
  debited: string;
  reserved: string;
  available: string;
}

export interface FundRequest {
  id: string;
  programId: string;
  partnerId: string;
  fund: FundAccount;
  activity: string;
  description: string;
  plannedCost: string;
  startDate: string;
  endDate: string;
  status: FundRequestStatus;
  currencyCode: string;
  approvedAmount: string;
  actualCost: string;
  reimbursedAmount: string;
  proofNotes: string;
  proof: Attachment[];
  timeline: Array<Omit<ClaimEvent, 'fromStatus' | 'toStatus'> & { fromStatus: string; toStatus: FundRequestStatus }>;
  entries: LedgerEntry[];
  createTime: string;
  etag: string;
}

export const FUND_LABELS: Record<FundAccount, string> = {
  LEDGER_ACCOUNT_COOP_FUND: 'Co-op fund',
  LEDGER_ACCOUNT_MDF_FUND: 'MDF',
};

export const FUND_STATUS_LABELS: Record<FundRequestStatus, string> = {
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
    queryFn: async () => (await api.get<{ funds: FundBalance[] }>('/v1/funds', { partnerId })).funds,
  });
}

export function useFundRequests(filter: { status?: FundRequestStatus; partnerId?: string } = {}) {
  return useQuery({
    queryKey: ['funds', 'requests', filter],
    queryFn: async () => (await api.get<{ requests: FundRequest[] }>('/v1/fund-requests', { ...filter, pageSize: 200 })).requests,
  });
}

function useFundMutation<T>(call: (input: T) => Promise<FundRequest>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['funds'] }) });
}

export function useCreateFundRequest() {
  return useFundMutation((request: Partial<FundRequest>) => api.post<FundRequest>('/v1/fund-requests', { request }));
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
