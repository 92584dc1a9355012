import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type { Attachment, Claim, ListClaimsResponse } from '@/lib/api/schema';

export type ClaimFilter = Omit<QueryParams<'ClaimService_ListClaims'>, 'pageSize' | 'pageToken'>;

export const claimKeys = {
  all: ['claims'] as const,
  list: (filter: ClaimFilter) => ['claims', 'list', filter] as const,
  detail: (id: string) => ['claims', 'detail', id] as const,
};

// Claims newest first, 25 a page, as the caller may see them.
export function useClaims(filter: ClaimFilter) {
  return useInfiniteQuery({
    queryKey: claimKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<ListClaimsResponse>('/v1/claims', {
        pageSize: 25,
        pageToken: pageParam,
        status: filter.status,
        programId: filter.programId,
        partnerId: filter.partnerId,
        flaggedOnly: filter.flaggedOnly || undefined,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

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

export function uploadAttachment(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  return uploadFile<Attachment>('/v1/attachments', file, {}, onProgress, signal);
}

export function attachmentUrl(id: string): string {
  return `/v1/attachments/${id}:download`;
}
