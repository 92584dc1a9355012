import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@/lib/api/schema';
import { formatDateTime, formatRelative } from '@/lib/format';

// A link inside the portal ("/claims/12"); anything else is not followed.
export function portalLink(link: string | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

interface NotificationItemProps {
  notification: Notification;
  // Called when the person follows the notification's link.
  onOpen: (notification: Notification) => void;
  // Buttons at the item's end (e.g. "Mark read").
  actions?: ReactNode;
}

// One notification: title, text and age, marked while unread. The title links to what it is
// about; the link covers the whole item for the pointer.
export function NotificationItem({ notification: n, onOpen, actions }: NotificationItemProps) {
  const { t } = useTranslation();
  const unread = !n.readTime;
  const link = portalLink(n.link);
  const title = (
    <>
      {unread && <span className="visually-hidden">{t('Unread:')}</span>} {n.title}
    </>
  );
  return (
    <li className={`notification ${unread ? 'notification--unread' : ''}`} data-testid="notification">
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__text">
        <span className="notification__title">
          {link ? (
            <Link className="notification__link" to={link} onClick={() => onOpen(n)}>
              {title}
            </Link>
          ) : (
            title
          )}
        </span>
        {n.body && <span className="notification__body">{n.body}</span>}
        <time className="notification__time" dateTime={n.createTime} title={formatDateTime(n.createTime)}>
          {formatRelative(n.createTime)}
        </time>
      </div>
      {actions && <div className="notification__actions">{actions}</div>}
    </li>
  );
}
