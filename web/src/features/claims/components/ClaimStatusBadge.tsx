import { useTranslation } from 'react-i18next';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../api/types';

const kTone: Record<ClaimStatus, string> = {
  CLAIM_STATUS_SUBMITTED: 'info',
  CLAIM_STATUS_IN_REVIEW: 'info',
  CLAIM_STATUS_APPROVED: 'success',
  CLAIM_STATUS_REJECTED: 'danger',
  CLAIM_STATUS_NEEDS_INFO: 'warning',
  CLAIM_STATUS_PAID: 'success',
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill--${kTone[status]}`} data-testid="claim-status">
      {t(CLAIM_STATUS_LABELS[status])}
    </span>
  );
}
