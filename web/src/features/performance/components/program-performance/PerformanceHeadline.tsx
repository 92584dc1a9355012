import { useTranslation } from 'react-i18next';
import type { ProgramPerformance } from '@/lib/api/schema';
import { addDecimals, compareDecimals } from '@/lib/decimal';
import { formatMoney } from '@/lib/format';
import { RoiText, SignedMoney } from '../RoiText';

// The headline figures: sales, baseline, incremental sales, gross profit, cost, net profit and
// ROI, with a note when the baseline had no sales (every sale then counts as incremental).
export function PerformanceHeadline({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const c = p.currencyCode;
  const r = p.roi ?? {};
  const noBaseline = compareDecimals(r.baselineSales || '0', '0') === 0 && compareDecimals(r.programSales || '0', '0') > 0;
  return (
    <>
      {noBaseline && (
        <p className="notice" role="note" data-testid="no-baseline">
          {t('No sales were recorded in the baseline period, so every sale counts as incremental and the ROI is at its most favourable. Compare with another baseline period above.')}
        </p>
      )}
      <div className="stat-row perf-headline" data-testid="performance-headline">
        <div className="stat">
          <span className="stat__label">{t('Sales')}</span>
          <span className="stat__value">{formatMoney(r.programSales, c)}</span>
          <span className="muted small">{t('{{days}} days in the program', { days: r.programDays })}</span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('Baseline')}</span>
          <span className="stat__value">{formatMoney(r.expectedSales, c)}</span>
          <span className="muted small">{t('{{sales}} over {{days}} days, scaled', { sales: formatMoney(r.baselineSales, c), days: r.baselineDays })}</span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('Incremental sales')}</span>
          <span className="stat__value">
            <SignedMoney value={r.incrementalSales} currency={c} />
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('Gross profit')}</span>
          <span className="stat__value">
            <SignedMoney value={r.grossProfit} currency={c} />
          </span>
          <span className="muted small">{t('Incremental sales less their cost of goods')}</span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('Total cost')}</span>
          <span className="stat__value">{formatMoney(r.totalCost, c)}</span>
          <span className="muted small">
            {t('{{rewards}} rewards + {{other}} other', {
              rewards: formatMoney(r.rewardsCost, c),
              other: formatMoney(addDecimals(r.adminCost, r.trainingCost, r.marketingCost), c),
            })}
          </span>
        </div>
        <div className="stat">
          <span className="stat__label">{t('Net profit')}</span>
          <span className="stat__value">
            <SignedMoney value={r.netProfit} currency={c} />
          </span>
        </div>
        <div className="stat perf-headline__roi">
          <span className="stat__label">{t('ROI')}</span>
          <span className="stat__value" data-testid="roi-percent">
            <RoiText value={r.roiPercent} />
          </span>
          <span className="muted small">{t('Net profit / total cost × 100')}</span>
        </div>
      </div>
    </>
  );
}
