import { useTranslation } from 'react-i18next';
import { labelOf, type ClaimStatus, type Known } from '@/lib/api/enums';
import { CLAIM_STATUS_LABELS } from '@/lib/labels';

const kTone: Record<Known<ClaimStatus>, string> = {
  CLAIM_STATUS_SUBMITTED: 'info',
  CLAIM_STATUS_IN_REVIEW: 'info',
  CLAIM_STATUS_APPROVED: 'success',
  CLAIM_STATUS_REJECTED: 'danger',
  CLAIM_STATUS_NEEDS_INFO: 'warning',
  CLAIM_STATUS_PAID: 'success',
};

export function ClaimStatusBadge({ status }: { status: ClaimStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <span className={`pill pill--${labelOf(kTone, status) ?? 'info'}`} data-testid="claim-status">
      {t(labelOf(CLAIM_STATUS_LABELS, status) ?? 'Unknown')}
    </span>
  );
}
