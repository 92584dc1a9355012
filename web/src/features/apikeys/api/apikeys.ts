// API keys of service accounts (program admins): list, issue (the key is in the answer once),
// revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type { IssueApiKeyRequest, IssueApiKeyResponse, ListApiKeysResponse } from '@/lib/api/schema';

const apiKeyKeys = {
  all: ['api-keys'] as const,
  of: (userId: string) => ['api-keys', userId] as const,
};

export function useApiKeys(userId: string) {
  return useQuery({
    queryKey: apiKeyKeys.of(userId),
    queryFn: async () => (await api.get<ListApiKeysResponse>('/v1/api-keys', { userId, pageSize: 100 })).apiKeys ?? [],
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
