// One claim, and submitting, resubmitting and reviewing claims; the claim list and keys are in
// lib/api/claims, attachments in lib/api/attachments.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { claimKeys } from '@/lib/api/claims';
import type { Claim } from '@/lib/api/schema';

export function useClaim(id: string) {
  return useQuery({ queryKey: claimKeys.detail(id), queryFn: () => api.get<Claim>(`/v1/claims/${id}`) });
}

function useClaimMutation<TInput>(call: (input: TInput) => Promise<Claim>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (claim) => {
      queryClient.setQueryData(claimKeys.detail(claim.id ?? ''), claim);
      void queryClient.invalidateQueries({ queryKey: ['claims', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['programs', 'progress'] });
    },
  });
}

// Submits a claim. The idempotency key is made once per form, so a retry after a lost answer
// cannot file the claim twice.
export function useSubmitClaim() {
  return useClaimMutation(({ draft, idempotencyKey }: { draft: Claim; idempotencyKey: string }) =>
    api.post<Claim>('/v1/claims', { idempotencyKey, claim: draft }),
  );
}

export function useResubmitClaim() {
  return useClaimMutation(({ draft, comment }: { draft: Claim; comment: string }) =>
    api.post<Claim>(`/v1/claims/${draft.id}:resubmit`, { claim: draft, comment }),
  );
}

export type ReviewAction = 'startReview' | 'approve' | 'reject' | 'requestInfo';

export function useReviewClaim() {
  return useClaimMutation(({ claim, action, comment }: { claim: Claim; action: ReviewAction; comment: string }) =>
    api.post<Claim>(`/v1/claims/${claim.id}:${action}`, { comment, etag: claim.etag }),
  );
}
