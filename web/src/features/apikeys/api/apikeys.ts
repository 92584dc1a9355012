// API keys of service accounts (program admins): list, issue (the key is in the answer once),
// revoke.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { IssueApiKeyRequest, IssueApiKeyResponse, ListApiKeysResponse } from '@/lib/api/schema';
import { useServerPages } from '@/lib/api/server-pages';

const apiKeyKeys = {
  all: ['api-keys'] as const,
  of: (userId: string) => ['api-keys', userId] as const,
};

// A service account's keys, a page at a time.
export function useApiKeys(userId: string, pageSize = 25) {
  return useServerPages<ListApiKeysResponse, 'apiKeys'>({
    queryKey: [...apiKeyKeys.of(userId), pageSize],
    path: '/v1/api-keys',
    params: { userId },
    field: 'apiKeys',
    pageSize,
  });
}

export function useIssueApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...request }: IssueApiKeyRequest & { userId: string }) =>
      api.post<IssueApiKeyResponse>(`/v1/users/${userId}/api-keys`, request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiRequest<unknown>('DELETE', `/v1/api-keys/${keyId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
