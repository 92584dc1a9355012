// The notification centre: the caller's notifications a page at a time, their unread count
// (kept current by the watch stream, see hooks/use-notification-stream) and marking them read.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api-client';
import type { ListNotificationsResponse, MarkNotificationsReadResponse } from '@/lib/api/schema';

export const notificationKeys = {
  // Every list; the server writes the texts in the reader's language, so each language has its own.
  lists: ['notifications', 'list'] as const,
  list: (unreadOnly: boolean, pageSize: number, language: string) =>
    ['notifications', 'list', { unreadOnly, pageSize }, language] as const,
  unread: ['notifications', 'unread'] as const,
};

// Newest first, `pageSize` at a time (fetchNextPage loads the next page).
export function useNotifications({ unreadOnly = false, pageSize = 20 }: { unreadOnly?: boolean; pageSize?: number } = {}) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly, pageSize, i18n.language),
    queryFn: ({ pageParam }) =>
      api.get<ListNotificationsResponse>('/v1/notifications', { pageSize, pageToken: pageParam, unreadOnly: unreadOnly || undefined }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
}

// How many notifications the caller has not read: read once, then set by the watch stream and
// by marking read.
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => Number((await api.get<ListNotificationsResponse>('/v1/notifications', { pageSize: 1 })).unreadCount ?? 0),
    staleTime: Infinity,
  });
}

export type MarkRead = { ids: string[] } | { all: true };

// `data` with the notifications `marked` shows read at `readTime` (the lists change in place:
// an item read under the unread-only filter stays until the list is read again).
export function markPagesRead(
  data: InfiniteData<ListNotificationsResponse> | undefined,
  marked: MarkRead,
  readTime: string,
): InfiniteData<ListNotificationsResponse> | undefined {
  if (!data) return data;
  const hit = (id: string | undefined) => 'all' in marked || marked.ids.includes(id ?? '');
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      notifications: (page.notifications ?? []).map((n) => (!n.readTime && hit(n.id) ? { ...n, readTime } : n)),
    })),
  };
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (marked: MarkRead) =>
      api.post<MarkNotificationsReadResponse>('/v1/notifications:markRead', 'all' in marked ? { all: true } : { notificationIds: marked.ids }),
    onSuccess: async (response, marked) => {
      // A count read before this change must not land after it.
      await queryClient.cancelQueries({ queryKey: notificationKeys.unread });
      queryClient.setQueryData(notificationKeys.unread, Number(response.unreadCount ?? 0));
      const readTime = new Date().toISOString();
      queryClient.setQueriesData<InfiniteData<ListNotificationsResponse>>({ queryKey: notificationKeys.lists }, (data) =>
        markPagesRead(data, marked, readTime),
      );
    },
  });
}
