// A partner's notification defaults: how its people hear of each category until they choose
// for themselves. Vendor staff read them; channel managers and program admins set them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { NotificationPreference, PartnerNotificationDefaults } from '@/lib/api/schema';

export const partnerDefaultsKey = (partnerId: string) => ['notification-defaults', partnerId] as const;

export function usePartnerNotificationDefaults(partnerId: string) {
  return useQuery({
    queryKey: partnerDefaultsKey(partnerId),
    queryFn: () => api.get<PartnerNotificationDefaults>(`/v1/partners/${partnerId}/notification-defaults`),
    enabled: !!partnerId && partnerId !== '0',
  });
}

// Sets the listed categories; the others keep what they were.
export function useUpdatePartnerNotificationDefaults(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: NotificationPreference[]) =>
      api.put<PartnerNotificationDefaults>(`/v1/partners/${partnerId}/notification-defaults`, { preferences }),
    onSuccess: (saved) => queryClient.setQueryData(partnerDefaultsKey(partnerId), saved),
  });
}
