import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import type { Program } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { changedPaths, draftFromProgram, draftToApi, ProgramErrors, type RuleDraft } from './program-draft';
import { RuleEditor } from './RuleEditor';

beforeEach(() => {
  // Product search and catalog: nothing needed for these tests.
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ products: [] }), { status: 200 })));
});

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
  rules: [
    {
      id: 'volume',
      name: 'Volume rebate',
      rebate: { skus: [], tiers: [{ minVolume: '0', percent: '2' }], mode: 'REBATE_MODE_RETROACTIVE' },
    },
    { id: 'pts', name: 'Points', points: { skus: [], pointsPerCurrencyUnit: '0.01', pointsPerUnit: '' } },
  ],
  rulesVersion: 1,
  status: 'PROGRAM_STATUS_ACTIVE',
  etag: '3',
} as Program;

// The editor with its state, reporting each change of the rules.
function Harness({ initial, errors, onRules }: { initial: RuleDraft[]; errors?: ProgramErrors; onRules?: (r: RuleDraft[]) => void }) {
  const [rules, setRules] = useState(initial);
  return (
    <RuleEditor
      rules={rules}
      onChange={(next) => {
        setRules(next);
        onRules?.(next);
      }}
      currency="EUR"
      programStart="2026-01-01"
      programEnd="2026-12-31"
      errors={errors ?? new ProgramErrors(null)}
    />
  );
}

describe('RuleEditor', () => {
  it('adds a rebate tier and a partner tier uplift and sends the rules as the API expects', async () => {
    const draft = draftFromProgram(saved);
    let latest = draft.rules;
    renderWithProviders(<Harness initial={draft.rules} onRules={(r) => (latest = r)} />);
    const user = userEvent.setup();
    const rule1 = screen.getByRole('listitem', { name: 'Rule 1' });
    await user.click(within(rule1).getByRole('button', { name: 'Add tier' }));
    await user.type(within(rule1).getByLabelText('Tier 2 from volume'), '50000');
    await user.type(within(rule1).getByLabelText('Tier 2 percent'), '3.5');
    await user.click(within(rule1).getByRole('button', { name: 'Add partner tier uplift' }));
    await user.type(within(rule1).getByLabelText('Partner tier'), ' gold ');
    await user.type(within(rule1).getByLabelText('Extra percent'), '1.5');

    const program = draftToApi({ ...draft, rules: latest });
    expect(program.rules![0]).toEqual({
      id: 'volume',
      name: 'Volume rebate',
      rebate: {
        skus: [],
        tiers: [
          { minVolume: '0', percent: '2' },
          { minVolume: '50000', percent: '3.5' },
        ],
        mode: 'REBATE_MODE_RETROACTIVE',
        partnerTierUplifts: [{ tier: 'gold', percent: '1.5' }],
      },
    });
    // Only the rules changed: the update mask says so, and no editor-only fields travel.
    expect(changedPaths(saved, program)).toEqual(['rules']);
    expect(JSON.stringify(program)).not.toContain('"key"');
    expect(JSON.stringify(program)).not.toContain('pointsBasis');
  }, 20_000);

  it('adds, reorders and removes rules of other kinds', async () => {
    const draft = draftFromProgram(saved);
    let latest = draft.rules;
    renderWithProviders(<Harness initial={draft.rules} onRules={(r) => (latest = r)} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Kind of rule'), 'SPIF');
    await user.click(screen.getByRole('button', { name: 'Add rule' }));
    const rule3 = screen.getByRole('listitem', { name: 'Rule 3' });
    await user.type(within(rule3).getByLabelText('Rule name'), 'Switch SPIF');
    await user.type(within(rule3).getByLabelText('Product 1 SKU'), 'NW-SW24');
    await user.type(within(rule3).getByLabelText('Product 1 amount per unit'), '40');
    await user.click(screen.getByRole('button', { name: 'Move rule 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(draftToApi({ ...draft, rules: latest }).rules).toEqual([
      {
        id: 'spif-1',
        name: 'Switch SPIF',
        spif: { products: [{ sku: 'NW-SW24', amountPerUnit: '40' }], startDate: '2026-01-01', endDate: '2026-12-31' },
      },
      { id: 'pts', name: 'Points', points: { skus: [], pointsPerCurrencyUnit: '0.01', pointsPerUnit: '' } },
    ]);
  }, 20_000);

  it('shows a server violation on the input it names, also after the rules moved', async () => {
    const draft = draftFromProgram(saved);
    draft.rules[0]!.rebate!.tiers!.push({ minVolume: '50000', percent: '150' });
    draft.rules[0]!.rebate!.partnerTierUplifts = [{ tier: 'Gold', percent: '1' }];
    const error = new ApiError(400, 3, 'invalid request', [
      { field: 'program.rules[0].rebate.tiers[1].percent', description: 'must be at most 100' },
      { field: 'program.rules[0].rebate.partner_tier_uplifts[0].tier', description: "1 to 32 of a-z, 0-9, '-' and '_'" },
      { field: 'program.rules[1].points', description: 'set exactly one of points_per_currency_unit and points_per_unit' },
      { field: 'program.rules[7].name', description: 'required' },
      { field: 'update_mask', description: 'unknown path' },
    ]);
    const errors = new ProgramErrors(error, draft.rules.map((r) => r.key));
    // The user moved the rebate below the points rule after sending.
    const moved = [draft.rules[1]!, draft.rules[0]!];
    renderWithProviders(<Harness initial={moved} errors={errors} />);
    const rebate = screen.getByRole('listitem', { name: 'Rule 2' });
    const percent = within(rebate).getByLabelText('Tier 2 percent');
    expect(percent).toHaveAttribute('aria-invalid', 'true');
    expect(percent).toHaveAccessibleDescription('must be at most 100');
    expect(within(rebate).getByLabelText('Tier 1 percent')).not.toHaveAttribute('aria-invalid');
    expect(within(rebate).getByLabelText('Partner tier')).toHaveAccessibleDescription("1 to 32 of a-z, 0-9, '-' and '_'");
    const points = screen.getByRole('listitem', { name: 'Rule 1' });
    expect(within(points).getByLabelText('Points')).toHaveAccessibleDescription(
      'set exactly one of points_per_currency_unit and points_per_unit',
    );
    // Violations no input shows go to the summary.
    expect(errors.unmatched({ ...draft, rules: moved }).map((v) => v.field)).toEqual(['rules[7].name', 'update_mask']);
  }, 20_000);
});
