import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dispute } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { ResolveForm } from './ResolveForm';

const dispute = {
  id: '12',
  partnerId: '4',
  partnerName: 'Amstel Systems',
  openedByUserId: '9',
  openedByName: 'Rosa Larsen',
  state: 'DISPUTE_STATE_OPEN',
  programId: '1',
  etag: '3',
} as Dispute;

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async () => new Response(JSON.stringify({ ...dispute, state: 'DISPUTE_STATE_ADJUSTED', etag: '4' }), { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
});

describe('ResolveForm', () => {
  it('sends an adjustment with the amount as an API decimal and the etag', async () => {
    renderWithProviders(<ResolveForm dispute={dispute} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '1,250.50');
    await user.type(screen.getByLabelText('Explanation'), ' tier 2 rate ');
    await user.click(screen.getByRole('button', { name: 'Post adjustment' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v1/disputes/12:resolve');
    expect(JSON.parse(init.body as string)).toEqual({
      adjustment: { account: 'LEDGER_ACCOUNT_PAYABLE', amount: '1250.50', explanation: 'tier 2 rate' },
      etag: '3',
    });
  });

  it('sends a refusal with its reason, and asks for one first', async () => {
    renderWithProviders(<ResolveForm dispute={dispute} />);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Refuse, with the reason'));
    await user.click(screen.getByRole('button', { name: 'Refuse dispute' }));
    expect(screen.getByText('Give the reason for the refusal.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Reason'), 'The bonus needs the quarterly target.');
    await user.click(screen.getByRole('button', { name: 'Refuse dispute' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ refusal: { reason: 'The bonus needs the quarterly target.' }, etag: '3' });
  });

  it('asks for a program when the dispute names none', async () => {
    renderWithProviders(<ResolveForm dispute={{ ...dispute, programId: '0' }} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.type(screen.getByLabelText('Explanation'), 'points for the module');
    await user.click(screen.getByRole('button', { name: 'Post adjustment' }));
    expect(screen.getByText('Choose the program the adjustment is paid from.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain('/v1/disputes/12:resolve');
  });

  it('puts the server\u2019s field violation on the amount', async () => {
    fetchMock.mockImplementationOnce(async () =>
      new Response(
        JSON.stringify({
          code: 3,
          message: 'adjustment.amount: rounds to zero EUR',
          details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'adjustment.amount', description: 'rounds to zero EUR' }] }],
        }),
        { status: 400 },
      ),
    );
    renderWithProviders(<ResolveForm dispute={dispute} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '0.001');
    await user.type(screen.getByLabelText('Explanation'), 'x');
    await user.click(screen.getByRole('button', { name: 'Post adjustment' }));
    expect(await screen.findByText('rounds to zero EUR')).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
  });
});
