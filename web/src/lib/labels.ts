// Labels of API enum values that several features show (English; translated where shown).
import type { ClaimStatus, Known, LedgerEntryKind, PartnerType, ProgramStatus } from '@/lib/api/enums';

export const CLAIM_STATUS_LABELS: Record<Known<ClaimStatus>, string> = {
  CLAIM_STATUS_SUBMITTED: 'Submitted',
  CLAIM_STATUS_IN_REVIEW: 'In review',
  CLAIM_STATUS_APPROVED: 'Approved',
  CLAIM_STATUS_REJECTED: 'Rejected',
  CLAIM_STATUS_NEEDS_INFO: 'Needs info',
  CLAIM_STATUS_PAID: 'Paid',
};

export const PARTNER_TYPE_LABELS: Record<Known<PartnerType>, string> = {
  PARTNER_TYPE_DISTRIBUTOR: 'Distributor',
  PARTNER_TYPE_RESELLER: 'Reseller',
  PARTNER_TYPE_DEALER: 'Dealer',
  PARTNER_TYPE_BROKER: 'Broker',
  PARTNER_TYPE_AGENT: 'Agent',
  PARTNER_TYPE_MSP: 'MSP',
};

export const PROGRAM_STATUS_LABELS: Record<Known<ProgramStatus>, string> = {
  PROGRAM_STATUS_DRAFT: 'Draft',
  PROGRAM_STATUS_ACTIVE: 'Active',
  PROGRAM_STATUS_PAUSED: 'Paused',
  PROGRAM_STATUS_CLOSED: 'Closed',
};

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
  LEDGER_ENTRY_KIND_REDEMPTION: 'Points spent',
  LEDGER_ENTRY_KIND_ADJUSTMENT: 'Adjustment',
  LEDGER_ENTRY_KIND_TIER_UPLIFT: 'Tier uplift',
};
