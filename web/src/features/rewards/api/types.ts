// API shapes of cim.v1 ledger and payout messages.

export type LedgerAccount =
  | 'LEDGER_ACCOUNT_PAYABLE'
  | 'LEDGER_ACCOUNT_POINTS'
  | 'LEDGER_ACCOUNT_COOP_FUND'
  | 'LEDGER_ACCOUNT_MDF_FUND';

export type LedgerEntryKind =
  | 'LEDGER_ENTRY_KIND_REBATE'
  | 'LEDGER_ENTRY_KIND_REBATE_TRUE_UP'
  | 'LEDGER_ENTRY_KIND_SPIF'
  | 'LEDGER_ENTRY_KIND_BONUS'
  | 'LEDGER_ENTRY_KIND_GROWTH'
  | 'LEDGER_ENTRY_KIND_POINTS'
  | 'LEDGER_ENTRY_KIND_COOP_ACCRUAL'
  | 'LEDGER_ENTRY_KIND_MDF_ALLOCATION'
  | 'LEDGER_ENTRY_KIND_REIMBURSEMENT'
  | 'LEDGER_ENTRY_KIND_PAYOUT'
  | 'LEDGER_ENTRY_KIND_REVERSAL';

export interface LedgerEntry {
  id: string;
  partnerId: string;
  userId: string;
  programId: string;
  rulesVersion: number;
  ruleId: string;
  claimId: string;
  account: LedgerAccount;
  kind: LedgerEntryKind;
  unit: string;
  amount: string;
  basis: string;
  periodStart: string;
  reversesEntryId: string;
  statementId: string;
  createdByUserId: string;
  createTime: string;
  fundRequestId: string;
}

export interface Balance {
  account: LedgerAccount;
  unit: string;
  amount: string;
  credited: string;
  debited: string;
}

export type StatementStatus = 'STATEMENT_STATUS_OPEN' | 'STATEMENT_STATUS_PAID';

export interface Statement {
  id: string;
  payoutRunId: string;
  partnerId: string;
  partnerName: string;
  currencyCode: string;
  periodStart: string;
  periodEnd: string;
  total: string;
  entryCount: number;
  status: StatementStatus;
  paymentReference: string;
  paidByUserId: string;
  paidTime?: string;
  createTime: string;
  entries: LedgerEntry[];
  etag: string;
}

export const ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = {
  LEDGER_ENTRY_KIND_REBATE: 'Rebate',
  LEDGER_ENTRY_KIND_REBATE_TRUE_UP: 'Rebate true-up',
  LEDGER_ENTRY_KIND_SPIF: 'SPIF',
  LEDGER_ENTRY_KIND_BONUS: 'Bonus',
  LEDGER_ENTRY_KIND_GROWTH: 'Growth reward',
  LEDGER_ENTRY_KIND_POINTS: 'Points',
  LEDGER_ENTRY_KIND_COOP_ACCRUAL: 'Co-op accrual',
  LEDGER_ENTRY_KIND_MDF_ALLOCATION: 'MDF allocation',
  LEDGER_ENTRY_KIND_REIMBURSEMENT: 'Reimbursement',
  LEDGER_ENTRY_KIND_PAYOUT: 'Payout',
  LEDGER_ENTRY_KIND_REVERSAL: 'Reversal',
};

export const ACCOUNT_LABELS: Record<LedgerAccount, string> = {
  LEDGER_ACCOUNT_PAYABLE: 'Payable',
  LEDGER_ACCOUNT_POINTS: 'Points',
  LEDGER_ACCOUNT_COOP_FUND: 'Co-op fund',
  LEDGER_ACCOUNT_MDF_FUND: 'MDF',
};
