import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Program } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { ProgramEditor } from './ProgramEditorPage';

const saved = {
  id: '7',
  name: 'Storage rebate',
  description: '',
  objectives: '',
  targets: [],
  eligibility: { partnerTypes: [], tiers: [], regions: [], partnerIds: [], requiredCertifications: [] },
  currencyCode: 'EUR',
  budget: '10000.00',
  budgetDrawn: '0.00',
  budgetRemaining: '10000.00',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  period: 'PROGRAM_PERIOD_QUARTER',
  terms: 'Terms.',
  termsVersion: 1,
  eligibleSkus: [],
  rules: [{ id: 'volume', name: 'Volume rebate', rebate: { skus: [], tiers: [{ minVolume: '0', percent: '2' }], mode: 'REBATE_MODE_MARGINAL' } }],
  rulesVersion: 2,
  status: 'PROGRAM_STATUS_ACTIVE',
  etag: '3',
} as Program;

describe('ProgramEditor', () => {
  it('sends only the changed fields with the etag, and puts the violations on their inputs', async () => {
    const calls: Array<{ url: string; method: string; body: unknown }> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
        if (init?.method === 'PATCH') {
          return new Response(
            JSON.stringify({
              code: 3,
              message: 'invalid request',
              details: [
                {
                  fieldViolations: [
                    { field: 'program.rules[0].rebate.tiers[0].percent', description: 'must be at most 100' },
                    { field: 'program.budget', description: 'must be greater than 0' },
                    { field: 'program.something_new', description: 'not yet known to the editor' },
                  ],
                },
              ],
            }),
            { status: 400 },
          );
        }
        return new Response(JSON.stringify({ products: [], trainingModules: [], tiers: [], partners: [] }), { status: 200 });
      }),
    );
    renderWithProviders(<ProgramEditor title="Edit program" original={saved} />);
    const user = userEvent.setup();
    // A published program says what saving changed rules does.
    expect(screen.getByRole('note')).toHaveTextContent('creates rules version 3');
    await user.clear(screen.getByLabelText('Tier 1 percent'));
    await user.type(screen.getByLabelText('Tier 1 percent'), '120');
    await user.clear(screen.getByLabelText('Budget'));
    await user.type(screen.getByLabelText('Budget'), '0');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/v1/programs/7?updateMask=budget%2Crules');
    expect(patch.body).toMatchObject({
      id: '7',
      etag: '3',
      budget: '0',
      rules: [{ id: 'volume', rebate: { tiers: [{ minVolume: '0', percent: '120' }] } }],
    });
    expect(await screen.findByText('must be at most 100')).toBeInTheDocument();
    expect(screen.getByLabelText('Tier 1 percent')).toHaveAccessibleDescription('must be at most 100');
    expect(screen.getByLabelText('Budget')).toHaveAccessibleDescription('must be greater than 0');
    expect(screen.getByTestId('error-summary')).toHaveTextContent('something_new: not yet known to the editor');
  }, 20_000);
});
