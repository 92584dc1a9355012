import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import type { Notification } from '@/lib/api/schema';
import { useMarkNotificationsRead, useNotifications, useUnreadCount } from '../api/notifications';
import { useNotificationStream } from '../hooks/use-notification-stream';
import { NotificationItem } from './NotificationItem';
import '../notifications.css';

const kPanelSize = 5;

// The top bar's bell: the live unread count, and a panel with the newest notifications. The
// panel closes on Escape (focus back on the bell), on a click outside it and when a link in it
// is followed.
export function NotificationBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useNotificationStream(true);
  const count = useUnreadCount().data ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="button button--ghost button--icon notification-bell__button"
        aria-label={count > 0 ? t('Notifications, {{count}} unread', { count }) : t('Notifications')}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="notification-bell"
      >
        <Icon name="bell" />
        {count > 0 && (
          <span className="notification-bell__count" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {count > 0 ? t('{{count}} unread notifications', { count }) : ''}
      </span>
      {open && <NotificationPanel id={panelId} unread={count} onClose={() => setOpen(false)} />}
    </div>
  );
}

function NotificationPanel({ id, unread, onClose }: { id: string; unread: number; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications({ pageSize: kPanelSize });
  const markRead = useMarkNotificationsRead();
  const open = (n: Notification) => {
    if (!n.readTime && n.id) markRead.mutate({ ids: [n.id] });
    onClose();
  };
  return (
    <section id={id} className="notification-panel" aria-labelledby={`${id}-title`}>
      <div className="notification-panel__head">
        <p id={`${id}-title`} className="notification-panel__title">
          {t('Notifications')}
        </p>
        <button type="button" className="link-button" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          {t('Mark all read')}
        </button>
      </div>
      {markRead.isError && <ErrorMessage error={markRead.error} />}
      <QueryView query={list}>
        {(data) => {
          const items = (data.pages[0]?.notifications ?? []).slice(0, kPanelSize);
          return items.length === 0 ? (
            <Empty>{t('You have no notifications yet.')}</Empty>
          ) : (
            <ul className="notification-list notification-list--compact">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={open} />
              ))}
            </ul>
          );
        }}
      </QueryView>
      <div className="notification-panel__foot">
        <Link to="/notifications" onClick={onClose}>
          {t('See all')}
        </Link>
        <Link to="/settings/notifications" onClick={onClose}>
          {t('Settings')}
        </Link>
      </div>
    </section>
  );
}
