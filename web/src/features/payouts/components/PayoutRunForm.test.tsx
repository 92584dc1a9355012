import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/test/render';
import { PayoutRunForm } from './PayoutRunForm';

const run = {
  id: '4',
  periodStart: '2026-10-01',
  periodEnd: '2026-11-30',
  createdByUserId: '7',
  createTime: '2026-12-01T10:00:00Z',
  statements: [
    { id: '64', payoutRunId: '4', partnerId: '1', partnerName: 'Lowlands Distribution B.V.', currencyCode: 'EUR', total: '1200.10', status: 'STATEMENT_STATUS_OPEN', entryCount: 2 },
    { id: '65', payoutRunId: '4', partnerId: '2', partnerName: 'Rheinland IT', currencyCode: 'EUR', total: '0.20', status: 'STATEMENT_STATUS_OPEN', entryCount: 1 },
    { id: '66', payoutRunId: '4', partnerId: '3', partnerName: 'Boston Resale', currencyCode: 'USD', total: '99.99', status: 'STATEMENT_STATUS_OPEN', entryCount: 1 },
  ],
};

let fetchMock: ReturnType<typeof vi.fn>;

function answer(status: number, body: unknown) {
  // A slow answer, so a second click lands while the first request is in flight.
  return new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(JSON.stringify(body), { status })), 20));
}

beforeEach(() => {
  fetchMock = vi.fn(() => answer(200, run));
  vi.stubGlobal('fetch', fetchMock);
});

function renderForm() {
  renderWithProviders(<PayoutRunForm defaultStart="2026-10-01" defaultEnd="2026-11-30" today="2026-12-01" />);
  return userEvent.setup();
}

describe('PayoutRunForm', () => {
  it('confirms what will happen, sends one request however often confirm is clicked, and shows the result', async () => {
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    const confirm = screen.getByTestId('payout-run-confirm');
    expect(within(confirm).getByRole('heading')).toHaveTextContent('Create a payout run for 1 Oct 2026 – 30 Nov 2026?');
    expect(confirm).toHaveTextContent('A partner whose net amount is not positive carries over to the next run.');
    expect(fetchMock).not.toHaveBeenCalled();

    const button = within(confirm).getByRole('button', { name: 'Create payout run' });
    await user.dblClick(button);
    await user.click(button);

    const result = await screen.findByTestId('payout-run-result');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v1/payout-runs');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      periodStart: '2026-10-01',
      periodEnd: '2026-11-30',
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(result).toHaveTextContent('Payout run 4 for 1 Oct 2026 – 30 Nov 2026 made 3 statements.');
    expect(within(result).getByText('To pay in EUR').parentElement).toHaveTextContent('€1,200.30');
    expect(within(result).getByText('To pay in EUR').parentElement).toHaveTextContent('2 statements');
    expect(within(result).getByText('To pay in USD').parentElement).toHaveTextContent('US$99.99');
    expect(within(result).getByRole('link', { name: 'Statement 64' })).toHaveAttribute('href', '/statements/64');
  });

  it('checks the period before asking for confirmation', async () => {
    const user = renderForm();
    const end = screen.getByLabelText('Period to (inclusive)');
    await user.clear(end);
    await user.type(end, '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The period must have ended: choose a day before today (UTC).')).toBeInTheDocument();
    expect(screen.queryByTestId('payout-run-confirm')).not.toBeInTheDocument();
  });

  it('retries a period with the key of its first request, and a new run with a new key', async () => {
    fetchMock.mockImplementationOnce(() => answer(503, { code: 14, message: 'the service is unavailable' }));
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    await user.click(screen.getByRole('button', { name: 'Create payout run' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    await user.click(screen.getByRole('button', { name: 'Create payout run' }));
    await screen.findByTestId('payout-run-result');
    await user.click(screen.getByRole('button', { name: 'Start another payout run' }));
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    await user.click(screen.getByRole('button', { name: 'Create payout run' }));
    await screen.findByTestId('payout-run-result');
    const keys = fetchMock.mock.calls.map(([, init]) => (JSON.parse((init as RequestInit).body as string) as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("shows the API's field violations on the fields, and a new confirmation sends again", async () => {
    fetchMock.mockImplementationOnce(() =>
      answer(400, {
        code: 3,
        message: 'invalid request',
        details: [{ fieldViolations: [{ field: 'period_end', description: 'must be a day that has ended (before today, UTC)' }] }],
      }),
    );
    const user = renderForm();
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    await user.click(screen.getByRole('button', { name: 'Create payout run' }));
    expect(await screen.findByText('must be a day that has ended (before today, UTC)')).toBeInTheDocument();
    expect(screen.getByLabelText('Period to (inclusive)')).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Review payout run' }));
    await user.click(screen.getByRole('button', { name: 'Create payout run' }));
    await screen.findByTestId('payout-run-result');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
