import { describe, expect, it } from 'vitest';
import type { IncentiveRule } from '@/lib/api/schema';
import i18n from '@/lib/i18n';
import { describeRule } from './program-draft';

const rebate: IncentiveRule = {
  id: 'volume',
  name: 'Volume rebate',
  rebate: {
    skus: [],
    tiers: [
      { minVolume: '0', percent: '2' },
      { minVolume: '50000', percent: '3' },
    ],
    mode: 'REBATE_MODE_RETROACTIVE',
    partnerTierUplifts: [
      { tier: 'silver', percent: '1' },
      { tier: 'gold', percent: '1.5' },
    ],
  },
};

describe('describeRule', () => {
  it('names the program a growth rule measures against', () => {
    const growth: IncentiveRule = {
      id: 'growth',
      name: 'Growth on 2025',
      growth: { skus: [], minGrowthPercent: '15', amount: '1500', baseline: 'BASELINE_PERIOD_SAME_LAST_YEAR', baselineProgramId: '7' },
    };
    const t = i18n.getFixedT('en');
    expect(describeRule(growth, 'EUR', t, (id) => (id === '7' ? 'Storage & Server Rebate 2025' : undefined))).toBe(
      'Growth reward of €1,500.00 once per period when sales of all eligible products beat the same period last year in Storage & Server Rebate 2025 by at least 15%.',
    );
    expect(describeRule(growth, 'EUR', t)).toContain('the same period last year in Program #7');
    expect(describeRule({ ...growth, growth: { ...growth.growth, baselineProgramId: '0' } }, 'EUR', t)).toContain('beat the same period last year by');
  });

  it('says what each partner tier adds to a rebate', () => {
    expect(describeRule(rebate, 'EUR', i18n.getFixedT('en'))).toBe(
      'Rebate on all eligible products: 2% from €0.00, 3% from €50,000.00 of the period’s sales; reaching a tier re-rates the whole period.' +
        ' Partner tiers earn more on each sale: +1% for silver, +1.5% for gold.',
    );
    expect(describeRule({ ...rebate, rebate: { ...rebate.rebate, partnerTierUplifts: [] } }, 'EUR', i18n.getFixedT('en'))).not.toContain(
      'Partner tiers',
    );
  });

  it('reads in Dutch with Dutch numbers', async () => {
    await i18n.changeLanguage('nl');
    try {
      expect(describeRule(rebate, 'EUR', i18n.getFixedT('nl'))).toContain('Partnerniveaus krijgen meer op elke verkoop: +1% voor silver, +1,5% voor gold.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
