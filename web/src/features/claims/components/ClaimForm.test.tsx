import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import type { Program } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { ClaimForm } from './ClaimForm';

const program = {
  id: '1',
  name: 'Storage rebate',
  currencyCode: 'EUR',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  eligibleSkus: ['ST-2000'],
} as Program;

beforeEach(() => {
  // The product search: one eligible and one ineligible product.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      new Response(
        JSON.stringify({
          products: [
            { id: '1', sku: 'ST-2000', name: 'FlashArray 2000', listPrice: '18500.00', currencyCode: 'EUR', status: 'PRODUCT_STATUS_ACTIVE' },
            { id: '2', sku: 'NW-AP', name: 'Access point', listPrice: '300.00', currencyCode: 'EUR', status: 'PRODUCT_STATUS_ACTIVE' },
          ],
        }),
        { status: 200 },
      ),
    ),
  );
});

describe('ClaimForm', () => {
  it('computes line amounts and the total exactly and sends the draft', async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ClaimForm programs={[program]} submitLabel="Submit claim" submitting={false} error={null} onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Invoice number'), 'INV-9');
    await user.type(screen.getByLabelText('End customer'), 'Hanze Hospital');
    await user.type(screen.getByLabelText('Customer country'), 'nl');
    expect(screen.getByText('Netherlands')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Product (SKU or name)'), 'ST-2000');
    // Choosing an eligible product fills in its list price.
    expect(await screen.findByDisplayValue('18500.00')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '3');
    await user.click(screen.getByRole('button', { name: 'Add a product' }));
    const line2 = screen.getByRole('listitem', { name: 'Line 2' });
    await user.type(within(line2).getByLabelText('Product (SKU or name)'), 'X-1');
    await user.type(within(line2).getByLabelText('Unit price'), '0.10');
    expect(screen.getByTestId('claim-total')).toHaveTextContent('€55,500.10');
    await user.click(screen.getByRole('button', { name: 'Submit claim' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        programId: '1',
        invoiceNumber: 'INV-9',
        customerCountry: 'NL',
        currencyCode: 'EUR',
        lines: [
          { sku: 'ST-2000', quantity: '3', unitPrice: '18500.00' },
          { sku: 'X-1', quantity: '1', unitPrice: '0.10' },
        ],
        attachmentIds: [],
      }),
      '',
    );
  });

  it('shows the API field violations on their fields and the others above the button', () => {
    const error = new ApiError(400, 3, 'invalid request', [
      { field: 'claim.invoice_date', description: 'must not be in the future' },
      { field: 'claim.lines[0].sku', description: 'unknown SKU "NOPE"' },
      { field: 'claim.lines[0].quantity', description: 'must be between 1 and 1000000' },
      { field: 'claim.currency_code', description: 'must be EUR' },
    ]);
    renderWithProviders(<ClaimForm programs={[program]} submitLabel="Submit claim" submitting={false} error={error} onSubmit={() => {}} />);
    expect(screen.getByLabelText('Invoice date')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Invoice date')).toHaveAccessibleDescription('must not be in the future');
    const line1 = screen.getByRole('listitem', { name: 'Line 1' });
    expect(within(line1).getByLabelText('Product (SKU or name)')).toHaveAccessibleDescription('unknown SKU "NOPE"');
    expect(within(line1).getByLabelText('Quantity')).toHaveAccessibleDescription('must be between 1 and 1000000');
    expect(screen.getByLabelText('Invoice number')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('claim.currency_code: must be EUR')).toBeInTheDocument();
  });

  it('waits for uploads before submitting', async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ClaimForm programs={[program]} submitLabel="Submit claim" submitting={true} error={null} onSubmit={onSubmit} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Submitting…' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
