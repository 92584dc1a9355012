import { useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api-client';
import type { Principal } from '@/lib/api/schema';

export const meQueryKey = ['auth', 'me'] as const;

// The signed-in principal, or null when there is no valid session.
export async function getMe(): Promise<Principal | null> {
  try {
    return await apiRequest<Principal>('GET', '/v1/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.httpStatus === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe });
}
