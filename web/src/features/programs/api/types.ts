// API shapes of cim.v1 program messages. Money and rates are decimal strings.
import type { PartnerType } from '@/features/partners/api/types';

export type ProgramStatus = 'PROGRAM_STATUS_DRAFT' | 'PROGRAM_STATUS_ACTIVE' | 'PROGRAM_STATUS_PAUSED' | 'PROGRAM_STATUS_CLOSED';
export type ProgramPeriod = 'PROGRAM_PERIOD_MONTH' | 'PROGRAM_PERIOD_QUARTER' | 'PROGRAM_PERIOD_YEAR';

export interface Eligibility {
  partnerTypes: PartnerType[];
  tiers: string[];
  regions: string[];
  partnerIds: string[];
  requiredCertifications: string[];
}

export interface ProgramTarget {
  metric: string;
  target: string;
  description: string;
}

export interface RebateTier {
  minVolume: string;
  percent: string;
}

export interface IncentiveRule {
  id: string;
  name: string;
  rebate?: { skus: string[]; tiers: RebateTier[]; mode: RebateMode };
  spif?: { products: Array<{ sku: string; amountPerUnit: string }>; startDate: string; endDate: string };
  bonus?: { skus: string[]; targetVolume: string; amount: string };
  growth?: {
    skus: string[];
    minGrowthPercent: string;
    amount: string;
    baseline: BaselinePeriod;
  };
  points?: { skus: string[]; pointsPerCurrencyUnit: string; pointsPerUnit: string };
  coopAccrual?: { skus: string[]; percent: string };
  mdfAllocation?: { amountPerPartner: string; tierAmounts: Array<{ tier: string; amount: string }> };
}

export interface Program {
  id: string;
  name: string;
  description: string;
  objectives: string;
  targets: ProgramTarget[];
  eligibility: Eligibility;
  currencyCode: string;
  budget: string;
  budgetDrawn: string;
  budgetRemaining: string;
  startDate: string;
  endDate: string;
  period: ProgramPeriod;
  terms: string;
  termsVersion: number;
  eligibleSkus: string[];
  rules: IncentiveRule[];
  rulesVersion: number;
  status: ProgramStatus;
  createTime?: string;
  updateTime?: string;
  etag: string;
}

export interface Enrollment {
  id: string;
  programId: string;
  partnerId: string;
  acceptedTermsVersion: number;
  acceptedByUserId: string;
  acceptTime: string;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  category: string;
  currencyCode: string;
  listPrice: string;
  unitCost: string;
  status: 'PRODUCT_STATUS_ACTIVE' | 'PRODUCT_STATUS_RETIRED';
  etag: string;
}

export interface RuleProgress {
  ruleId: string;
  ruleName: string;
  kind: string;
  periodVolume: string;
  currentTier: number;
  currentPercent: string;
  nextTierVolume: string;
  nextTierPercent: string;
  amountToNextTier: string;
  targetVolume: string;
  amountToTarget: string;
  reached: boolean;
  rebatePosted: string;
}

export interface PartnerProgress {
  programId: string;
  partnerId: string;
  currencyCode: string;
  periodStart: string;
  periodEnd: string;
  rules: RuleProgress[];
  earned: string;
  paid: string;
  points: string;
  pendingClaims: number;
  pendingSales: string;
  pendingRewards: string;
  budgetRemaining: string;
}

export interface EligibilityCheck {
  eligible: boolean;
  reasons: string[];
  enrolled: boolean;
  termsVersion: number;
  terms: string;
}

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  PROGRAM_STATUS_DRAFT: 'Draft',
  PROGRAM_STATUS_ACTIVE: 'Active',
  PROGRAM_STATUS_PAUSED: 'Paused',
  PROGRAM_STATUS_CLOSED: 'Closed',
};

export type RebateMode = 'REBATE_MODE_MARGINAL' | 'REBATE_MODE_RETROACTIVE' | 'REBATE_MODE_UNSPECIFIED';
export type BaselinePeriod = 'BASELINE_PERIOD_PREVIOUS' | 'BASELINE_PERIOD_SAME_LAST_YEAR' | 'BASELINE_PERIOD_UNSPECIFIED';

// The seven kinds of incentive rule: the name of the field set in IncentiveRule.
export type RuleKind = 'rebate' | 'spif' | 'bonus' | 'growth' | 'points' | 'coopAccrual' | 'mdfAllocation';

export interface ProgramRulesVersion {
  programId: string;
  version: number;
  rules: IncentiveRule[];
  createdByUserId: string;
  createTime?: string;
}

export interface SimulatedPartnerRewards {
  partnerId: string;
  partnerName: string;
  sales: string;
  money: string;
  points: string;
  claims: string;
}

export interface RoiFigures {
  programSales: string;
  incrementalSales: string;
  grossProfit: string;
  rewardsCost: string;
  totalCost: string;
  netProfit: string;
  roiPercent: string;
}

export interface SimulationResult {
  historyStart: string;
  historyEnd: string;
  claims: string;
  claimLines: string;
  forecastMoney: string;
  forecastPoints: string;
  budget: string;
  coveredByBudget: string;
  budgetExhaustionDate: string;
  byPartner: SimulatedPartnerRewards[];
  moneyByRule: Record<string, string>;
  pointsByRule: Record<string, string>;
  roi?: RoiFigures;
}

export const PROGRAM_PERIOD_LABELS: Record<ProgramPeriod, string> = {
  PROGRAM_PERIOD_MONTH: 'Monthly',
  PROGRAM_PERIOD_QUARTER: 'Quarterly',
  PROGRAM_PERIOD_YEAR: 'Yearly',
};

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  rebate: 'Rebate',
  spif: 'SPIF',
  bonus: 'Bonus',
  growth: 'Growth reward',
  points: 'Points',
  coopAccrual: 'Co-op accrual',
  mdfAllocation: 'MDF allocation',
};

export const REBATE_MODE_LABELS: Record<Exclude<RebateMode, 'REBATE_MODE_UNSPECIFIED'>, string> = {
  REBATE_MODE_MARGINAL: 'Marginal (each slice at its tier’s rate)',
  REBATE_MODE_RETROACTIVE: 'Retroactive (whole period at the highest tier reached)',
};

export const BASELINE_LABELS: Record<Exclude<BaselinePeriod, 'BASELINE_PERIOD_UNSPECIFIED'>, string> = {
  BASELINE_PERIOD_PREVIOUS: 'The previous period',
  BASELINE_PERIOD_SAME_LAST_YEAR: 'The same period last year',
};
