// One-click unsubscribe from an email's link: no sign-in, the token is the credential.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UnsubscribeResponse } from '@/lib/api/schema';

export function unsubscribe(token: string): Promise<UnsubscribeResponse> {
  return api.post<UnsubscribeResponse>(`/v1/unsubscribe/${encodeURIComponent(token)}`);
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: unsubscribe });
}
