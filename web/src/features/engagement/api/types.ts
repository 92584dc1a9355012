import type { PartnerType } from '@/features/partners/api/types';

export interface Audience {
  partnerTypes: PartnerType[];
  regions: string[];
  tiers: string[];
}

export type FeedEntryKind =
  | 'FEED_ENTRY_KIND_KUDOS'
  | 'FEED_ENTRY_KIND_SPOTLIGHT'
  | 'FEED_ENTRY_KIND_BADGE_EARNED'
  | 'FEED_ENTRY_KIND_LEVEL_UP'
  | 'FEED_ENTRY_KIND_TIER_PROMOTION'
  | 'FEED_ENTRY_KIND_PERIOD_WINNER'
  | 'FEED_ENTRY_KIND_CHALLENGE_COMPLETED';

export type FeedVisibility = 'FEED_VISIBILITY_PUBLIC' | 'FEED_VISIBILITY_PARTNER';

export interface FeedEntry {
  id: string;
  kind: FeedEntryKind;
  visibility: FeedVisibility;
  userId: string;
  userDisplayName: string;
  partnerId: string;
  partnerName: string;
  headline: string;
  message: string;
  authorUserId: string;
  authorDisplayName: string;
  points: string;
  badgeId: string;
  createTime: string;
}

export type ChallengeGoalKind =
  | 'CHALLENGE_GOAL_KIND_APPROVED_CLAIMS'
  | 'CHALLENGE_GOAL_KIND_SALES'
  | 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS'
  | 'CHALLENGE_GOAL_KIND_MODULES_COMPLETED'
  | 'CHALLENGE_GOAL_KIND_POINTS';

export interface Challenge {
  id: string;
  title: string;
  description: string;
  startTime: string;
  endTime: string;
  programId: string;
  audience: Audience;
  goal: { kind: ChallengeGoalKind; target: string; currencyCode: string; sku: string };
  rewardPoints: string;
  rewardBadgeId: string;
  progress?: { current: string; target: string; percent: number; completed: boolean; completeTime?: string; text: string };
  completions: string;
}

export interface Survey {
  id: string;
  title: string;
  question: string;
  commentEnabled: boolean;
  audience: Audience;
  openTime: string;
  closeTime: string;
  responded: boolean;
}

export interface NpsResult {
  group: string;
  responses: string;
  promoters: string;
  passives: string;
  detractors: string;
  nps: string;
}

export interface SurveyResults {
  survey: Survey;
  overall: NpsResult;
  byPartnerType: NpsResult[];
  byRegion: NpsResult[];
  comments: Array<{ score: number; comment: string; partnerName: string; partnerType: PartnerType; region: string; respondTime: string }>;
}

export interface KudosBudget {
  partnerId: string;
  monthlyPoints: string;
  month: string;
  spentPoints: string;
  remainingPoints: string;
}
