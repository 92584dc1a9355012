// Labels of program enum values and rule kinds (English; translated where shown).
import type { GrowthBaseline, Known, ProgramPeriod, RebateMode } from '@/lib/api/enums';
import type { IncentiveRule } from '@/lib/api/schema';

// The seven kinds of incentive rule: the name of the oneof field set in IncentiveRule.
export type RuleKind = Exclude<keyof IncentiveRule, 'id' | 'name'>;

export const PROGRAM_PERIOD_LABELS: Record<Known<ProgramPeriod>, string> = {
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

export const REBATE_MODE_LABELS: Record<Known<RebateMode>, string> = {
  REBATE_MODE_MARGINAL: 'Marginal (each slice at its tier’s rate)',
  REBATE_MODE_RETROACTIVE: 'Retroactive (whole period at the highest tier reached)',
};

export const BASELINE_LABELS: Record<Known<GrowthBaseline>, string> = {
  BASELINE_PERIOD_PREVIOUS: 'The previous period',
  BASELINE_PERIOD_SAME_LAST_YEAR: 'The same period last year',
};
