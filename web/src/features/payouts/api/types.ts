// API shapes of cim.v1 payout messages (the statement itself is shared with the rewards pages).
import type { Statement, StatementStatus } from '@/features/rewards/api/types';

export type { Statement, StatementStatus };

export interface PayoutRun {
  id: string;
  periodStart: string;
  periodEnd: string;
  createdByUserId: string;
  createTime: string;
  // Without entries.
  statements: Statement[];
}

export interface StatementFilter {
  status?: StatementStatus;
  partnerId?: string;
  payoutRunId?: string;
}

export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  STATEMENT_STATUS_OPEN: 'Open',
  STATEMENT_STATUS_PAID: 'Paid',
};
