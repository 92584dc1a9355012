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
