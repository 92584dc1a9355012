import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { LoginRequest, LoginResponse } from '@/lib/api/schema';
import { meQueryKey } from './get-me';

// Signs in; the gateway keeps the session token in an HttpOnly cookie.
export function login(input: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('POST', '/v1/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (response) => queryClient.setQueryData(meQueryKey, response.principal),
  });
}
