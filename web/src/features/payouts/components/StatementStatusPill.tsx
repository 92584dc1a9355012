import { useTranslation } from 'react-i18next';
import { STATEMENT_STATUS_LABELS, type StatementStatus } from '../api/types';

export function StatementStatusPill({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`pill ${status === 'STATEMENT_STATUS_PAID' ? 'pill--success' : 'pill--warning'}`}>
      {t(STATEMENT_STATUS_LABELS[status] ?? status)}
    </span>
  );
}
