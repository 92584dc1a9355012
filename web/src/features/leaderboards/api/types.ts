import type { RecognitionMetric } from '@/features/recognition/api/types';

export type LeaderboardScope = 'LEADERBOARD_SCOPE_INDIVIDUAL' | 'LEADERBOARD_SCOPE_PARTNER';
export type LeaderboardPeriod =
  | 'LEADERBOARD_PERIOD_WEEK'
  | 'LEADERBOARD_PERIOD_MONTH'
  | 'LEADERBOARD_PERIOD_QUARTER'
  | 'LEADERBOARD_PERIOD_YEAR'
  | 'LEADERBOARD_PERIOD_ALL_TIME';

export interface Leaderboard {
  id: string;
  name: string;
  // "0" for a global board.
  programId: string;
  metric: RecognitionMetric;
  currencyCode: string;
  scope: LeaderboardScope;
  period: LeaderboardPeriod;
  createTime?: string;
}

export interface LeaderboardRow {
  rank: string;
  participantId: string;
  displayName: string;
  partnerName: string;
  score: string;
  isCaller: boolean;
}

export interface LeaderboardStanding {
  leaderboard: Leaderboard;
  periodStart: string;
  periodEnd: string;
  participants: string;
  top: LeaderboardRow[];
  caller?: LeaderboardRow;
  around: LeaderboardRow[];
}

export interface LeaderboardQuery {
  period?: string;
  top?: number;
  around?: number;
  region?: string;
  partnerType?: string;
  tier?: string;
}
