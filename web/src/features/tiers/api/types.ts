import type { Certification } from '@/features/training/api/types';

export interface TierCriteria {
  minTrailingSales: string;
  minCertifiedUsers: number;
  certificationCode: string;
  minTrailingPoints: string;
}

export interface Tier {
  rank: number;
  code: string;
  name: string;
  benefits: string;
  criteria?: TierCriteria;
}

export interface TierLadder {
  currencyCode: string;
  tiers: Tier[];
  updateTime?: string;
}

export interface TierGap {
  tier: Tier;
  salesNeeded: string;
  certifiedUsersNeeded: number;
  pointsNeeded: string;
  text: string;
}

export interface PartnerTierStatus {
  partnerId: string;
  partnerName: string;
  tier?: Tier;
  qualifiedTier?: Tier;
  trailingSales: string;
  certifiedUsers: number;
  trailingPoints: string;
  nextTier?: TierGap;
  demotionWarning?: { expiring: Certification[]; wouldDropTo?: Tier; dropTime?: string; text: string };
  currencyCode: string;
}

export interface TierChange {
  id: string;
  partnerId: string;
  partnerName: string;
  fromTier: string;
  toTier: string;
  promotion: boolean;
  reason: string;
  trigger: 'TIER_CHANGE_TRIGGER_SCHEDULED' | 'TIER_CHANGE_TRIGGER_ON_DEMAND';
  evaluatedBy: string;
  changeTime: string;
}

export interface EvaluateTiersResponse {
  evaluated: number;
  changes?: TierChange[];
  skipped: number;
}

export const TIER_TRIGGER_LABELS: Record<TierChange['trigger'], string> = {
  TIER_CHANGE_TRIGGER_SCHEDULED: 'Daily evaluation',
  TIER_CHANGE_TRIGGER_ON_DEMAND: 'Run by hand',
};

// A ladder as SetTierLadder takes it (ranks follow the order).
export interface TierLadderInput {
  currencyCode: string;
  tiers: Array<Omit<Tier, 'rank'>>;
}
