import type { ProgramStatus } from '@/features/programs/api/types';

// The API's program performance and ROI (protos/cim/v1/performance.proto), proto3 JSON. Money
// is a decimal string in the program's currency; int64 counts arrive as strings.

export type ProgramCostCategory =
  | 'PROGRAM_COST_CATEGORY_ADMIN'
  | 'PROGRAM_COST_CATEGORY_TRAINING'
  | 'PROGRAM_COST_CATEGORY_MARKETING';

export const COST_CATEGORY_LABELS: Record<ProgramCostCategory, string> = {
  PROGRAM_COST_CATEGORY_ADMIN: 'Administration',
  PROGRAM_COST_CATEGORY_TRAINING: 'Training',
  PROGRAM_COST_CATEGORY_MARKETING: 'Marketing',
};

export interface ProgramCost {
  id: string;
  programId: string;
  category: ProgramCostCategory;
  amount: string;
  description: string;
  incurredOn: string;
  createdBy: string;
  createTime: string;
  voided?: boolean;
}

export interface RoiFigures {
  programSales: string;
  programCogs: string;
  programDays: string;
  baselineSales: string;
  baselineCogs: string;
  baselineDays: string;
  expectedSales: string;
  expectedCogs: string;
  incrementalSales: string;
  incrementalCogs: string;
  grossProfit: string;
  rewardsCost: string;
  adminCost: string;
  trainingCost: string;
  marketingCost: string;
  totalCost: string;
  netProfit: string;
  // "" (or absent) when the program cost nothing.
  roiPercent?: string;
}

export interface SegmentPerformance {
  key: string;
  label: string;
  partnerCount: string;
  roi: RoiFigures;
}

export interface BudgetPoint {
  date: string;
  drawn: string;
}

export interface BudgetBurn {
  budget: string;
  drawn: string;
  remaining: string;
  dailyBurn: string;
  forecastExhaustionDate?: string;
  points?: BudgetPoint[];
}

export interface ClaimsFunnel {
  submitted: string;
  inReview: string;
  needsInfo: string;
  approved: string;
  rejected: string;
  paid: string;
  averageCycleHours: number;
  medianCycleHours: number;
}

export interface ProgramEngagement {
  eligiblePartners: string;
  enrolledPartners: string;
  activePartners: string;
  trainingCompletions: string;
  surveyResponses: string;
  nps?: string;
}

export interface ProgramPerformance {
  programId: string;
  programName: string;
  status: ProgramStatus;
  currencyCode: string;
  periodStart: string;
  periodEnd: string;
  baselineStart: string;
  baselineEnd: string;
  roi: RoiFigures;
  byPartner?: SegmentPerformance[];
  byPartnerType?: SegmentPerformance[];
  byRegion?: SegmentPerformance[];
  budget?: BudgetBurn;
  funnel?: ClaimsFunnel;
  engagement?: ProgramEngagement;
  pointsPosted?: string;
  computedTime?: string;
}

export interface NewProgramCost {
  // Left out when not chosen: the API then names it as a field violation.
  category?: ProgramCostCategory;
  amount: string;
  description: string;
  incurredOn: string;
}

export interface Baseline {
  baselineStart?: string;
  baselineEnd?: string;
}
