import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Loading } from '@/components/Status';
import { labelOf, type PartnerType } from '@/lib/api/enums';
import type { NpsResult, SurveyResults } from '@/lib/api/schema';
import { toChartNumber } from '@/lib/decimal';
import { formatDateTime, formatNumber, locale } from '@/lib/format';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { npsGroupOf, summarizeNps, type NpsGroup } from '../api/nps';

// A survey's NPS results: the score, its groups, a chart and table broken down by partner type
// or region, and the comments. Vendor staff see every partner's; partner admins their own.

const NpsChart = lazy(() => import('./NpsChart'));

export const NPS_GROUP_LABELS: Record<NpsGroup, string> = {
  promoters: 'Promoters (9–10)',
  passives: 'Passives (7–8)',
  detractors: 'Detractors (0–6)',
};

// An NPS or share ("35.2", "-100.0") with its one decimal, in the user's locale.
function formatTenths(value: string): string {
  if (!value) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(value));
}

const kCommentsShown = 10;

type Breakdown = 'overall' | 'type' | 'region';

export function SurveyResultsView({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const [breakdown, setBreakdown] = useState<Breakdown>('type');
  const [allComments, setAllComments] = useState(false);
  const summary = summarizeNps(results.overall);
  const comments = results.comments ?? [];
  if (summary.responses === '0') return <Empty>{t('No responses yet.')}</Empty>;
  const groupLabel = (r: NpsResult) =>
    breakdown === 'type' ? t(labelOf(PARTNER_TYPE_LABELS, `PARTNER_TYPE_${r.group}` as PartnerType) ?? r.group ?? '') : r.group === '(none)' ? t('No region') : (r.group ?? '');
  const groups = (breakdown === 'type' ? results.byPartnerType : breakdown === 'region' ? results.byRegion : []) ?? [];
  const rows = [
    { label: t('All'), result: results.overall ?? {} },
    ...groups.map((g) => ({ label: groupLabel(g), result: g })),
  ].map(({ label, result }) => ({
    label,
    promoters: toChartNumber(result.promoters),
    passives: toChartNumber(result.passives),
    detractors: toChartNumber(result.detractors),
    nps: summarizeNps(result).nps,
    responses: result.responses ?? '0',
  }));
  const breakdowns: Array<{ id: Breakdown; label: string }> = [
    { id: 'overall', label: t('Overall') },
    { id: 'type', label: t('By partner type') },
    { id: 'region', label: t('By region') },
  ];
  const chartTitle = t('Responses by score group');
  return (
    <div className="nps-results">
      <div className="stat-row" data-testid="nps-summary">
        <div className="stat">
          <span className="stat__label">{t('NPS')}</span>
          <span className={`stat__value ${summary.nps.startsWith('-') ? 'amount--negative' : ''}`}>{formatTenths(summary.nps)}</span>
          <span className="muted small">{t('{{count}} responses', { count: Number(summary.responses) })}</span>
        </div>
        {summary.shares.map((s) => (
          <div key={s.group} className={`stat nps-stat nps-stat--${s.group}`}>
            <span className="stat__label">{t(NPS_GROUP_LABELS[s.group])}</span>
            <span className="stat__value">{formatNumber(s.count)}</span>
            <span className="muted small">{t('{{share}}% of responses', { share: formatTenths(s.share) })}</span>
          </div>
        ))}
      </div>
      <h3>{chartTitle}</h3>
      <div className="chips" role="group" aria-label={t('Break down')}>
        {breakdowns.map((b) => (
          <button key={b.id} type="button" className="chip" aria-pressed={breakdown === b.id} onClick={() => setBreakdown(b.id)}>
            {b.label}
          </button>
        ))}
      </div>
      <Suspense fallback={<Loading />}>
        <NpsChart rows={rows} title={chartTitle} />
      </Suspense>
      <div className="nps-table">
      <table className="table table--compact">
        <caption className="visually-hidden">{chartTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Group')}</th>
            <th scope="col" className="num">
              {t('Responses')}
            </th>
            <th scope="col" className="num">
              {t('Promoters')}
            </th>
            <th scope="col" className="num">
              {t('Passives')}
            </th>
            <th scope="col" className="num">
              {t('Detractors')}
            </th>
            <th scope="col" className="num">
              {t('NPS')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className="num" data-label={t('Responses')}>
                {formatNumber(r.responses)}
              </td>
              <td className="num" data-label={t('Promoters')}>
                {formatNumber(r.promoters)}
              </td>
              <td className="num" data-label={t('Passives')}>
                {formatNumber(r.passives)}
              </td>
              <td className="num" data-label={t('Detractors')}>
                {formatNumber(r.detractors)}
              </td>
              <td className="num" data-label={t('NPS')}>
                {formatTenths(r.nps)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <h3>{t('Comments')}</h3>
      {comments.length === 0 ? (
        <Empty>{t('No comments.')}</Empty>
      ) : (
        <ul className="nps-comments">
          {(allComments ? comments : comments.slice(0, kCommentsShown)).map((c, i) => (
            <li key={i} className="nps-comment">
              <span className={`nps-comment__score nps-stat--${npsGroupOf(c.score ?? 0)}`} aria-label={t('Score {{score}}', { score: c.score })}>
                {c.score}
              </span>
              <div>
                <p>{c.comment}</p>
                <span className="muted small">
                  {c.partnerName} · {t(labelOf(PARTNER_TYPE_LABELS, c.partnerType) ?? c.partnerType ?? '')}
                  {c.region && ` · ${c.region}`} · {formatDateTime(c.respondTime)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {comments.length > kCommentsShown && (
        <button type="button" className="button button--ghost button--small" onClick={() => setAllComments(!allComments)}>
          {allComments ? t('Show fewer comments') : t('Show all {{count}} comments', { count: comments.length })}
        </button>
      )}
    </div>
  );
}
