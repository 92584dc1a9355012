import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import { ProgressBar } from '@/components/ProgressBar';
import { Empty, Loading } from '@/components/Status';
import type { ProgramPerformance } from '@/lib/api/schema';
import { compareDecimals, percentOf } from '@/lib/decimal';
import { formatDay, formatMoney } from '@/lib/format';
import { budgetRows } from '../chart-data';
import { SignedMoney } from '../RoiText';

const BudgetBurnChart = lazy(() => import('../PerformanceCharts').then((m) => ({ default: m.BudgetBurnChart })));

// The budget: how much is drawn and left, the daily burn and when it runs out, and the
// cumulative draw over the measured period.
export function BudgetBurnCard({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const b = p.budget;
  const c = p.currencyCode;
  const rows = useMemo(() => budgetRows(b?.points, p.periodStart ?? '', p.periodEnd ?? ''), [b?.points, p.periodStart, p.periodEnd]);
  if (!b) return null;
  const hasBudget = compareDecimals(b.budget || '0', '0') > 0;
  return (
    <Card title={t('Budget burn')} id="budget-burn">
      <dl className="facts perf-budget-facts">
        <div>
          <dt>{t('Budget')}</dt>
          <dd>{formatMoney(b.budget, c)}</dd>
        </div>
        <div>
          <dt>{t('Drawn')}</dt>
          <dd>{formatMoney(b.drawn, c)}</dd>
        </div>
        <div>
          <dt>{t('Remaining')}</dt>
          <dd>
            <SignedMoney value={b.remaining} currency={c} />
          </dd>
        </div>
        <div>
          <dt>{t('Drawn per day')}</dt>
          <dd>{formatMoney(b.dailyBurn, c)}</dd>
        </div>
        <div>
          <dt>{t('Runs out')}</dt>
          <dd>{b.forecastExhaustionDate ? formatDay(b.forecastExhaustionDate) : t('Not before the program ends')}</dd>
        </div>
      </dl>
      {hasBudget && (
        <ProgressBar
          percent={percentOf(b.drawn, b.budget)}
          label={t('Budget drawn')}
          valueText={t('{{drawn}} of {{budget}}', { drawn: formatMoney(b.drawn, c), budget: formatMoney(b.budget, c) })}
          tone={b.forecastExhaustionDate ? 'accent' : 'brand'}
        />
      )}
      {rows.length > 1 ? (
        <Suspense fallback={<Loading />}>
          <BudgetBurnChart rows={rows} budget={b.budget ?? ''} currency={c ?? ''} />
        </Suspense>
      ) : (
        <Empty>{t('Nothing drawn from the budget yet.')}</Empty>
      )}
    </Card>
  );
}
