import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf } from '@/lib/api/enums';
import type { LedgerEntry } from '@/lib/api/schema';
import { isNegative } from '@/lib/decimal';
import { formatDateTime, formatDay, formatMoney, formatPoints } from '@/lib/format';
import { ENTRY_KIND_LABELS } from '@/lib/labels';

// "+€739.60" or "−120 points", coloured by sign.
export function EntryAmount({ entry }: { entry: LedgerEntry }) {
  const { t } = useTranslation();
  const negative = isNegative(entry.amount);
  const text =
    entry.unit === 'points'
      ? t('{{points}} points', { points: formatPoints(entry.amount) })
      : formatMoney(entry.amount, entry.unit);
  return (
    <span className={`amount ${negative ? 'amount--negative' : 'amount--positive'}`}>
      {negative ? '' : '+'}
      {text}
    </span>
  );
}

// What an entry is and how it was computed: kind, rule and rules version, the basis in words,
// and links to the claim, statement or reversed entry it belongs to.
export function RewardExplanation({ entry, ruleName }: { entry: LedgerEntry; ruleName?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="entry__title">
        <strong>{t(labelOf(ENTRY_KIND_LABELS, entry.kind) ?? 'Unknown')}</strong>
        {entry.ruleId && (
          <span className="muted">
            {' · '}
            {t('rule {{rule}}, version {{version}}', { rule: ruleName ?? entry.ruleId, version: entry.rulesVersion })}
          </span>
        )}
      </p>
      {entry.basis && <p className="entry__basis">{entry.basis}</p>}
      <p className="muted small">
        {formatDateTime(entry.createTime)}
        {entry.periodStart && <> · {t('period from {{date}}', { date: formatDay(entry.periodStart) })}</>}
        {entry.claimId !== '0' && (
          <>
            {' · '}
            <Link to={`/claims/${entry.claimId}`}>{t('claim {{id}}', { id: entry.claimId })}</Link>
          </>
        )}
        {entry.statementId !== '0' && <> · {t('paid in statement {{id}}', { id: entry.statementId })}</>}
        {entry.reversesEntryId !== '0' && <> · {t('reverses entry {{id}}', { id: entry.reversesEntryId })}</>}
        {entry.disputeId && entry.disputeId !== '0' && (
          <>
            {' · '}
            <Link to={`/disputes/${entry.disputeId}`}>{t('dispute {{id}}', { id: entry.disputeId })}</Link>
          </>
        )}
      </p>
    </>
  );
}
