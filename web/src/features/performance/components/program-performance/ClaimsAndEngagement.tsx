import { useTranslation } from 'react-i18next';
import { Card } from '@/components/Page';
import type { ProgramPerformance } from '@/lib/api/schema';
import { formatNumber, formatPoints } from '@/lib/format';

// The claims funnel (submitted to paid, time to decision) and partner engagement (active,
// enrolled and eligible partners, training, NPS), with the points the program posted.
export function ClaimsAndEngagement({ performance: p }: { performance: ProgramPerformance }) {
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
