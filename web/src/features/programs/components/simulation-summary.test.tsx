import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { SimulationResult } from '@/lib/api/schema';
import i18n from '@/lib/i18n';
import { renderWithProviders } from '@/test/render';
import { summarizeSimulation } from './simulation-summary';
import { SimulationResultView, yearBefore } from './SimulationPanel';

const t = i18n.getFixedT('en');

function result(patch: Partial<SimulationResult>): SimulationResult {
  return {
    historyStart: '2026-01-01',
    historyEnd: '2026-11-30',
    claims: '79',
    claimLines: '124',
    forecastMoney: '0.00',
    forecastPoints: '0',
    budget: '600000.00',
    coveredByBudget: '0.00',
    budgetExhaustionDate: '',
    byPartner: [],
    moneyByRule: {},
    pointsByRule: {},
    ...patch,
  };
}

describe('summarizeSimulation', () => {
  it('says how much more a change costs and when it would exhaust the budget', () => {
    const now = result({ forecastMoney: '56227.81', budget: '60000.00', coveredByBudget: '56227.81' });
    const changed = result({
      forecastMoney: '64000.10',
      budget: '60000.00',
      coveredByBudget: '60000.00',
      budgetExhaustionDate: '2027-03-12',
    });
    const s = summarizeSimulation(changed, now, 'EUR', t);
    expect(s.headline).toBe(
      'This change would cost €64,000.10 (€7,772.29 more than now) and exhaust the budget of €60,000.00 on 12 Mar 2027; the budget would cover €60,000.00.',
    );
    expect(s.overBudget).toBe(true);
    expect(s.scope).toBe('Replayed 79 approved claims (124 lines) from 1 Jan 2026 to 30 Nov 2026.');
  });

  it('says what is left when the rules stay within budget, exactly', () => {
    const now = result({ forecastMoney: '0.30' });
    const changed = result({ forecastMoney: '0.10', budget: '0.30', forecastPoints: '19583' });
    const s = summarizeSimulation(changed, now, 'EUR', t);
    // 0.30 − 0.10 in floating point is 0.19999999999999998; the summary is exact.
    expect(s.headline).toBe('This change would cost €0.10 (€0.20 less than now) and stay within the budget of €0.30: €0.20 left.');
    expect(s.points).toBe('Partners would also earn 19,583 points.');
  });

  it('describes the stored rules when nothing changed', () => {
    const s = summarizeSimulation(result({ forecastMoney: '1000' }), undefined, 'EUR', t);
    expect(s.headline).toBe('These rules would cost €1,000.00 and stay within the budget of €600,000.00: €599,000.00 left.');
    expect(s.points).toBeUndefined();
  });
});

describe('SimulationResultView', () => {
  it('shows the cost per rule and its change', () => {
    const now = result({ forecastMoney: '100.00', moneyByRule: { rebate: '100.00' } });
    const changed = result({ forecastMoney: '150.00', moneyByRule: { rebate: '120.00', spif: '30.00' } });
    renderWithProviders(
      <SimulationResultView outcome={{ changed, current: now }} currency="EUR" ruleNames={{ rebate: 'Volume rebate', spif: 'Switch SPIF' }} ruleOrder={['rebate', 'spif']} />,
    );
    expect(screen.getByText(/This change would cost €150.00 \(€50.00 more than now\)/)).toBeInTheDocument();
    const rebateRow = screen.getByRole('row', { name: /Volume rebate/ });
    expect(rebateRow).toHaveTextContent('€120.00');
    expect(rebateRow).toHaveTextContent('+€20.00');
    expect(screen.getByRole('row', { name: /Switch SPIF/ })).toHaveTextContent('+€30.00');
  });
});

describe('yearBefore', () => {
  it('gives the longest history the server accepts', () => {
    expect(yearBefore('2026-12-01')).toBe('2025-12-02');
  });
});
