import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { ErrorMessage, Loading } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import { labelOf } from '@/lib/api/enums';
import type { ProgramPerformance } from '@/lib/api/schema';
import { formatDateTime, formatDay } from '@/lib/format';
import { PROGRAM_STATUS_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';
import { performanceExportUrl, useProgramPerformance } from '../api/performance';
import { useBaselineParam } from '../hooks/use-baseline-param';
import { CostsSection } from './CostsSection';
import { BaselineForm } from './program-performance/BaselineForm';
import { BudgetBurnCard } from './program-performance/BudgetBurnCard';
import { ClaimsAndEngagement } from './program-performance/ClaimsAndEngagement';
import { DisputesCard } from './program-performance/DisputesCard';
import { PerformanceHeadline } from './program-performance/PerformanceHeadline';
import { RoiSteps } from './program-performance/RoiSteps';
import { SegmentBreakdown } from './program-performance/SegmentBreakdown';
import '../performance.css';

// One program's performance: headline ROI figures with every step, budget burn, sales against
// the baseline and ROI by partner type, region and partner, and the costs entered against it.
export default function ProgramPerformancePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [baseline, setBaseline] = useBaselineParam();
  const performance = useProgramPerformance(programId, baseline);
  const p = performance.data;

  return (
    <Page
      title={p ? (p.programName ?? '') : t('Program performance')}
      subtitle={p && <PerformanceSubtitle performance={p} />}
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
          <PerformanceHeadline performance={p} />
          <RoiSteps performance={p} />
          <BudgetBurnCard performance={p} />
          <SegmentBreakdown performance={p} />
          <ClaimsAndEngagement performance={p} />
          <DisputesCard performance={p} />
          <CostsSectionForRole programId={programId} currency={p.currencyCode ?? ''} />
          {p.computedTime && <p className="muted small">{t('Computed {{time}}', { time: formatDateTime(p.computedTime) })}</p>}
        </div>
      ) : null}
    </Page>
  );
}

// The program's status, measured period and baseline period, under the title.
function PerformanceSubtitle({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  return (
    <>
      {t(labelOf(PROGRAM_STATUS_LABELS, p.status) ?? p.status ?? 'Unknown')} · {t('Measured {{start}} – {{end}}', { start: formatDay(p.periodStart), end: formatDay(p.periodEnd) })} ·{' '}
      {t('baseline {{start}} – {{end}}', { start: formatDay(p.baselineStart), end: formatDay(p.baselineEnd) })}
    </>
  );
}

// The program's costs; program admins and finance add and void them.
function CostsSectionForRole({ programId, currency }: { programId: string; currency: string }) {
  const { role } = usePrincipal();
  return <CostsSection programId={programId} currency={currency} canEdit={role === 'ROLE_PROGRAM_ADMIN' || role === 'ROLE_FINANCE'} />;
}
