// API shapes of cim.v1 recognition messages (canonical JSON: int64 as strings).

export interface Level {
  rank: number;
  name: string;
  minPoints: string;
}

export interface LevelProgress {
  level?: Level;
  nextLevel?: Level;
  pointsToNextLevel: string;
  progressPercent: number;
}

export interface RecognitionSummary {
  userId: string;
  partnerId: string;
  lifetimePoints: string;
  level?: LevelProgress;
  partnerLifetimePoints: string;
  partnerLevel?: LevelProgress;
  badgesEarned: number;
  showNameOnLeaderboards: boolean;
}

export type RecognitionEventKind =
  | 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED'
  | 'RECOGNITION_EVENT_KIND_POINTS_REVERSED'
  | 'RECOGNITION_EVENT_KIND_TRAINING_COMPLETED'
  | 'RECOGNITION_EVENT_KIND_KUDOS_RECEIVED'
  | 'RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED'
  | 'RECOGNITION_EVENT_KIND_TIER_CHANGED';

export type RecognitionMetric = 'RECOGNITION_METRIC_SALES' | 'RECOGNITION_METRIC_POINTS';
export type CalendarPeriod = 'PROGRAM_PERIOD_MONTH' | 'PROGRAM_PERIOD_QUARTER' | 'PROGRAM_PERIOD_YEAR';

export interface BadgeCriteria {
  eventCount?: { event: RecognitionEventKind; count: string };
  periodSum?: { metric: RecognitionMetric; currencyCode: string; period: CalendarPeriod; threshold: string };
  certification?: { certificationCode: string };
  placement?: { leaderboardId: string; top: number };
  streak?: { event: RecognitionEventKind; months: number };
  moduleCompleted?: { moduleId: string };
  challengeCompleted?: { challengeId: string };
}

export interface Badge {
  id: string;
  name: string;
  description: string;
  imageUrl: string;
  criteria: BadgeCriteria;
  createTime?: string;
}

export interface BadgeStatus {
  badge: Badge;
  earned: boolean;
  earnTime?: string;
  current: string;
  target: string;
  progressPercent: number;
  progressText: string;
}

export interface BoardRank {
  leaderboardId: string;
  periodStart: string;
  rank: string;
  previousRank: string;
  score: string;
  participants: string;
}

export interface ProgressUpdate {
  summary: RecognitionSummary;
  newBadges: BadgeStatus[];
  ranks: BoardRank[];
  levelUp: boolean;
}

// Leaderboards are described in the leaderboards feature.
export type { Leaderboard, LeaderboardPeriod, LeaderboardScope } from '@/features/leaderboards/api/types';
