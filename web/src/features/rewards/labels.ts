// Labels of the ledger's enum values (English; translated where shown).
import type { Known, LedgerAccount, LedgerEntryKind } from '@/lib/api/enums';

export const ENTRY_KIND_LABELS: Record<Known<LedgerEntryKind>, string> = {
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

export const ACCOUNT_LABELS: Record<Known<LedgerAccount>, string> = {
  LEDGER_ACCOUNT_PAYABLE: 'Payable',
  LEDGER_ACCOUNT_POINTS: 'Points',
  LEDGER_ACCOUNT_COOP_FUND: 'Co-op fund',
  LEDGER_ACCOUNT_MDF_FUND: 'MDF',
};
