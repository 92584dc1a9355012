// Labels of statement statuses (English; translated where shown).
import type { Known, StatementStatus } from '@/lib/api/enums';

export const STATEMENT_STATUS_LABELS: Record<Known<StatementStatus>, string> = {
  STATEMENT_STATUS_OPEN: 'Open',
  STATEMENT_STATUS_PAID: 'Paid',
};
