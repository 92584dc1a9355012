// API shapes of cim.v1 audit messages.
import type { Role } from '@/features/auth/api/types';

export interface AuditRecord {
  // "0" while not sealed yet.
  seq: string;
  time: string;
  actorUserId: string;
  actorRole: Role | 'ROLE_UNSPECIFIED';
  actorPartnerId: string;
  rpc: string;
  entityType: string;
  entityId: string;
  beforeJson: string;
  afterJson: string;
  requestId: string;
  clientAddress: string;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  actorUserId?: string;
  actorPartnerId?: string;
  rpc?: string;
  entityType?: string;
  entityId?: string;
  requestId?: string;
  // RFC 3339 timestamps, [fromTime, toTime).
  fromTime?: string;
  toTime?: string;
}

export interface VerifyAuditTrailResponse {
  intact: boolean;
  recordsChecked: string;
  headSeq: string;
  headHash: string;
  brokenSeq: string;
  problem: string;
}

// The tables whose rows the server audits (suggestions for the entity filter).
export const kEntityTypes = [
  'access_tokens',
  'attachments',
  'badges',
  'challenges',
  'claims',
  'enrollments',
  'feed_entries',
  'fund_requests',
  'kudos',
  'leaderboards',
  'ledger_entries',
  'partners',
  'payout_runs',
  'products',
  'program_costs',
  'programs',
  'statements',
  'surveys',
  'training_completions',
  'training_modules',
  'users',
] as const;
