// Partners and the users of the portal as several features read them (pickers, names, the
// review queue, kudos, payouts), and creating, inviting and changing users (partners' people,
// vendor staff, service accounts). Changing partners is in features/partners.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idBatches, useRowsById } from './by-id';
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
import { useServerPages } from './server-pages';

export type PartnerFilter = Omit<QueryParams<'PartnerService_ListPartners'>, 'pageSize' | 'pageToken'>;
export type UserFilter = Omit<QueryParams<'PartnerService_ListUsers'>, 'pageSize' | 'pageToken'>;

export const partnerKeys = {
  all: ['partners'] as const,
  list: (filter: PartnerFilter, pageSize: number) => ['partners', 'list', filter, pageSize] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
};

export const userKeys = {
  all: ['users'] as const,
  pages: (filter: UserFilter, pageSize: number) => ['users', 'pages', filter, pageSize] as const,
  byId: (id: string) => ['users', 'by-id', id] as const,
};

// Partners ordered by id, a page at a time (fetchNextPage loads the next one).
export function usePartners(filter: PartnerFilter = {}, pageSize = 100) {
  return useServerPages<ListPartnersResponse, 'partners'>({
    queryKey: partnerKeys.list(filter, pageSize),
    path: '/v1/partners',
    params: filter,
    field: 'partners',
    pageSize,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: partnerKeys.detail(id ?? ''),
    queryFn: () => api.get<Partner>(`/v1/partners/${id}`),
    enabled: !!id && id !== '0',
  });
}

// The partners with `ids` by id, to name those a page shows: each read once and cached (the
// same cache as usePartner). Ids the caller may not see are missing from the map.
export function usePartnersById(ids: readonly string[]): Map<string, Partner> {
  return useRowsById(ids, (id) => ({ queryKey: partnerKeys.detail(id), queryFn: () => api.get<Partner>(`/v1/partners/${id}`) }));
}

export interface UserPagesOptions {
  pageSize?: number;
  // Keep the previous rows on screen until a changed filter's first page arrives (searches).
  keepPrevious?: boolean;
}

// Users ordered by id, a page at a time (fetchNextPage loads the next one).
export function useUserPages(filter: UserFilter = {}, { pageSize = 50, keepPrevious = false }: UserPagesOptions = {}) {
  return useServerPages<ListUsersResponse, 'users'>({
    queryKey: userKeys.pages(filter, pageSize),
    path: '/v1/users',
    params: filter,
    field: 'users',
    pageSize,
    keepPrevious,
  });
}

// The first 200 users matching `filter` (a search: narrow it to see others).
export function useUsers(filter: UserFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: async () => (await api.get<ListUsersResponse>('/v1/users', { ...filter, pageSize: 200 })).users ?? [],
    enabled,
    placeholderData: (previous) => previous,
  });
}

const kMaxUserIds = 100;

// Users by id, the ids asked for in one tick read together (ListUsers `ids`, 100 a request).
const loadUser = idBatches<User>({
  read: async (ids) => (await api.get<ListUsersResponse>('/v1/users', { ids, pageSize: ids.length })).users ?? [],
  idOf: (user) => user.id,
  max: kMaxUserIds,
});

// The users with `ids` by id, to name the people a page shows (audit actors, who paid a
// statement): the ids not read yet go to the server in one request per 100, each user is cached
// on its own, so a re-render or the next page asks only for new ids. Ids the caller may not see
// (and '0', nobody) are missing from the map.
export function useUsersById(ids: readonly string[]): Map<string, User> {
  return useRowsById(ids, (id) => ({ queryKey: userKeys.byId(id), queryFn: () => loadUser(id) }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => api.post<User>('/v1/users', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, mask }: { user: User & { id: string }; mask: string[] }) =>
      api.patch<User>(`/v1/users/${user.id}`, user, mask),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// Invites a person by email: they choose their own password through the emailed link.
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InviteUserRequest) => api.post<User>('/v1/users:invite', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

// Turns a person's two-step sign-in off, for one who lost their phone and recovery codes.
export function useResetTwoStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: User & { id: string }) => api.post<ResetTwoStepResponse>(`/v1/users/${user.id}:resetTwoStep`, {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
