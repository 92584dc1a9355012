// The signed-in person's own account security (password, two-step sign-in, sessions, sign-ins),
// and the forgotten-password flow that needs no sign-in.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '@/lib/api-client';
import type {
  BeginTwoStepResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  ConfirmTwoStepResponse,
  ListSessionsResponse,
  ListSignInsResponse,
  RequestPasswordResetResponse,
  ResetPasswordRequest,
  RenewRecoveryCodesResponse,
  ResetPasswordResponse,
  TurnOffTwoStepResponse,
  TwoStep,
} from '@/lib/api/schema';

export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
  signIns: ['account', 'sign-ins'] as const,
  twoStep: ['account', 'two-step'] as const,
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

export function useTwoStep() {
  return useQuery({ queryKey: accountKeys.twoStep, queryFn: () => api.get<TwoStep>('/v1/auth/two-step') });
}

// A new authenticator secret; with two-step sign-in on, the current password is required.
export function useBeginTwoStep() {
  return useMutation({
    mutationFn: (currentPassword: string) => api.post<BeginTwoStepResponse>('/v1/auth/two-step:begin', { currentPassword }),
  });
}

export function useConfirmTwoStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (oneTimeCode: string) => api.post<ConfirmTwoStepResponse>('/v1/auth/two-step:confirm', { oneTimeCode }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.twoStep }),
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (currentPassword: string) =>
      api.post<RenewRecoveryCodesResponse>('/v1/auth/two-step:renewRecoveryCodes', { currentPassword }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.twoStep }),
  });
}

export function useTurnOffTwoStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (currentPassword: string) => api.post<TurnOffTwoStepResponse>('/v1/auth/two-step:turnOff', { currentPassword }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accountKeys.twoStep }),
  });
}
