// Labels of the ledger's accounts (English; translated where shown).
import type { Known, LedgerAccount } from '@/lib/api/enums';

export const ACCOUNT_LABELS: Record<Known<LedgerAccount>, string> = {
  LEDGER_ACCOUNT_PAYABLE: 'Payable',
  LEDGER_ACCOUNT_POINTS: 'Points',
  LEDGER_ACCOUNT_COOP_FUND: 'Co-op fund',
  LEDGER_ACCOUNT_MDF_FUND: 'MDF',
};
