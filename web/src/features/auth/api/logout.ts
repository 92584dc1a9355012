import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, ApiError } from '@/lib/api-client';
import { meQueryKey } from './get-me';

// Ends the session on the server (the token is revoked) and clears the cookie.
export function logout(): Promise<void> {
  return apiRequest<void>('POST', '/v1/auth/logout', {});
}

export function useLogout() {
  const queryClient = useQueryClient();
  // The principal becomes null (the app shows the sign-in page) and every other cached answer
  // goes, so the next user of this browser sees nothing of this one's.
  const signOutLocally = () => {
    queryClient.setQueryData(meQueryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  };
  return useMutation({
    mutationFn: logout,
    // Signed out locally once the server confirms, or when the session had already ended (401);
    // on a network failure the cookie may still be live, so the user stays signed in and retries.
    onSuccess: () => signOutLocally(),
    onError: (error) => {
      if (error instanceof ApiError && error.httpStatus === 401) signOutLocally();
    },
  });
}
