import { useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { NotificationsUpdate } from '@/lib/api/schema';
import { useEventStream } from '@/lib/sse';
import { notificationKeys } from '../api/notifications';

function subscribeToVisibility(onChange: () => void) {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

// Whether the page is on screen (not a background tab).
function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeToVisibility, () => document.visibilityState !== 'hidden', () => true);
}

// Follows the signed-in person's notifications over the gateway's SSE stream
// (WatchNotifications): the unread count as it changes, and the lists read again when
// notifications arrive or are read elsewhere. EventSource reconnects by itself; each connection
// starts with the whole count again. The lists are read, not taken from the stream, because the
// stream keeps the language it started in.
//
// A background tab lets go of its stream (the browser allows six connections to the portal, and
// every tab would hold one); it follows again, from the current count, when it comes back.
export function useNotificationStream(enabled: boolean) {
  const queryClient = useQueryClient();
  const visible = usePageVisible();
  useEventStream<NotificationsUpdate>(enabled && visible ? '/v1/notifications:watch' : null, async (update) => {
    const count = Number(update.unreadCount ?? 0);
    const previous = queryClient.getQueryData<number>(notificationKeys.unread);
    // A count read before this update must not land after it.
    await queryClient.cancelQueries({ queryKey: notificationKeys.unread });
    queryClient.setQueryData(notificationKeys.unread, count);
    if ((update.notifications ?? []).length > 0 || (previous !== undefined && previous !== count)) {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
    }
  });
}
