import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import type { Tier } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import type { PartnerInput } from '../api/partners';
import { changedMask, PartnerForm } from './PartnerForm';

const tiers = [
  { rank: 1, code: 'registered', name: 'Registered', benefits: '' },
  { rank: 2, code: 'silver', name: 'Silver', benefits: '' },
] as Tier[];

const lowlands = { id: '1', name: 'Lowlands Distribution B.V.', type: 'PARTNER_TYPE_DISTRIBUTOR', tier: 'silver', region: 'EMEA-NL', parentPartnerId: '0', status: 'PARTNER_STATUS_ACTIVE', etag: '3' };

beforeEach(() => {
  // The parent partner search.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      new Response(JSON.stringify(String(url).startsWith('/v1/partners/') ? lowlands : { partners: [lowlands], nextPageToken: '' }), { status: 200 }),
    ),
  );
});

const empty: PartnerInput = { name: '', tier: 'registered', region: '', parentPartnerId: '0' };

describe('PartnerForm', () => {
  it('sends a new partner with its parent', { timeout: 20_000 }, async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<PartnerForm initial={empty} tiers={tiers} submitting={false} error={null} submitLabel="Create partner" onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), '  Console test Reseller ');
    await user.selectOptions(screen.getByLabelText('Type'), 'PARTNER_TYPE_RESELLER');
    await user.selectOptions(screen.getByLabelText('Tier'), 'silver');
    await user.type(screen.getByLabelText('Region or territory'), 'EMEA-NL');
    await screen.findByRole('option', { name: 'Lowlands Distribution B.V.' });
    await user.selectOptions(screen.getByLabelText('Parent partner'), '1');
    await user.click(screen.getByRole('button', { name: 'Create partner' }));
    expect(onSubmit).toHaveBeenCalledWith(
      { name: 'Console test Reseller', type: 'PARTNER_TYPE_RESELLER', tier: 'silver', region: 'EMEA-NL', parentPartnerId: '1' },
      [],
    );
  });

  it('shows the API field violations next to their inputs and the others in a summary', () => {
    const error = new ApiError(400, 3, 'invalid request', [
      { field: 'partner.name', description: 'required' },
      { field: 'partner.region', description: "1 to 32 of A-Z, a-z, 0-9 and '-'" },
      { field: 'partner.parent_partner_id', description: 'partner 99 not found' },
      { field: 'partner.id', description: 'required' },
    ]);
    renderWithProviders(<PartnerForm initial={empty} tiers={tiers} submitting={false} error={error} submitLabel="Create partner" onSubmit={() => {}} onCancel={() => {}} />);
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('required');
    expect(screen.getByLabelText('Region or territory')).toHaveAccessibleDescription("1 to 32 of A-Z, a-z, 0-9 and '-'");
    expect(screen.getByLabelText('Parent partner')).toHaveAccessibleDescription('partner 99 not found');
    expect(screen.getByLabelText('Type')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByText('partner.id: required')).toBeInTheDocument();
  });

  it('edits with a mask of just the changed fields', async () => {
    const onSubmit = vi.fn();
    const initial: PartnerInput = { name: 'Amstel Systems', type: 'PARTNER_TYPE_RESELLER', tier: 'gold', region: 'EMEA-NL', parentPartnerId: '1', status: 'PARTNER_STATUS_ACTIVE' };
    renderWithProviders(<PartnerForm editing initial={initial} tiers={tiers} partnerId="4" submitting={false} error={null} submitLabel="Save changes" onSubmit={onSubmit} onCancel={() => {}} />);
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    // A tier code outside the ladder stays choosable.
    expect(screen.getByRole('option', { name: 'gold (not on the ladder)' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Region or territory'));
    await user.type(screen.getByLabelText('Region or territory'), 'EMEA-BE');
    await user.selectOptions(screen.getByLabelText('Status'), 'PARTNER_STATUS_SUSPENDED');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ region: 'EMEA-BE', status: 'PARTNER_STATUS_SUSPENDED' }), ['region', 'status']);
  });

  it('explains a stale etag and offers a reload', async () => {
    const onReload = vi.fn();
    const error = new ApiError(409, 10, 'partner 4 was changed by someone else; reload and retry', []);
    const initial: PartnerInput = { name: 'Amstel Systems', type: 'PARTNER_TYPE_RESELLER', tier: 'silver', region: 'EMEA-NL', parentPartnerId: '0', status: 'PARTNER_STATUS_ACTIVE' };
    renderWithProviders(<PartnerForm editing initial={initial} tiers={tiers} submitting={false} error={error} submitLabel="Save changes" onSubmit={() => {}} onCancel={() => {}} onReload={onReload} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Someone else changed this partner since you opened it.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload partner' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('names the changed fields by their API paths', () => {
    const before: PartnerInput = { name: 'A', type: 'PARTNER_TYPE_DEALER', tier: 'silver', region: 'X', parentPartnerId: '0', status: 'PARTNER_STATUS_ACTIVE' };
    expect(changedMask(before, { ...before, parentPartnerId: '7', name: 'B' })).toEqual(['name', 'parent_partner_id']);
    expect(changedMask(before, before)).toEqual([]);
  });
});
