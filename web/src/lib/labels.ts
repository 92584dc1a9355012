// Labels of API enum values that several features show (English; translated where shown).
import type { ClaimStatus, Known, PartnerType, ProgramStatus } from '@/lib/api/enums';

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
