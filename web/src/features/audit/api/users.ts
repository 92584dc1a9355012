import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { User } from '@/features/partners/api/types';

// Every user by id, to name actors (vendor roles read all users; one page of up to 500).
export function useUserDirectory() {
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: async () => {
      const { users } = await api.get<{ users: User[] }>('/v1/users', { pageSize: 500 });
      return new Map(users.map((u) => [u.id, u]));
    },
    staleTime: 5 * 60_000,
  });
}
