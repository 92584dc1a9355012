// Creating and changing partners and users; reading them, and creating a user (which the
// service accounts page does too), is in lib/api/partners.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { partnerKeys } from '@/lib/api/partners';
import type { InviteUserRequest, Partner, User } from '@/lib/api/schema';

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
