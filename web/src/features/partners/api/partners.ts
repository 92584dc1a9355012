// Creating and changing partners; reading them, and creating, inviting and changing users
// (which several features do), is in lib/api/partners.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { partnerKeys } from '@/lib/api/partners';
import type { Partner } from '@/lib/api/schema';

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
