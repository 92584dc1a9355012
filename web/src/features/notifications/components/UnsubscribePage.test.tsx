import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '@/test/render';
import { stubGateway } from '../test-doubles';
import { UnsubscribePage } from './UnsubscribePage';

afterEach(() => vi.unstubAllGlobals());

const kToken = 'cimu_AbC-12_x';

function renderPage(answer: { status?: number; body: unknown }) {
  const calls = stubGateway({ [`POST /v1/unsubscribe/${kToken}`]: answer });
  renderWithProviders(
    <StrictMode>
      <UnsubscribePage token={kToken} />
    </StrictMode>,
  );
  return calls;
}

describe('UnsubscribePage', () => {
  it('unsubscribes once on opening and says from what', async () => {
    const calls = renderPage({ body: { category: 'NOTIFICATION_CATEGORY_CLAIMS', email: 'r***@amstel.example' } });
    expect(screen.getByRole('status')).toHaveTextContent('Unsubscribing…');
    expect(await screen.findByTestId('unsubscribed')).toHaveTextContent('You will no longer get emails about Claims at r***@amstel.example.');
    expect(screen.getByRole('link', { name: 'Change your notification settings' })).toHaveAttribute('href', '/settings/notifications');
    expect(calls).toEqual([{ method: 'POST', url: `/v1/unsubscribe/${kToken}`, body: {} }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Unsubscribe' })).toBeInTheDocument();
  });

  it('names the daily digest when the link stopped all digest email', async () => {
    renderPage({ body: { category: 'NOTIFICATION_CATEGORY_UNSPECIFIED', email: 'r***@amstel.example' } });
    expect(await screen.findByTestId('unsubscribed')).toHaveTextContent('You will no longer get your daily digest at r***@amstel.example.');
  });

  it('explains a link that is not valid', async () => {
    renderPage({ status: 404, body: { code: 5, message: 'no such unsubscribe link' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('This unsubscribe link is not valid.');
    expect(screen.getByRole('link', { name: 'Notification settings' })).toHaveAttribute('href', '/settings/notifications');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('offers a retry when the server cannot be reached', async () => {
    renderPage({ status: 503, body: { code: 14, message: 'the server is busy' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not unsubscribe you right now: the server is busy');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
