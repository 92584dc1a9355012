import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Role } from '@/features/auth/api/types';
import type { Partner, PartnerType, User } from './types';

export interface PartnerFilter {
  type?: PartnerType;
  tier?: string;
  region?: string;
  nameContains?: string;
}

export function usePartners(filter: PartnerFilter = {}) {
  return useInfiniteQuery({
    queryKey: ['partners', 'list', filter],
    queryFn: ({ pageParam }) =>
      api.get<{ partners: Partner[]; nextPageToken: string }>('/v1/partners', { ...filter, pageSize: 100, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({ queryKey: ['partners', 'detail', id], queryFn: () => api.get<Partner>(`/v1/partners/${id}`), enabled: !!id });
}

export function useUsers(filter: { partnerId?: string; role?: Role; query?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: async () => (await api.get<{ users: User[] }>('/v1/users', { ...filter, pageSize: 200 })).users,
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, initialPassword }: { user: Partial<User>; initialPassword: string }) =>
      api.post<User>('/v1/users', { user, initialPassword }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, mask }: { user: Partial<User> & { id: string }; mask: string[] }) =>
      api.patch<User>(`/v1/users/${user.id}`, user, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
