import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubGateway } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import { PartnerPicker } from './PartnerPicker';

afterEach(() => vi.unstubAllGlobals());

const kPartners = [
  { id: '4', name: 'Amstel Systems' },
  { id: '5', name: 'Amsterdam Data' },
  { id: '6', name: 'Delta Distribution' },
];

function partnersGateway() {
  return stubGateway({
    'GET /v1/partners': (call) => {
      const name = String(call.params.nameContains ?? '').toLowerCase();
      return { body: { partners: kPartners.filter((p) => p.name.toLowerCase().includes(name)), nextPageToken: '' } };
    },
  });
}

const optionTexts = () => within(screen.getByRole('combobox', { name: 'Parent partner' })).getAllByRole('option').map((o) => o.textContent);

describe('PartnerPicker', () => {
  it('sends the search to the server as nameContains, leaving out the excluded partner', async () => {
    const calls = partnersGateway();
    renderWithProviders(<PartnerPicker id="parent" label="Parent partner" value="" onChange={() => {}} emptyLabel="None" excludeId="4" />);
    await waitFor(() => expect(optionTexts()).toEqual(['None', 'Amsterdam Data', 'Delta Distribution']));
    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search partners for “Parent partner”' }), 'amst');
    await waitFor(() => expect(optionTexts()).toEqual(['None', 'Amsterdam Data']));
    expect(calls.at(-1)!.params).toEqual({ nameContains: 'amst', pageSize: '50' });
  });
});
