import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ListUsersResponse, User } from '@/lib/api/schema';

// Every user by id, to name actors (vendor roles read all users; one page of up to 500).
export function useUserDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: async () => {
      const { users } = await api.get<ListUsersResponse>('/v1/users', { pageSize: 500 });
      return new Map<string, User>((users ?? []).map((u) => [u.id ?? '', u]));
    },
    staleTime: 5 * 60_000,
  });
}
