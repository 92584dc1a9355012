import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { labelOf } from '@/lib/api/enums';
import type { Dispute, DisputeSubject } from '@/lib/api/schema';
import { ageParts, DISPUTE_STATE_LABELS, DISPUTE_STATE_TONES } from '../labels';

export function DisputeStatePill({ state }: { state: Dispute['state'] }) {
  const { t } = useTranslation();
  return <span className={`pill pill--${labelOf(DISPUTE_STATE_TONES, state) ?? 'info'}`}>{t(labelOf(DISPUTE_STATE_LABELS, state) ?? 'Unknown')}</span>;
}

// "2 d 4 h", "3 h 20 min", "12 min".
export function DisputeAge({ seconds }: { seconds: string | undefined }) {
  const { t } = useTranslation();
  const { days, hours, minutes } = ageParts(seconds);
  if (days > 0) return <>{t('{{days}} d {{hours}} h', { days, hours })}</>;
  if (hours > 0) return <>{t('{{hours}} h {{minutes}} min', { hours, minutes })}</>;
  return <>{t('{{minutes}} min', { minutes })}</>;
}

// What a dispute questions, in words, with a link where the partner can see the thing itself.
export function SubjectText({ subject, link = false }: { subject: DisputeSubject | undefined; link?: boolean }) {
  const { t } = useTranslation();
  switch (subject?.kind) {
    case 'DISPUTE_SUBJECT_KIND_CLAIM': {
      const text = t('Claim {{id}}', { id: subject.claimId });
      return link ? <Link to={`/claims/${subject.claimId}`}>{text}</Link> : <>{text}</>;
    }
    case 'DISPUTE_SUBJECT_KIND_REWARD':
      return <>{t('Reward, ledger entry {{id}}', { id: subject.entryId })}</>;
    case 'DISPUTE_SUBJECT_KIND_STATEMENT_LINE':
      return <>{t('Statement {{statement}}, entry {{entry}}', { statement: subject.statementId, entry: subject.entryId })}</>;
    case 'DISPUTE_SUBJECT_KIND_MISSING_REWARD':
      return <>{t('Missing reward: {{expected}}', { expected: subject.expected ?? '' })}</>;
    default:
      return <>{t('Unknown')}</>;
  }
}
