// How the signed-in person hears of things: their language and, per category, in the portal
// and by email. Saving changes what the request's update mask names, nothing else.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fieldMaskJson } from '@/lib/api-client';
import type { NotificationSettings, UpdateNotificationSettingsRequest } from '@/lib/api/schema';
import { notificationKeys } from './notifications';

export const settingsKey = ['notification-settings'] as const;

export function useNotificationSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => api.get<NotificationSettings>('/v1/notification-settings'),
  });
}

// PATCH with the mask in the body (the whole request is the body: no query parameters).
function updateSettings(request: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
  return api.patch<NotificationSettings>('/v1/notification-settings', request);
}

function useSettingsMutation<T>(toRequest: (input: T) => UpdateNotificationSettingsRequest) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => updateSettings(toRequest(input)),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey, saved);
      // The texts follow the saved language.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
    },
  });
}

export function useUpdateNotificationSettings() {
  return useSettingsMutation((request: UpdateNotificationSettingsRequest) => request);
}

// Saves the language the person chose for the portal, so the server writes to them (emails,
// notifications) in it too.
export function useSaveLanguage() {
  return useSettingsMutation((language: string) => ({ settings: { language }, updateMask: fieldMaskJson(['language']) }));
}
