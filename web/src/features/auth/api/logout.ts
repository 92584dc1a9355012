import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey } from './get-me';

// Ends the session on the server (the token is revoked) and clears the cookie.
export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/v1/auth/logout', {});
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server had already expired the session.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
