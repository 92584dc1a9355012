import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Statement } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { MarkPaidForm } from './MarkPaidForm';

const statement = {
  id: '62',
  payoutRunId: '3',
  partnerId: '29',
  partnerName: 'Sakura IT Services',
  currencyCode: 'EUR',
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  total: '440.00',
  entryCount: 1,
  status: 'STATEMENT_STATUS_OPEN',
  paymentReference: '',
  paidByUserId: '0',
  createTime: '2026-10-06T18:00:00Z',
  entries: [],
  etag: '1',
} as Statement;

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async () =>
    new Response(JSON.stringify({ ...statement, status: 'STATEMENT_STATUS_PAID', paymentReference: 'SEPA-77', etag: '2' }), { status: 200 }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

describe('MarkPaidForm', () => {
  it('says what paying does and sends the reference with the etag', async () => {
    const onDone = vi.fn();
    renderWithProviders(<MarkPaidForm statement={statement} onDone={onDone} />);
    const user = userEvent.setup();
    expect(screen.getByText(/Pay €440.00 to Sakura IT Services for 1 Jul 2026 – 30 Sept? 2026/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Payment reference'), '  SEPA-77 ');
    await user.click(screen.getByRole('button', { name: 'Confirm payment of €440.00' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v1/statements/62:markPaid');
    expect(JSON.parse(init.body as string)).toEqual({ paymentReference: 'SEPA-77', etag: '1' });
  });

  it('asks for a reference before sending', async () => {
    renderWithProviders(<MarkPaidForm statement={statement} onDone={() => {}} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Confirm payment of €440.00' }));
    expect(screen.getByLabelText('Payment reference')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter the payment reference, e.g. the bank transfer id.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('tells that someone else changed the statement when the etag is stale', async () => {
    fetchMock.mockImplementationOnce(async () =>
      new Response(JSON.stringify({ code: 10, message: 'the statement changed since you read it; reload and retry' }), { status: 409 }),
    );
    const onDone = vi.fn();
    renderWithProviders(<MarkPaidForm statement={statement} onDone={onDone} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Payment reference'), 'SEPA-78');
    await user.click(screen.getByRole('button', { name: 'Confirm payment of €440.00' }));
    expect(await screen.findByText('This statement was changed by someone else. Reload it and check before paying.')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onDone).toHaveBeenCalled();
  });
});
