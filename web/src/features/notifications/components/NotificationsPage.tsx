import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import type { Notification } from '@/lib/api/schema';
import { useMarkNotificationsRead, useNotifications, useUnreadCount } from '../api/notifications';
import { NotificationItem } from './NotificationItem';
import '../notifications.css';

// Every notification of the signed-in person, newest first, a page at a time; unread ones can
// be marked read one by one or all at once.
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ unreadOnly });
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkNotificationsRead();
  const open = (n: Notification) => {
    if (!n.readTime && n.id) markRead.mutate({ ids: [n.id] });
  };

  return (
    <Page
      title={t('Notifications')}
      subtitle={unread > 0 ? t('{{count}} unread', { count: unread }) : t('All read')}
      actions={
        <>
          <button
            type="button"
            className="button button--ghost"
            disabled={unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('Mark all read')}
          </button>
          <Link className="button button--ghost" to="/settings/notifications">
            {t('Notification settings')}
          </Link>
        </>
      }
    >
      <div className="filters">
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          {t('Unread only')}
        </label>
      </div>
      {markRead.isError && <ErrorMessage error={markRead.error} />}
      <QueryView query={list}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.notifications ?? []);
          if (items.length === 0) {
            return <Empty>{unreadOnly ? t('You have read all your notifications.') : t('You have no notifications yet.')}</Empty>;
          }
          return (
            <ul className="notification-list card">
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={open}
                  actions={
                    !n.readTime && (
                      <button
                        type="button"
                        className="button button--ghost button--small"
                        aria-label={t('Mark read: {{title}}', { title: n.title })}
                        disabled={markRead.isPending}
                        onClick={() => markRead.mutate({ ids: [n.id ?? ''] })}
                      >
                        {t('Mark read')}
                      </button>
                    )
                  }
                />
              ))}
            </ul>
          );
        }}
      </QueryView>
      <LoadMore query={list} label={t('Show more')} />
    </Page>
  );
}
