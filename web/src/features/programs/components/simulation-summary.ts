// The outcome of a what-if simulation in words: what the rules would have cost over the
// replayed history, the difference with the program as it is, and what that does to the budget.
// All arithmetic on the API's decimal strings is exact (lib/decimal).
import type { TFunction } from 'i18next';
import type { SimulationResult } from '@/lib/api/schema';
import { compareDecimals, subtractDecimals } from '@/lib/decimal';
import { formatDay, formatMoney, formatPoints } from '@/lib/format';

export interface SimulationSummary {
  // "Replayed 79 approved claims from 1 Jan 2026 to 30 Nov 2026."
  scope: string;
  // "This change would cost €X (€Y more than now) and exhaust the budget on 22 Jan 2026."
  headline: string;
  // Points, when the rules award any.
  points?: string;
  overBudget: boolean;
}

// `changed` is the simulated program; `current`, when given, the program as stored.
export function summarizeSimulation(
  changed: SimulationResult,
  current: SimulationResult | undefined,
  currency: string,
  t: TFunction,
): SimulationSummary {
  const money = (amount: string) => formatMoney(amount, currency);
  const scope = t('Replayed {{claims}} approved claims ({{lines}} lines) from {{start}} to {{end}}.', {
    claims: changed.claims || '0',
    lines: changed.claimLines || '0',
    start: formatDay(changed.historyStart),
    end: formatDay(changed.historyEnd),
  });
  const cost = changed.forecastMoney || '0';
  let costText: string;
  if (current) {
    const delta = subtractDecimals(cost, current.forecastMoney || '0');
    const sign = compareDecimals(delta, '0');
    costText =
      sign > 0
        ? t('This change would cost {{cost}} ({{delta}} more than now)', { cost: money(cost), delta: money(delta) })
        : sign < 0
          ? t('This change would cost {{cost}} ({{delta}} less than now)', {
              cost: money(cost),
              delta: money(subtractDecimals('0', delta)),
            })
          : t('This change would cost {{cost}} (the same as now)', { cost: money(cost) });
  } else {
    costText = t('These rules would cost {{cost}}', { cost: money(cost) });
  }
  const overBudget = !!changed.budgetExhaustionDate;
  const headline = overBudget
    ? t('{{cost}} and exhaust the budget of {{budget}} on {{date}}; the budget would cover {{covered}}.', {
        cost: costText,
        budget: money(changed.budget || '0'),
        date: formatDay(changed.budgetExhaustionDate),
        covered: money(changed.coveredByBudget || '0'),
      })
    : t('{{cost}} and stay within the budget of {{budget}}: {{left}} left.', {
        cost: costText,
        budget: money(changed.budget || '0'),
        left: money(subtractDecimals(changed.budget || '0', cost)),
      });
  const points =
    changed.forecastPoints && compareDecimals(changed.forecastPoints, '0') > 0
      ? t('Partners would also earn {{points}} points.', { points: formatPoints(changed.forecastPoints) })
      : undefined;
  return { scope, headline, points, overBudget };
}

// Rule ids of either result, in the order of `ruleOrder` first (the editor's rules).
export function simulatedRuleIds(ruleOrder: string[], ...results: Array<SimulationResult | undefined>): string[] {
  const ids = new Set<string>(ruleOrder);
  for (const r of results) {
    for (const id of Object.keys(r?.moneyByRule ?? {})) ids.add(id);
    for (const id of Object.keys(r?.pointsByRule ?? {})) ids.add(id);
  }
  return [...ids];
}
