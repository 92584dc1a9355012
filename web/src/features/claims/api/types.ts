// API shapes of cim.v1 claim messages.
import type { LedgerEntry } from '@/features/rewards/api/types';

export type ClaimStatus =
  | 'CLAIM_STATUS_SUBMITTED'
  | 'CLAIM_STATUS_IN_REVIEW'
  | 'CLAIM_STATUS_APPROVED'
  | 'CLAIM_STATUS_REJECTED'
  | 'CLAIM_STATUS_NEEDS_INFO'
  | 'CLAIM_STATUS_PAID';

export type ClaimFlag = 'CLAIM_FLAG_CHANNEL_CONFLICT' | 'CLAIM_FLAG_RESUBMITTED';

export interface ClaimLine {
  sku: string;
  quantity: string;
  unitPrice: string;
  amount?: string;
}

export interface Attachment {
  id: string;
  claimId: string;
  filename: string;
  contentType: string;
  sizeBytes: string;
  sha256: string;
  uploadedByUserId: string;
  createTime: string;
  partnerId: string;
}

export interface ClaimEvent {
  fromStatus: ClaimStatus | 'CLAIM_STATUS_UNSPECIFIED';
  toStatus: ClaimStatus;
  actorUserId: string;
  actorName: string;
  comment: string;
  time: string;
}

export interface Claim {
  id: string;
  programId: string;
  partnerId: string;
  submittedByUserId: string;
  invoiceNumber: string;
  invoiceDate: string;
  customerName: string;
  customerCountry: string;
  currencyCode: string;
  lines: ClaimLine[];
  totalAmount: string;
  notes: string;
  attachmentIds: string[];
  attachments: Attachment[];
  status: ClaimStatus;
  flags: Array<{ flag: ClaimFlag; reason: string; relatedClaimIds: string[] }>;
  timeline: ClaimEvent[];
  rewards: LedgerEntry[];
  reviewerUserId: string;
  createTime: string;
  updateTime: string;
  etag: string;
}

// What the form sends (output-only fields left out).
export interface ClaimDraft {
  id?: string;
  programId: string;
  invoiceNumber: string;
  invoiceDate: string;
  customerName: string;
  customerCountry: string;
  currencyCode: string;
  lines: ClaimLine[];
  notes: string;
  attachmentIds: string[];
  etag?: string;
}

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  CLAIM_STATUS_SUBMITTED: 'Submitted',
  CLAIM_STATUS_IN_REVIEW: 'In review',
  CLAIM_STATUS_APPROVED: 'Approved',
  CLAIM_STATUS_REJECTED: 'Rejected',
  CLAIM_STATUS_NEEDS_INFO: 'Needs info',
  CLAIM_STATUS_PAID: 'Paid',
};
