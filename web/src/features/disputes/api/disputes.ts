// The dispute calls: the partner's list and the vendor queue, one dispute with its thread, and
// opening, answering, resolving and withdrawing. One key table, so every change refreshes the
// list, the dispute and the ledger (an adjustment is a new entry).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import { useServerPages } from '@/lib/api/server-pages';
import type {
  Dispute,
  DisputeAdjustment,
  DisputeSubject,
  ListDisputesResponse,
} from '@/lib/api/schema';

export type DisputeFilter = Omit<QueryParams<'DisputeService_ListDisputes'>, 'pageSize' | 'pageToken'>;

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (filter: DisputeFilter) => ['disputes', 'list', filter] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
};

// Disputes as the caller may see them (the server orders them), a page at a time.
export function useDisputes(filter: DisputeFilter = {}, pageSize = 50) {
  return useServerPages<ListDisputesResponse, 'disputes'>({
    queryKey: [...disputeKeys.list(filter), pageSize],
    path: '/v1/disputes',
    params: filter,
    field: 'disputes',
    pageSize,
  });
}

export function useDispute(id: string | undefined) {
  return useQuery({
    queryKey: disputeKeys.detail(id ?? ''),
    queryFn: () => api.get<Dispute>(`/v1/disputes/${id}`),
    enabled: !!id,
  });
}

function useDisputeMutation<T>(call: (input: T) => Promise<Dispute>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (dispute) => {
      // A read that left before this change must not land after it with the old etag.
      const detail = disputeKeys.detail(dispute.id ?? '');
      await queryClient.cancelQueries({ queryKey: detail, exact: true });
      queryClient.setQueryData(detail, dispute);
      void queryClient.invalidateQueries({
        queryKey: disputeKeys.all,
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(detail),
      });
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
      void queryClient.invalidateQueries({ queryKey: ['performance'] });
    },
  });
}

// Opens a dispute. The idempotency key is made once per form, so a retry after a lost answer
// returns the dispute the first call opened.
export function useOpenDispute() {
  return useDisputeMutation(
    (input: { idempotencyKey: string; subject: DisputeSubject; message: string; attachmentIds: string[] }) =>
      api.post<Dispute>('/v1/disputes', input),
  );
}

export function usePostDisputeMessage() {
  return useDisputeMutation((input: { disputeId: string; body: string; attachmentIds: string[] }) =>
    api.post<Dispute>(`/v1/disputes/${input.disputeId}/messages`, { body: input.body, attachmentIds: input.attachmentIds }),
  );
}

export type Resolution = { adjustment: DisputeAdjustment } | { refusal: { reason: string } };

export function useResolveDispute() {
  return useDisputeMutation((input: { disputeId: string; etag?: string; resolution: Resolution }) =>
    api.post<Dispute>(`/v1/disputes/${input.disputeId}:resolve`, { ...input.resolution, etag: input.etag }),
  );
}

export function useWithdrawDispute() {
  return useDisputeMutation((input: { disputeId: string; reason: string }) =>
    api.post<Dispute>(`/v1/disputes/${input.disputeId}:withdraw`, { reason: input.reason }),
  );
}
