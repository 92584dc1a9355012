// Names for the API's enums. The generated schema writes each enum inline, as the union of its
// values on every field that has it; these take that union from one such field, so they follow
// the protos too. Each includes its *_UNSPECIFIED value, which the API sends for "not set".
import type {
  ChallengeGoal,
  Claim,
  ClaimFlagDetail,
  EventCountCriterion,
  FeedEntry,
  FundRequest,
  GrowthRule,
  Leaderboard,
  LedgerEntry,
  Partner,
  Principal,
  Product,
  Program,
  ProgramCost,
  RebateRule,
  Statement,
  TierChange,
  User,
} from './schema';

export type ChallengeGoalKind = NonNullable<ChallengeGoal['kind']>;
export type ClaimFlag = NonNullable<ClaimFlagDetail['flag']>;
export type ClaimStatus = NonNullable<Claim['status']>;
export type FeedEntryKind = NonNullable<FeedEntry['kind']>;
export type FeedVisibility = NonNullable<FeedEntry['visibility']>;
export type FundRequestStatus = NonNullable<FundRequest['status']>;
export type GrowthBaseline = NonNullable<GrowthRule['baseline']>;
export type LeaderboardPeriod = NonNullable<Leaderboard['period']>;
export type LeaderboardScope = NonNullable<Leaderboard['scope']>;
export type LedgerAccount = NonNullable<LedgerEntry['account']>;
export type LedgerEntryKind = NonNullable<LedgerEntry['kind']>;
export type PartnerStatus = NonNullable<Partner['status']>;
export type PartnerType = NonNullable<Partner['type']>;
export type ProductStatus = NonNullable<Product['status']>;
export type ProgramCostCategory = NonNullable<ProgramCost['category']>;
export type ProgramPeriod = NonNullable<Program['period']>;
export type ProgramStatus = NonNullable<Program['status']>;
export type RebateMode = NonNullable<RebateRule['mode']>;
export type RecognitionEventKind = NonNullable<EventCountCriterion['event']>;
export type RecognitionMetric = NonNullable<Leaderboard['metric']>;
export type Role = NonNullable<Principal['role']>;
export type StatementStatus = NonNullable<Statement['status']>;
export type TierChangeTrigger = NonNullable<TierChange['trigger']>;
export type UserStatus = NonNullable<User['status']>;

// An enum without its "not set" value: what a form offers and a label table names.
export type Known<E extends string> = Exclude<E, `${string}_UNSPECIFIED`>;

// The entry a table keyed by an enum's known values (labels, tones) has for `value`; undefined
// when the value is unset, UNSPECIFIED, or one this portal does not know yet (a newer server).
export function labelOf<E extends string, Table extends { readonly [K in Known<E>]?: unknown }>(
  table: Table,
  value: E | undefined,
): Table[keyof Table] | undefined {
  if (value === undefined || !Object.hasOwn(table, value)) return undefined;
  return (table as Record<string, Table[keyof Table]>)[value];
}
