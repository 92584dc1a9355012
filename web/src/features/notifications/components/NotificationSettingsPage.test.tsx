import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastProvider } from '@/components/Toasts';
import type { NotificationSettings } from '@/lib/api/schema';
import i18n from '@/lib/i18n';
import { PrincipalContext } from '@/lib/principal';
import { renderWithProviders } from '@/test/render';
import { stubGateway, type Call } from '../test-doubles';
import NotificationSettingsPage from './NotificationSettingsPage';

const settings: NotificationSettings = {
  language: '',
  availableLanguages: ['en', 'nl'],
  preferences: [
    { category: 'NOTIFICATION_CATEGORY_CLAIMS', inApp: true, email: true, delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE', overridden: false },
    { category: 'NOTIFICATION_CATEGORY_PAYOUTS', inApp: true, email: true, delivery: 'NOTIFICATION_DELIVERY_DAILY_DIGEST', overridden: true },
    { category: 'NOTIFICATION_CATEGORY_REVIEW', inApp: true, email: false, delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE', overridden: false },
  ],
};

let calls: Call[];

function renderPage() {
  return renderWithProviders(
    <PrincipalContext.Provider value={{ userId: '7', role: 'ROLE_PARTNER_ADMIN', displayName: 'Rosa Larsen' }}>
      <ToastProvider>
        <NotificationSettingsPage />
      </ToastProvider>
    </PrincipalContext.Provider>,
  );
}

beforeEach(() => {
  calls = stubGateway({
    'GET /v1/notification-settings': { body: settings },
    'PATCH /v1/notification-settings': ({ body }) => {
      const request = body as { settings?: NotificationSettings };
      return {
        body: {
          ...settings,
          language: request.settings?.language ?? '',
          preferences: [
            { ...settings.preferences![0], email: false, overridden: true },
            { ...settings.preferences![1], delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE', email: true, overridden: false },
            settings.preferences![2],
          ],
        },
      };
    },
  });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage('en');
});

const patches = () => calls.filter((c) => c.method === 'PATCH');

describe('NotificationSettingsPage', () => {
  it('shows where each choice comes from', async () => {
    renderPage();
    const claims = await screen.findByTestId('preferences-claims');
    expect(claims).toHaveTextContent('Your organisation’s default');
    expect(screen.getByTestId('preferences-payouts')).toHaveTextContent('Your choice');
    expect(screen.getByRole('switch', { name: 'By email: Claims' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'By email: Claim review' })).not.toBeChecked();
    // Delivery matters only with email on.
    expect(screen.getByRole('combobox', { name: 'Email delivery: Claim review' })).toBeDisabled();
    expect(screen.getByLabelText('Language')).toHaveValue('');
    expect(screen.getByRole('option', { name: 'Browser default' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Nederlands' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('sends only what changed, with its mask, and starts over from the saved settings', async () => {
    renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('switch', { name: 'By email: Claims' }));
    await user.click(screen.getByRole('button', { name: 'Back to default: Payouts' }));
    expect(screen.getByTestId('preferences-payouts')).toHaveTextContent('Back to the default when you save');
    expect(screen.getByRole('switch', { name: 'In the portal: Payouts' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(patches()).toHaveLength(1));
    // The whole request is the body: the mask too, in its JSON form.
    expect(patches()[0]!.url).toBe('/v1/notification-settings');
    expect(patches()[0]!.body).toEqual({
      settings: {
        preferences: [{ category: 'NOTIFICATION_CATEGORY_CLAIMS', inApp: true, email: false, delivery: 'NOTIFICATION_DELIVERY_IMMEDIATE' }],
      },
      resetCategories: ['NOTIFICATION_CATEGORY_PAYOUTS'],
      updateMask: 'preferences,resetCategories',
    });
    expect(await screen.findByText('Your notification settings were saved.')).toBeInTheDocument();
    // The form shows the settings as saved: Claims now the person's own, Payouts the default.
    expect(screen.getByTestId('preferences-claims')).toHaveTextContent('Your choice');
    expect(screen.getByTestId('preferences-payouts')).toHaveTextContent('Your organisation’s default');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    expect(i18n.language).toBe('en');
  });

  it('saves a language with the mask "language" and switches the portal to it', async () => {
    renderPage();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Language'), 'nl');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches()).toHaveLength(1));
    expect(patches()[0]!.body).toEqual({ settings: { language: 'nl' }, updateMask: 'language' });
    await waitFor(() => expect(i18n.language).toBe('nl'));
    expect(await screen.findByRole('heading', { name: 'Meldingsinstellingen' })).toBeInTheDocument();
  });

  it('puts the server’s field violations on the controls they name', async () => {
    calls = stubGateway({
      'GET /v1/notification-settings': { body: settings },
      'PATCH /v1/notification-settings': {
        status: 400,
        body: {
          code: 3,
          message: 'invalid request',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [
                { field: 'settings.language', description: 'one of en, nl, or empty' },
                { field: 'settings.preferences[1].delivery', description: 'IMMEDIATE or DAILY_DIGEST' },
                { field: 'update_mask', description: 'language, preferences or reset_categories' },
              ],
            },
          ],
        },
      },
    });
    renderPage();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Language'), 'nl');
    await user.click(screen.getByRole('switch', { name: 'By email: Claims' }));
    await user.click(screen.getByRole('switch', { name: 'By email: Claim review' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Email delivery: Claim review' }), 'NOTIFICATION_DELIVERY_DAILY_DIGEST');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    // Sent second of the changed rows: Claim review.
    const delivery = screen.getByRole('combobox', { name: 'Email delivery: Claim review' });
    await waitFor(() => expect(delivery).toHaveAccessibleDescription('IMMEDIATE or DAILY_DIGEST'));
    expect(delivery).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('combobox', { name: 'Email delivery: Claims' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Language')).toHaveAccessibleDescription('one of en, nl, or empty');
    expect(screen.getByText('update_mask: language, preferences or reset_categories')).toBeInTheDocument();
    expect(i18n.language).toBe('en');
  });
});
