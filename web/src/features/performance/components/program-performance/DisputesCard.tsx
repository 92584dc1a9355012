import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import type { ProgramPerformance } from '@/lib/api/schema';
import { formatNumber } from '@/lib/format';

// Disputes partners opened about the program (claims, rewards, statement lines, missing
// rewards), how they ended, and how long resolving them takes.
export function DisputesCard({ performance: p }: { performance: ProgramPerformance }) {
  const { t } = useTranslation();
  const d = p.disputes;
  if (!d) return null;
  return (
    <Card title={t('Disputes')} id="performance-disputes" actions={<Link to="/disputes">{t('Dispute queue')}</Link>}>
      <dl className="facts facts--compact perf-facts">
        <div>
          <dt>{t('Disputes opened')}</dt>
          <dd>{formatNumber(d.opened ?? '0')}</dd>
        </div>
        <div>
          <dt>{t('Still open')}</dt>
          <dd>{formatNumber(d.open ?? '0')}</dd>
        </div>
        <div>
          <dt>{t('Resolved with an adjustment')}</dt>
          <dd>{formatNumber(d.adjusted ?? '0')}</dd>
        </div>
        <div>
          <dt>{t('Refused')}</dt>
          <dd>{formatNumber(d.refused ?? '0')}</dd>
        </div>
        <div>
          <dt>{t('Median time to resolve')}</dt>
          <dd>{t('{{hours}} h', { hours: formatNumber(Math.round(d.medianResolutionHours ?? 0)) })}</dd>
        </div>
      </dl>
    </Card>
  );
}
