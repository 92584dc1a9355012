import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/test/render';
import { CostForm, CostsSection } from './CostsSection';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});

describe('CostForm', () => {
  it('sends the cost as the API expects it', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ id: '9', programId: '7', category: 'PROGRAM_COST_CATEGORY_MARKETING', amount: '1250.50', description: 'Trade fair booth', incurredOn: '2026-03-02' }),
    );
    const onDone = vi.fn();
    renderWithProviders(<CostForm programId="7" currency="EUR" onDone={onDone} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Category'), 'PROGRAM_COST_CATEGORY_MARKETING');
    await user.type(screen.getByLabelText('Amount (EUR)'), ' 1,250.50 ');
    await user.clear(screen.getByLabelText('Incurred on'));
    await user.type(screen.getByLabelText('Incurred on'), '2026-03-02');
    await user.type(screen.getByLabelText('Description'), ' Trade fair booth ');
    await user.click(screen.getByRole('button', { name: 'Add cost' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/v1/programs/7/costs');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body)).toEqual({
      programId: '7',
      category: 'PROGRAM_COST_CATEGORY_MARKETING',
      amount: '1250.50',
      description: 'Trade fair booth',
      incurredOn: '2026-03-02',
    });
  });

  it('leaves out an unchosen category and shows the field violations on their fields', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        {
          code: 3,
          message: 'invalid request',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [
                { field: 'category', description: 'ADMIN, TRAINING or MARKETING' },
                { field: 'amount', description: 'has more than 2 decimal places' },
                { field: 'program_id', description: 'required' },
              ],
            },
          ],
        },
        400,
      ),
    );
    renderWithProviders(<CostForm programId="7" currency="EUR" onDone={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount (EUR)'), '1.234');
    await user.type(screen.getByLabelText('Description'), 'x');
    await user.click(screen.getByRole('button', { name: 'Add cost' }));
    expect(await screen.findByText('has more than 2 decimal places')).toBeInTheDocument();
    expect(screen.getByLabelText('Amount (EUR)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Category')).toHaveAttribute('aria-invalid', 'true');
    // A violation without a field of its own is listed above the buttons.
    expect(screen.getByText('program_id: required')).toBeInTheDocument();
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body)).not.toHaveProperty('category');
  });
});

describe('CostsSection', () => {
  const costs = {
    costs: [
      { id: '2', programId: '7', category: 'PROGRAM_COST_CATEGORY_TRAINING', amount: '300.00', description: 'Workshop', incurredOn: '2026-02-01' },
      { id: '1', programId: '7', category: 'PROGRAM_COST_CATEGORY_ADMIN', amount: '99.95', description: 'Typo', incurredOn: '2026-01-15', voided: true },
    ],
  };

  it('lists the costs and voids one after confirmation', async () => {
    fetchMock.mockImplementation(async (url: string) => (url.endsWith(':void') ? json({ ...costs.costs[0], voided: true }) : json(costs)));
    renderWithProviders(<CostsSection programId="7" currency="EUR" canEdit />);
    const user = userEvent.setup();
    const workshop = (await screen.findByRole('cell', { name: 'Workshop' })).closest('tr')!;
    expect(within(workshop).getByText('€300.00')).toBeInTheDocument();
    const typo = screen.getByRole('cell', { name: 'Typo' }).closest('tr')!;
    expect(within(typo).getByText('Voided')).toBeInTheDocument();
    expect(within(typo).queryByRole('button')).toBeNull();
    await user.click(within(workshop).getByRole('button', { name: 'Void Workshop' }));
    await user.click(within(workshop).getByRole('button', { name: 'Yes, void it' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/v1/program-costs/2:void', expect.objectContaining({ method: 'POST' })));
  });

  it('offers no changes to readers', async () => {
    fetchMock.mockResolvedValue(json(costs));
    renderWithProviders(<CostsSection programId="7" currency="EUR" canEdit={false} />);
    await screen.findByRole('cell', { name: 'Workshop' });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
