import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { FakeEventSource, stubGateway, type Call } from '../test-doubles';
import { NotificationBell } from './NotificationBell';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const rejected: Notification = {
  id: '12',
  kind: 'NOTIFICATION_KIND_CLAIM_REJECTED',
  category: 'NOTIFICATION_CATEGORY_CLAIMS',
  title: 'Claim INV-1042 rejected',
  body: 'Storage Rebate 2026: the invoice is not readable',
  link: '/claims/1042',
  createTime: minutesAgo(3),
};
const badge: Notification = {
  id: '11',
  kind: 'NOTIFICATION_KIND_BADGE_EARNED',
  category: 'NOTIFICATION_CATEGORY_ACHIEVEMENTS',
  title: 'New badge: First deal',
  body: '',
  link: '',
  createTime: minutesAgo(120),
  readTime: minutesAgo(60),
};

let items: Notification[];
let calls: Call[];

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  items = [rejected, badge];
  calls = stubGateway({
    'GET /v1/notifications': () => ({ body: { notifications: items, nextPageToken: '', unreadCount: String(items.filter((n) => !n.readTime).length) } }),
    'POST /v1/notifications:markRead': () => ({ body: { unreadCount: '0' } }),
  });
});

afterEach(() => vi.unstubAllGlobals());

const bell = () => screen.getByTestId('notification-bell');

describe('NotificationBell', () => {
  it('shows and announces the unread count the stream sends', async () => {
    renderWithProviders(<NotificationBell />);
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 1 unread'));
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(['/v1/notifications:watch']);
    await act(async () => FakeEventSource.instances[0]!.emit({ unreadCount: '3', notifications: [rejected] }));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 3 unread'));
    expect(screen.getByTestId('notification-count')).toHaveTextContent('3');
    expect(screen.getByText('3 unread notifications')).toHaveAttribute('aria-live', 'polite');
    await act(async () => FakeEventSource.instances[0]!.emit({ unreadCount: '0', notifications: [] }));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications'));
    expect(screen.queryByTestId('notification-count')).toBeNull();
  });

  it('lets go of the stream in a background tab and follows again on return', async () => {
    renderWithProviders(<NotificationBell />);
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      act(() => void document.dispatchEvent(new Event('visibilitychange')));
    };
    try {
      expect(FakeEventSource.instances).toHaveLength(1);
      setVisibility('hidden');
      expect(FakeEventSource.instances[0]!.closed).toBe(true);
      setVisibility('visible');
      expect(FakeEventSource.instances).toHaveLength(2);
      await act(async () => FakeEventSource.instances[1]!.emit({ unreadCount: '4', notifications: [] }));
      await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 4 unread'));
    } finally {
      // Back to jsdom's own property.
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('opens a panel with the newest notifications, unread ones marked, each linking to its page', async () => {
    renderWithProviders(<NotificationBell />);
    const user = userEvent.setup();
    await user.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('region', { name: 'Notifications' });
    const link = await within(panel).findByRole('link', { name: 'Unread: Claim INV-1042 rejected' });
    expect(link).toHaveAttribute('href', '/claims/1042');
    const item = link.closest('li')!;
    expect(item).toHaveTextContent('Storage Rebate 2026: the invoice is not readable');
    expect(within(item).getByText('3 minutes ago').tagName).toBe('TIME');
    // Read, and linking nowhere: plain text.
    expect(within(panel).getByText('New badge: First deal').closest('a')).toBeNull();
    expect(within(panel).getByRole('link', { name: 'See all' })).toHaveAttribute('href', '/notifications');
    expect(within(panel).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings/notifications');
    expect(calls.find((c) => c.url.includes('pageSize=5'))).toBeDefined();

    // Following it marks it read and closes the panel.
    await user.click(link);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/v1/notifications:markRead', body: { notificationIds: ['12'] } });
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications'));
  });

  it('marks all read', async () => {
    renderWithProviders(<NotificationBell />);
    const user = userEvent.setup();
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 1 unread'));
    await user.click(bell());
    await screen.findByRole('link', { name: /Claim INV-1042 rejected/ });
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ all: true });
    // The list shows it read at once.
    expect(screen.getByRole('link', { name: 'Claim INV-1042 rejected' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('shows new arrivals without a reload', async () => {
    renderWithProviders(<NotificationBell />);
    const user = userEvent.setup();
    await user.click(bell());
    await screen.findByRole('link', { name: /Claim INV-1042 rejected/ });
    const approved: Notification = { ...rejected, id: '13', title: 'Claim INV-1043 approved', link: '/claims/1043', createTime: minutesAgo(0) };
    items = [approved, ...items];
    await act(async () => FakeEventSource.instances[0]!.emit({ unreadCount: '2', notifications: [approved] }));
    expect(await screen.findByRole('link', { name: /Claim INV-1043 approved/ })).toHaveAttribute('href', '/claims/1043');
    expect(bell()).toHaveAccessibleName('Notifications, 2 unread');
  });

  it('closes on Escape, returning focus to the bell, and on a click outside', async () => {
    renderWithProviders(
      <>
        <NotificationBell />
        <p>Elsewhere</p>
      </>,
    );
    const user = userEvent.setup();
    await user.click(bell());
    await screen.findByRole('link', { name: /Claim INV-1042 rejected/ });
    await user.tab();
    expect(within(screen.getByRole('region', { name: 'Notifications' })).getByRole('button', { name: 'Mark all read' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(bell()).toHaveFocus();
    expect(bell()).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeInTheDocument();
    await user.click(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
  });
});
