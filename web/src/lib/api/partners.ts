// Partners and the users of the portal as several features read them (pickers, names, the
// review queue, kudos, payouts), and creating, inviting and changing users (partners' people,
// vendor staff, service accounts). Changing partners is in features/partners.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from './query';
import type {
  CreateUserRequest,
  InviteUserRequest,
  ListPartnersResponse,
  ListUsersResponse,
  Partner,
  ResetTwoStepResponse,
  User,
} from './schema';

export type PartnerFilter = Omit<QueryParams<'PartnerService_ListPartners'>, 'pageSize' | 'pageToken'>;
export type UserFilter = Omit<QueryParams<'PartnerService_ListUsers'>, 'pageSize' | 'pageToken'>;

export const partnerKeys = {
  all: ['partners'] as const,
  list: (filter: PartnerFilter, pageSize: number) => ['partners', 'list', filter, pageSize] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
};

// Partners ordered by id, a page at a time (fetchNextPage loads the next one).
export function usePartners(filter: PartnerFilter = {}, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: partnerKeys.list(filter, pageSize),
    queryFn: ({ pageParam }) =>
      api.get<ListPartnersResponse>('/v1/partners', { ...filter, pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: partnerKeys.detail(id ?? ''),
    queryFn: () => api.get<Partner>(`/v1/partners/${id}`),
    enabled: !!id && id !== '0',
  });
}

// Users ordered by id, a page at a time (fetchNextPage loads the next one).
export function useUserPages(filter: UserFilter = {}, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['users', 'pages', filter, pageSize],
    queryFn: ({ pageParam }) => api.get<ListUsersResponse>('/v1/users', { ...filter, pageSize, pageToken: pageParam }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
    placeholderData: (previous) => previous,
  });
}

export function useUsers(filter: UserFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: async () => (await api.get<ListUsersResponse>('/v1/users', { ...filter, pageSize: 200 })).users ?? [],
    enabled,
    placeholderData: (previous) => previous,
  });
}

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

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => api.post<User>('/v1/users', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, mask }: { user: User & { id: string }; mask: string[] }) =>
      api.patch<User>(`/v1/users/${user.id}`, user, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

// Invites a person by email: they choose their own password through the emailed link.
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InviteUserRequest) => api.post<User>('/v1/users:invite', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

// Turns a person's two-step sign-in off, for one who lost their phone and recovery codes.
export function useResetTwoStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: User & { id: string }) => api.post<ResetTwoStepResponse>(`/v1/users/${user.id}:resetTwoStep`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
