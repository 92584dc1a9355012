import { describe, expect, it } from 'vitest';
import type { BadgeCriteria } from '@/lib/api/schema';
import i18n from '@/lib/i18n';
import { describeCriteria } from './badge-criteria';

describe('describeCriteria', () => {
  const t = i18n.getFixedT('en');
  it.each<[BadgeCriteria, string]>([
    [{ eventCount: { event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED', count: '3' } }, '3 approved claims'],
    [
      { periodSum: { metric: 'RECOGNITION_METRIC_SALES', currencyCode: 'EUR', period: 'PROGRAM_PERIOD_QUARTER', threshold: '100000' } },
      '€100,000 of sales in one quarter',
    ],
    [{ periodSum: { metric: 'RECOGNITION_METRIC_POINTS', currencyCode: '', period: 'PROGRAM_PERIOD_MONTH', threshold: '500' } }, '500 points in one month'],
    [{ certification: { certificationCode: 'storage-expert' } }, 'Hold the storage-expert certification'],
    [{ streak: { event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED', months: 3 } }, 'approved claims every month for 3 months in a row'],
    [{ placement: { leaderboardId: '2', top: 3 } }, 'Finish a period of All-time points in the top 3'],
    [{ moduleCompleted: { moduleId: '9' } }, 'Complete the training module #9'],
  ])('%j reads "%s"', (criteria, text) => {
    expect(describeCriteria(criteria, t, { leaderboard: (id) => (id === '2' ? 'All-time points' : undefined) })).toBe(text);
  });

  it('reads in Dutch with Dutch number formatting', async () => {
    await i18n.changeLanguage('nl');
    try {
      const nl = i18n.getFixedT('nl');
      expect(
        describeCriteria({ periodSum: { metric: 'RECOGNITION_METRIC_SALES', currencyCode: 'EUR', period: 'PROGRAM_PERIOD_YEAR', threshold: '250000' } }, nl),
      ).toBe('€\u00a0250.000 omzet in één jaar');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
