import { useTranslation } from 'react-i18next';
import { labelOf, type StatementStatus } from '@/lib/api/enums';
import { STATEMENT_STATUS_LABELS } from '../labels';

export function StatementStatusPill({ status }: { status: StatementStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <span className={`pill ${status === 'STATEMENT_STATUS_PAID' ? 'pill--success' : 'pill--warning'}`}>
      {t(labelOf(STATEMENT_STATUS_LABELS, status) ?? status ?? 'Unknown')}
    </span>
  );
}
