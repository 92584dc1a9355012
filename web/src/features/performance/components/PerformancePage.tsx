import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { Card, Page } from '@/components/Page';
import { Empty, Loading, QueryView } from '@/components/Status';
import { labelOf, type ProgramStatus } from '@/lib/api/enums';
import type { ProgramPerformance } from '@/lib/api/schema';
import { addDecimals } from '@/lib/decimal';
import { formatDateTime, formatDay, formatMoney } from '@/lib/format';
import { PROGRAM_STATUS_LABELS } from '@/lib/labels';
import { useProgramPerformanceList } from '../api/performance';
import { filterPrograms, programRows, type ProgramFilter, type SortKey } from './chart-data';
import { RoiText, SignedMoney } from './RoiText';
import '../performance.css';

const ProgramComparisonChart = lazy(() => import('./PerformanceCharts').then((m) => ({ default: m.ProgramComparisonChart })));

const SORT_LABELS: Record<SortKey, string> = {
  roi: 'ROI, highest first',
  netProfit: 'Net profit, highest first',
  incrementalSales: 'Incremental sales, highest first',
  totalCost: 'Total cost, highest first',
  name: 'Name',
};

// Every program that has started, side by side: what it sold over its baseline, what it cost,
// and what it returned (program admins, finance and channel managers).
export default function PerformancePage() {
  const { t } = useTranslation();
  const list = useProgramPerformanceList();
  const [filter, setFilter] = useState<ProgramFilter>({ status: '', search: '', sort: 'roi' });
  return (
    <Page title={t('Performance & ROI')} subtitle={t('Sales over the baseline, program cost and return, per program.')}>
      <QueryView query={list}>
        {(programs) =>
          programs.length === 0 ? (
            <Empty>{t('No program has started yet, so there is nothing to measure.')}</Empty>
          ) : (
            <ProgramsOverview programs={programs} filter={filter} onFilter={setFilter} />
          )
        }
      </QueryView>
    </Page>
  );
}

interface OverviewProps {
  programs: ProgramPerformance[];
  filter: ProgramFilter;
  onFilter: (filter: ProgramFilter) => void;
}

function ProgramsOverview({ programs, filter, onFilter }: OverviewProps) {
  const { t } = useTranslation();
  const shown = useMemo(() => filterPrograms(programs, filter), [programs, filter]);
  const statuses = [...new Set(programs.flatMap((p) => (p.status ? [p.status] : [])))];
  const currencies = new Set(shown.map((p) => p.currencyCode));
  const computed = programs[0]?.computedTime;
  return (
    <>
      <div className="filters perf-filters" role="search" aria-label={t('Filter programs')}>
        <SelectField
          id="perf-status"
          label={t('Status')}
          value={filter.status}
          onValueChange={(status) => onFilter({ ...filter, status: status as ProgramStatus | '' })}
          options={[{ value: '', label: t('All statuses') }, ...statuses.map((s) => ({ value: s, label: t(labelOf(PROGRAM_STATUS_LABELS, s) ?? s) }))]}
        />
        <InputField id="perf-search" label={t('Program name')} type="search" value={filter.search} onValueChange={(search) => onFilter({ ...filter, search })} />
        <SelectField
          id="perf-sort"
          label={t('Sort by')}
          value={filter.sort}
          onValueChange={(sort) => onFilter({ ...filter, sort: sort as SortKey })}
          options={(Object.keys(SORT_LABELS) as SortKey[]).map((k) => ({ value: k, label: t(SORT_LABELS[k]) }))}
        />
      </div>
      <Card title={t('Programs')} id="performance-table" actions={computed && <span className="muted small">{t('Computed {{time}}', { time: formatDateTime(computed) })}</span>}>
        {shown.length === 0 ? (
          <Empty>{t('No program matches these filters.')}</Empty>
        ) : (
          <table className="table table--cards perf-table">
            <caption className="visually-hidden">{t('Program performance: sales, cost, profit and ROI per program')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Program')}</th>
                <th scope="col" className="num">{t('Sales')}</th>
                <th scope="col" className="num">{t('Incremental sales')}</th>
                <th scope="col" className="num">{t('Total cost')}</th>
                <th scope="col" className="num">{t('Net profit')}</th>
                <th scope="col" className="num">{t('ROI')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <ProgramRow key={p.programId} program={p} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {shown.length > 0 && (
        <Card title={t('Cost against incremental profit')} id="performance-chart">
          {currencies.size > 1 && <p className="muted small">{t('Programs use different currencies; compare the bars of one currency at a time.')}</p>}
          <Suspense fallback={<Loading />}>
            <ProgramComparisonChart programs={programRows(shown)} />
          </Suspense>
        </Card>
      )}
    </>
  );
}

function ProgramRow({ program: p }: { program: ProgramPerformance }) {
  const { t } = useTranslation();
  const c = p.currencyCode;
  const roi = p.roi ?? {};
  return (
    <tr>
      <th scope="row">
        <Link to={`/programs/${p.programId}/performance`}>{p.programName}</Link>
        <span className="pill pill--info">{t(labelOf(PROGRAM_STATUS_LABELS, p.status) ?? p.status ?? 'Unknown')}</span>
        <span className="muted small block">
          {formatDay(p.periodStart)} – {formatDay(p.periodEnd)}
        </span>
      </th>
      <td className="num" data-label={t('Sales')}>
        {formatMoney(roi.programSales, c)}
      </td>
      <td className="num" data-label={t('Incremental sales')}>
        <SignedMoney value={roi.incrementalSales} currency={c} />
      </td>
      <td className="num" data-label={t('Total cost')}>
        <span>
          {formatMoney(roi.totalCost, c)}
          <span className="muted small block">
            {t('{{rewards}} rewards + {{other}} other', {
              rewards: formatMoney(roi.rewardsCost, c),
              other: formatMoney(addDecimals(roi.adminCost, roi.trainingCost, roi.marketingCost), c),
            })}
          </span>
        </span>
      </td>
      <td className="num" data-label={t('Net profit')}>
        <SignedMoney value={roi.netProfit} currency={c} />
      </td>
      <td className="num" data-label={t('ROI')}>
        <strong>
          <RoiText value={roi.roiPercent} />
        </strong>
      </td>
    </tr>
  );
}
