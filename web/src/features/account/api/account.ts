// The signed-in person's own account security (password, sessions, sign-ins), and the
// forgotten-password flow that needs no sign-in.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type {
  ChangePasswordRequest,
  ChangePasswordResponse,
  ListSessionsResponse,
  ListSignInsResponse,
  RequestPasswordResetResponse,
  ResetPasswordRequest,
  ResetPasswordResponse,
} from '@/lib/api/schema';

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  signIns: ['account', 'sign-ins'] as const,
};

export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: async () => (await api.get<ListSessionsResponse>('/v1/auth/sessions')).sessions ?? [],
  });
}

export function useSignIns(pageSize = 10) {
  return useInfiniteQuery({
    queryKey: [...accountKeys.signIns, pageSize],
    queryFn: ({ pageParam }) => api.get<ListSignInsResponse>('/v1/auth/sign-ins', { pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => apiRequest<unknown>('DELETE', `/v1/auth/sessions/${sessionId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => api.post<ChangePasswordResponse>('/v1/auth/password:change', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<RequestPasswordResetResponse>('/v1/auth/password:requestReset', { email }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (request: ResetPasswordRequest) => api.post<ResetPasswordResponse>('/v1/auth/password:reset', request),
  });
}
