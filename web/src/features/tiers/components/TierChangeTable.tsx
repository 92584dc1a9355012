import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { labelOf } from '@/lib/api/enums';
import type { TierChange, TierLadder } from '@/lib/api/schema';
import { tierName } from '@/lib/api/tiers';
import { formatDateTime } from '@/lib/format';
import { TIER_TRIGGER_LABELS } from '../labels';

// The direction of a change in words: promotions up, a move into the ladder neither.
function Direction({ change, ladder }: { change: TierChange; ladder?: TierLadder }) {
  const { t } = useTranslation();
  const fromRank = ladder?.tiers?.find((tier) => tier.code === change.fromTier)?.rank;
  const toRank = ladder?.tiers?.find((tier) => tier.code === change.toTier)?.rank;
  if (change.promotion) return <span className="pill pill--success">{t('Promotion')}</span>;
  if (fromRank !== undefined && toRank !== undefined && toRank < fromRank) return <span className="pill pill--danger">{t('Demotion')}</span>;
  return <span className="pill pill--info">{t('Placed on the ladder')}</span>;
}

interface TierChangeTableProps {
  changes: TierChange[];
  ladder?: TierLadder;
  // Leave out the partner column (a single partner's history).
  hidePartner?: boolean;
  caption: string;
}

export function TierChangeTable({ changes, ladder, hidePartner, caption }: TierChangeTableProps) {
  const { t } = useTranslation();
  return (
    <table className="table table--cards tier-changes">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {!hidePartner && <th scope="col">{t('Partner')}</th>}
          <th scope="col">{t('Change')}</th>
          <th scope="col">{t('Reason')}</th>
          <th scope="col">{t('When')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.id}-${c.partnerId}`}>
            {!hidePartner && (
              <td data-label={t('Partner')}>
                <Link to={`/partners/${c.partnerId}`}>{c.partnerName || t('Partner #{{id}}', { id: c.partnerId })}</Link>
              </td>
            )}
            <td data-label={t('Change')}>
              <div className="cell-stack">
                <span className="tier-move">
                  {tierName(ladder, c.fromTier)} → <strong>{tierName(ladder, c.toTier)}</strong>
                </span>{' '}
                <Direction change={c} ladder={ladder} />
              </div>
            </td>
            <td data-label={t('Reason')} className="tier-changes__reason">
              {c.reason}
            </td>
            <td data-label={t('When')}>
              <div className="cell-stack">
                {formatDateTime(c.changeTime)}
                <span className="muted small block">{t(labelOf(TIER_TRIGGER_LABELS, c.trigger) ?? 'Run by hand')}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
