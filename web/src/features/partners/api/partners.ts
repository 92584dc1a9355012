import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { QueryParams } from '@/lib/api/query';
import type { CreateUserRequest, ListPartnersResponse, ListUsersResponse, Partner, User } from '@/lib/api/schema';

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

// The fields a partner form edits, as sent (ids as strings, per the JSON mapping of int64). The
// text fields are always sent; a type not chosen yet is left out.
export type PartnerInput = Required<Pick<Partner, 'name' | 'tier' | 'region' | 'parentPartnerId'>> & Pick<Partner, 'type' | 'status'>;

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partner: PartnerInput) => api.post<Partner>('/v1/partners', partner),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}

// PATCH with the changed fields' mask and the etag read (ABORTED when someone changed it since).
export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partner, mask }: { partner: Partner & { id: string; etag: string }; mask: string[] }) =>
      api.patch<Partner>(`/v1/partners/${partner.id}`, partner, mask),
    onSuccess: (updated) => {
      queryClient.setQueryData(partnerKeys.detail(updated.id ?? ''), updated);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['tiers'] });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
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
