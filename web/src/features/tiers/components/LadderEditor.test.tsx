import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import type { TierLadder } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { LadderEditor } from './LadderEditor';

const ladder: TierLadder = {
  currencyCode: 'EUR',
  updateTime: '2026-07-24T16:35:43Z',
  tiers: [
    { rank: 1, code: 'registered', name: 'Registered', benefits: 'Portal access', criteria: { minTrailingSales: '', minCertifiedUsers: 0, certificationCode: '', minTrailingPoints: '' } },
    { rank: 2, code: 'silver', name: 'Silver', benefits: 'Co-op funds', criteria: { minTrailingSales: '20000', minCertifiedUsers: 0, certificationCode: '', minTrailingPoints: '' } },
  ],
};

const tier = (n: number) => screen.getByRole('group', { name: new RegExp(`^Tier ${n}\\b`) });

describe('LadderEditor', () => {
  it('adds, reorders and removes tiers and sends the ladder lowest first', { timeout: 30_000 }, async () => {
    const onSave = vi.fn();
    renderWithProviders(<LadderEditor ladder={ladder} certificationCodes={['storage-expert']} saving={false} error={null} onSave={onSave} />);
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Save ladder' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Add a tier' }));
    // The new tier's name gets the focus.
    expect(within(tier(3)).getByLabelText('Name')).toHaveFocus();
    await user.type(within(tier(3)).getByLabelText('Name'), 'Gold');
    await user.type(within(tier(3)).getByLabelText('Code'), 'Gold');
    await user.type(within(tier(3)).getByLabelText('Min. trailing 12-month sales'), '75,000.50');
    await user.type(within(tier(3)).getByLabelText('Min. certified users'), '2');
    await user.type(within(tier(3)).getByLabelText('Certification'), 'storage-expert');

    // Silver above Gold, then back: the order is what is sent.
    await user.click(within(tier(2)).getByRole('button', { name: 'Move down' }));
    expect(tier(2)).toHaveTextContent('Gold');
    await user.click(within(tier(3)).getByRole('button', { name: 'Move up' }));
    expect(tier(2)).toHaveTextContent('Silver');

    // A fourth tier, removed again.
    await user.click(screen.getByRole('button', { name: 'Add a tier' }));
    await user.click(within(tier(4)).getByRole('button', { name: 'Remove tier' }));
    expect(screen.queryByRole('group', { name: /^Tier 4/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(onSave).toHaveBeenCalledWith({
      currencyCode: 'EUR',
      tiers: [
        { code: 'registered', name: 'Registered', benefits: 'Portal access' },
        { code: 'silver', name: 'Silver', benefits: 'Co-op funds', criteria: { minTrailingSales: '20000', minCertifiedUsers: 0, certificationCode: '', minTrailingPoints: '' } },
        { code: 'gold', name: 'Gold', benefits: '', criteria: { minTrailingSales: '75000.50', minCertifiedUsers: 2, certificationCode: 'storage-expert', minTrailingPoints: '' } },
      ],
    });
  });

  it('drops the criteria of a tier moved to the bottom of the ladder', async () => {
    const onSave = vi.fn();
    renderWithProviders(<LadderEditor ladder={ladder} certificationCodes={[]} saving={false} error={null} onSave={onSave} />);
    const user = userEvent.setup();
    await user.click(within(tier(2)).getByRole('button', { name: 'Move up' }));
    expect(within(tier(1)).queryByLabelText('Min. trailing 12-month sales')).toBeNull();
    expect(within(tier(1)).getByText("The lowest tier is every partner's: it has no criteria.")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    const sent = onSave.mock.calls[0]![0];
    expect(sent.tiers.map((t: { code: string }) => t.code)).toEqual(['silver', 'registered']);
    expect(sent.tiers[0].criteria).toBeUndefined();
    expect(sent.tiers[1].criteria).toEqual({ minTrailingSales: '', minCertifiedUsers: 0, certificationCode: '', minTrailingPoints: '' });
  });

  it('shows violations on the tier they name, also after reordering, and the rest in a summary', async () => {
    const error = new ApiError(400, 3, 'invalid request', [
      { field: 'ladder.tiers[1].code', description: 'another tier has this code' },
      { field: 'ladder.tiers[1].criteria.min_trailing_sales', description: 'at least the tier below\'s' },
      { field: 'ladder.currency_code', description: 'a supported ISO 4217 code' },
      { field: 'ladder.tiers', description: 'at most 20 tiers' },
    ]);
    // The page's part: the save answers with the error.
    function Harness() {
      const [answer, setAnswer] = useState<ApiError | null>(null);
      return <LadderEditor ladder={ladder} certificationCodes={[]} saving={false} error={answer} onSave={() => setAnswer(error)} />;
    }
    renderWithProviders(<Harness />);
    const user = userEvent.setup();
    await user.clear(within(tier(2)).getByLabelText('Code'));
    await user.type(within(tier(2)).getByLabelText('Code'), 'registered');
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(within(tier(2)).getByLabelText('Code')).toHaveAccessibleDescription('another tier has this code');
    expect(within(tier(2)).getByLabelText('Min. trailing 12-month sales')).toHaveAttribute('aria-invalid', 'true');
    expect(within(tier(1)).getByLabelText('Code')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Sales currency')).toHaveAccessibleDescription('a supported ISO 4217 code');
    expect(screen.getByText('ladder.tiers: at most 20 tiers')).toBeInTheDocument();

    // The error stays with its tier when that tier moves.
    await user.click(within(tier(2)).getByRole('button', { name: 'Move up' }));
    expect(within(tier(1)).getByLabelText('Code')).toHaveAccessibleDescription('another tier has this code');
    expect(within(tier(2)).getByLabelText('Code')).not.toHaveAttribute('aria-invalid');
  });

  it('asks for a whole number of certified users before saving', async () => {
    const onSave = vi.fn();
    renderWithProviders(<LadderEditor ladder={ladder} certificationCodes={[]} saving={false} error={null} onSave={onSave} />);
    const user = userEvent.setup();
    await user.type(within(tier(2)).getByLabelText('Min. certified users'), '1.5');
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(within(tier(2)).getByLabelText('Min. certified users')).toHaveAccessibleDescription('A whole number, 0 or more');
  });
});
