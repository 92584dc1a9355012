import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { Card, Page } from '@/components/Page';
import { ProgressBar } from '@/components/ProgressBar';
import { Empty, ErrorMessage, Loading } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import { ApiError } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import type { ProgramPerformance, SegmentPerformance } from '@/lib/api/schema';
import { addDecimals, compareDecimals, percentOf } from '@/lib/decimal';
import { formatDateTime, formatDay, formatMoney, formatNumber, formatPoints } from '@/lib/format';
import { PARTNER_TYPE_LABELS, PROGRAM_STATUS_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';
import { performanceExportUrl, useProgramPerformance, type Baseline } from '../api/performance';
import { budgetRows, partnerTypeOf, segmentRows, type SegmentRow } from './chart-data';
import { CostsSection } from './CostsSection';
import { RoiText, SignedMoney } from './RoiText';
import '../performance.css';

const BudgetBurnChart = lazy(() => import('./PerformanceCharts').then((m) => ({ default: m.BudgetBurnChart })));
const SegmentSalesChart = lazy(() => import('./PerformanceCharts').then((m) => ({ default: m.SegmentSalesChart })));
const SegmentRoiChart = lazy(() => import('./PerformanceCharts').then((m) => ({ default: m.SegmentRoiChart })));

type Dimension = 'type' | 'region' | 'partner';

// One program's performance: headline ROI figures with every step, budget burn, sales against
// the baseline and ROI by partner type, region and partner, and the costs entered against it.
export default function ProgramPerformancePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const baseline: Baseline = useMemo(
    () => (params.get('baselineStart') ? { baselineStart: params.get('baselineStart') ?? '', baselineEnd: params.get('baselineEnd') ?? '' } : {}),
    [params],
  );
  const performance = useProgramPerformance(programId, baseline);
  const p = performance.data;
  const setBaseline = (next: Baseline) => setParams(next.baselineStart || next.baselineEnd ? { ...next } : {}, { replace: true });

  return (
    <Page
      title={p ? (p.programName ?? '') : t('Program performance')}
      subtitle={
        p && (
          <>
            {t(labelOf(PROGRAM_STATUS_LABELS, p.status) ?? p.status ?? 'Unknown')} · {t('Measured {{start}} – {{end}}', { start: formatDay(p.periodStart), end: formatDay(p.periodEnd) })} ·{' '}
            {t('baseline {{start}} – {{end}}', { start: formatDay(p.baselineStart), end: formatDay(p.baselineEnd) })}
          </>
        )
      }
      actions={
        <>
          <Link className="button button--ghost button--small" to={`/programs/${programId}`}>
            {t('Program')}
          </Link>
          <Link className="button button--ghost button--small" to="/performance">
            {t('All programs')}
          </Link>
          <a className="button button--ghost button--small" href={performanceExportUrl(programId, baseline)} download>
            {t('Download CSV')}
          </a>
        </>
      }
    >
      <BaselineForm
        key={`${baseline.baselineStart}|${baseline.baselineEnd}`}
        current={p}
        baseline={baseline}
        error={performance.error}
        onApply={setBaseline}
      />
      {performance.isPending ? (
        <Loading />
      ) : performance.isError && !(performance.error instanceof ApiError && performance.error.fieldViolations.length > 0) ? (
        <ErrorMessage error={performance.error} onRetry={() => performance.refetch()} />
      ) : p ? (
        <div className={performance.isFetching ? 'perf perf--refreshing' : 'perf'} aria-busy={performance.isFetching}>
          <Headline performance={p} />
          <RoiSteps performance={p} />
          <BudgetCard performance={p} />
          <Segments performance={p} />
          <ClaimsAndEngagement performance={p} />
          <CostsSectionForRole programId={programId} currency={p.currencyCode ?? ''} />
          {p.computedTime && <p className="muted small">{t('Computed {{time}}', { time: formatDateTime(p.computedTime) })}</p>}
        </div>
      ) : null}
    </Page>
  );
}

function CostsSectionForRole({ programId, currency }: { programId: string; currency: string }) {
  const { role } = usePrincipal();
  return <CostsSection programId={programId} currency={currency} canEdit={role === 'ROLE_PROGRAM_ADMIN' || role === 'ROLE_FINANCE'} />;
}

interface BaselineFormProps {
  current?: ProgramPerformance;
  baseline: Baseline;
  error: unknown;
  onApply: (baseline: Baseline) => void;
}

// The baseline period to compare with: the API's default (as long as the measured period,
// right before it) or one the reader chooses.
function BaselineForm({ current, baseline, error, onApply }: BaselineFormProps) {
  const { t } = useTranslation();
  const [start, setStart] = useState(baseline.baselineStart ?? '');
  const [end, setEnd] = useState(baseline.baselineEnd ?? '');
  const apiError = error instanceof ApiError ? error : null;
  const custom = Boolean(baseline.baselineStart);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ baselineStart: start, baselineEnd: end });
  };
  return (
    <details className="perf-baseline" open={custom || Boolean(apiError?.fieldViolations.length)}>
      <summary>{custom ? t('Custom baseline period') : t('Compare with another baseline period')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted small">
          {t('By default the baseline is as long as the measured period and ends the day before it starts. Sales in it are scaled to the length of the measured period.')}
        </p>
        <div className="form__grid">
          <InputField
            id="baseline-start"
            label={t('Baseline from')}
            type="date"
            value={start}
            onValueChange={setStart}
            placeholder={current?.baselineStart}
            error={apiError?.fieldError('baseline_start')}
          />
          <InputField
            id="baseline-end"
            label={t('Baseline to')}
            type="date"
            value={end}
            onValueChange={setEnd}
            placeholder={current?.baselineEnd}
            error={apiError?.fieldError('baseline_end')}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline button--small">
            {t('Compare')}
          </button>
          {custom && (
            <button type="button" className="button button--ghost button--small" onClick={() => onApply({})}>
              {t('Back to the default baseline')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}

function Headline({ performance: p }: { performance: ProgramPerformance }) {
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

// Every step from the inputs to ROI, so each figure can be checked.
function RoiSteps({ performance: p }: { performance: ProgramPerformance }) {
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

function BudgetCard({ performance: p }: { performance: ProgramPerformance }) {
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

function Segments({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<Dimension>('type');
  const c = p.currencyCode ?? '';
  const typeLabel = (s: SegmentPerformance) => {
    const type = partnerTypeOf(s.key ?? '');
    return type ? t(PARTNER_TYPE_LABELS[type]) : (s.label ?? '');
  };
  const regionLabel = (s: SegmentPerformance) => (s.key ? (s.label ?? '') : t('No region'));
  const rows =
    dimension === 'type'
      ? segmentRows(p.byPartnerType, typeLabel)
      : dimension === 'region'
        ? segmentRows(p.byRegion, regionLabel)
        : segmentRows(p.byPartner);
  const names: Record<Dimension, string> = { type: t('Partner type'), region: t('Region'), partner: t('Partner') };
  return (
    <Card title={t('Sales, profit and ROI by segment')} id="performance-segments">
      <p className="muted small">{t('Administration, training and marketing costs are shared out by each segment’s share of sales.')}</p>
      <Tabs
        label={t('Break down by')}
        tabs={[
          { id: 'type', label: t('By partner type') },
          { id: 'region', label: t('By region') },
          { id: 'partner', label: t('By partner') },
        ]}
        selected={dimension}
        onSelect={setDimension}
      />
      <div role="tabpanel" aria-labelledby={`tab-${dimension}`}>
        {rows.length === 0 ? (
          <Empty>{t('No enrolled partners, so no breakdown.')}</Empty>
        ) : (
          <>
            <div className="perf-charts">
              <div>
                <h3>{t('Sales against the baseline')}</h3>
                <Suspense fallback={<Loading />}>
                  <SegmentSalesChart rows={rows} currency={c} title={t('Sales against the baseline by {{segment}}', { segment: names[dimension].toLocaleLowerCase() })} />
                </Suspense>
              </div>
              <div>
                <h3>{t('ROI')}</h3>
                <Suspense fallback={<Loading />}>
                  <SegmentRoiChart rows={rows} title={t('ROI by {{segment}}', { segment: names[dimension].toLocaleLowerCase() })} />
                </Suspense>
              </div>
            </div>
            <SegmentTable rows={rows} currency={c} name={names[dimension]} />
          </>
        )}
      </div>
    </Card>
  );
}

function SegmentTable({ rows, currency: c, name }: { rows: SegmentRow[]; currency: string; name: string }) {
  const { t } = useTranslation();
  return (
    <table className="table table--compact table--cards perf-segments">
      <caption className="visually-hidden">{t('Figures by {{segment}}', { segment: name.toLocaleLowerCase() })}</caption>
      <thead>
        <tr>
          <th scope="col">{name}</th>
          <th scope="col" className="num">{t('Partners')}</th>
          <th scope="col" className="num">{t('Sales')}</th>
          <th scope="col" className="num">{t('Baseline')}</th>
          <th scope="col" className="num">{t('Incremental sales')}</th>
          <th scope="col" className="num">{t('Gross profit')}</th>
          <th scope="col" className="num">{t('Total cost')}</th>
          <th scope="col" className="num">{t('Net profit')}</th>
          <th scope="col" className="num">{t('ROI')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num" data-label={t('Partners')}>{formatNumber(r.partners)}</td>
            <td className="num" data-label={t('Sales')}>{formatMoney(r.text.sales, c)}</td>
            <td className="num" data-label={t('Baseline')}>{formatMoney(r.text.expected, c)}</td>
            <td className="num" data-label={t('Incremental sales')}>
              <SignedMoney value={r.text.incremental} currency={c} />
            </td>
            <td className="num" data-label={t('Gross profit')}>
              <SignedMoney value={r.text.grossProfit} currency={c} />
            </td>
            <td className="num" data-label={t('Total cost')}>{formatMoney(r.text.totalCost, c)}</td>
            <td className="num" data-label={t('Net profit')}>
              <SignedMoney value={r.text.netProfit} currency={c} />
            </td>
            <td className="num" data-label={t('ROI')}>
              <RoiText value={r.text.roi} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClaimsAndEngagement({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const f = p.funnel;
  const e = p.engagement;
  if (!f && !e) return null;
  const hours = (h: number | undefined) => t('{{hours}} h', { hours: formatNumber(Math.round(h ?? 0)) });
  return (
    <Card title={t('Claims and engagement')} id="performance-engagement">
      <dl className="facts facts--compact perf-facts">
        {f && (
          <>
            <div>
              <dt>{t('Claims submitted')}</dt>
              <dd>{formatNumber(f.submitted)}</dd>
            </div>
            <div>
              <dt>{t('Approved')}</dt>
              <dd>{t('{{approved}} ({{paid}} paid)', { approved: formatNumber(f.approved), paid: formatNumber(f.paid) })}</dd>
            </div>
            <div>
              <dt>{t('Rejected')}</dt>
              <dd>{formatNumber(f.rejected)}</dd>
            </div>
            <div>
              <dt>{t('Waiting')}</dt>
              <dd>{t('{{review}} in review, {{info}} need info', { review: formatNumber(f.inReview), info: formatNumber(f.needsInfo) })}</dd>
            </div>
            <div>
              <dt>{t('Time to decision')}</dt>
              <dd>{t('{{median}} median, {{average}} average', { median: hours(f.medianCycleHours), average: hours(f.averageCycleHours) })}</dd>
            </div>
          </>
        )}
        {e && (
          <>
            <div>
              <dt>{t('Partners')}</dt>
              <dd>
                {t('{{active}} active of {{enrolled}} enrolled ({{eligible}} eligible)', {
                  active: formatNumber(e.activePartners),
                  enrolled: formatNumber(e.enrolledPartners),
                  eligible: formatNumber(e.eligiblePartners),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('Training completions')}</dt>
              <dd>{formatNumber(e.trainingCompletions)}</dd>
            </div>
            <div>
              <dt>{t('NPS')}</dt>
              <dd>{e.nps ? t('{{nps}} ({{responses}} responses)', { nps: formatNumber(e.nps), responses: formatNumber(e.surveyResponses) }) : t('No survey answers yet')}</dd>
            </div>
          </>
        )}
        {p.pointsPosted && (
          <div>
            <dt>{t('Points posted')}</dt>
            <dd>{formatPoints(p.pointsPosted)}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
