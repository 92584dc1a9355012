import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import type { ProgramPerformance } from '@/lib/api/schema';
import { formatMoney } from '@/lib/format';
import { RoiText, SignedMoney } from '../RoiText';

// Every step from the inputs to ROI, so each figure can be checked.
export function RoiSteps({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const c = p.currencyCode;
  const r = p.roi ?? {};
  const rows: Array<[string, string | undefined, string?]> = [
    [t('Program-period sales'), r.programSales, t('{{days}} days', { days: r.programDays })],
    [t('Baseline sales'), r.baselineSales, t('{{days}} days', { days: r.baselineDays })],
    [t('Expected sales (baseline scaled to the period)'), r.expectedSales],
    [t('Incremental sales'), r.incrementalSales, t('sales − expected')],
    [t('Incremental cost of goods sold'), r.incrementalCogs, t('{{program}} − {{expected}}', { program: formatMoney(r.programCogs, c), expected: formatMoney(r.expectedCogs, c) })],
    [t('Gross profit'), r.grossProfit, t('incremental sales − cost of goods')],
    [t('Rewards'), r.rewardsCost],
    [t('Administration'), r.adminCost],
    [t('Training'), r.trainingCost],
    [t('Marketing'), r.marketingCost],
    [t('Total cost'), r.totalCost, t('rewards + other costs')],
    [t('Net profit'), r.netProfit, t('gross profit − total cost')],
  ];
  return (
    <Card title={t('How ROI is computed')} id="roi-steps">
      <table className="table table--compact perf-steps">
        <thead>
          <tr>
            <th scope="col">{t('Figure')}</th>
            <th scope="col" className="num">{t('Amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, how]) => (
            <tr key={label}>
              <th scope="row">
                {label}
                {how && <span className="muted small block">{how}</span>}
              </th>
              <td className="num">
                <SignedMoney value={value} currency={c} />
              </td>
            </tr>
          ))}
          <tr className="perf-steps__total">
            <th scope="row">
              {t('ROI')}
              <span className="muted small block">{t('net profit / total cost × 100')}</span>
            </th>
            <td className="num">
              <RoiText value={r.roiPercent} />
            </td>
          </tr>
        </tbody>
      </table>
    </Card>
  );
}
