// The rules engine: what one approved sale claim earns under a program's rules, given what the
// partner already earned in the claim's period. Pure C++ and exact (Decimal); the caller reads
// the history and posts the rewards in one transaction.
//
// Rounding: each reward is rounded once, half away from zero, to the currency's minor units
// (money) or to whole points. Each entry's `basis` states the inputs, so every cent can be
// re-computed by hand.
//
// Rebates: `volume` is the partner's eligible sales for the rule in the period (approved claims,
// by invoice date). MARGINAL: a claim earns, slice by slice, the percent of each tier its sales
// fall in. RETROACTIVE: a claim earns the percent of the tier the new period volume reaches, and
// when that tier is higher than before, a true-up entry re-rates the period's earlier sales:
// round(earlier volume × new percent) − rebate already posted for the period. Either mode: a
// partner holding a tier the rule names in partner_tier_uplifts also gets a TIER_UPLIFT reward,
// round(eligible sales × uplift percent), which true-ups never re-rate.
#ifndef CIM_SERVER_PROGRAM_REWARD_ENGINE_H_
#define CIM_SERVER_PROGRAM_REWARD_ENGINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "cim/v1/program.pb.h"
#include "lib/dates.h"
#include "lib/decimal.h"

namespace cim {

enum class RewardKind {
  kRebate,
  kRebateTrueUp,
  kTierUplift,
  kSpif,
  kBonus,
  kGrowth,
  kPoints,
  kCoopAccrual,
  kMdfAllocation,
};

// Where a reward goes: money payable to the partner, the submitter's points, or the partner's
// co-op or MDF fund for the program.
enum class RewardAccount { kPayable, kPoints, kCoopFund, kMdfFund };

// The stable lowercase name of a kind ("rebate_true_up") and of an account ("payable").
const char* RewardKindName(RewardKind kind);
const char* RewardAccountName(RewardAccount account);

struct Reward {
  std::string rule_id;
  RewardKind kind = RewardKind::kRebate;
  RewardAccount account = RewardAccount::kPayable;
  // Rounded: currency minor units for money, whole points for points. May be negative only for
  // a retroactive true-up after a tier with a lower percent.
  Decimal amount;
  // How the amount was computed, e.g. "3.5% of 12,000.00 EUR eligible sales (tier 2 from
  // 50,000.00; period volume 45,000.00 → 57,000.00)".
  std::string basis;
  // Money rewards draw on the program budget; points do not.
  bool DrawsBudget() const { return account != RewardAccount::kPoints; }
};

struct SaleLine {
  std::string sku;
  int64_t quantity = 0;  // > 0
  Decimal unit_price;    // ≥ 0, in the program currency
  Decimal Amount() const { return unit_price * Decimal::FromInt(quantity); }
};

struct SaleClaim {
  absl::CivilDay invoice_date;
  std::vector<SaleLine> lines;
  // The partner's tier code when the claim is evaluated (Partner.tier; "" for none): it selects
  // rebate rules' partner-tier uplifts.
  std::string partner_tier;
};

// What the partner already has for one rule in the claim's period.
struct RuleHistory {
  // Eligible sales of earlier approved claims in the period (for the rule's SKUs).
  Decimal volume;
  // Rebate and true-up amounts posted for the rule in the period.
  Decimal rebate_posted;
  // A bonus or growth reward of the rule was already posted in the period.
  bool lump_sum_posted = false;
  // Growth rules: eligible sales in the baseline period.
  Decimal baseline_volume;

  // Adds what one more approval added (a PeriodIncrement); the baseline stays.
  void Add(const RuleHistory& increment) {
    volume += increment.volume;
    rebate_posted += increment.rebate_posted;
    lump_sum_posted = lump_sum_posted || increment.lump_sum_posted;
  }
};

// What one rule did with a claim: its rewards, and the eligible sales it counted.
struct RuleEvaluation {
  std::string rule_id;
  Decimal eligible_amount;
  int64_t eligible_units = 0;
  std::vector<Reward> rewards;
};

// What approving a claim adds to one rule's period history: the eligible sales it counted, the
// rebate and true-up it posted, and whether it posted a lump sum (bonus, growth).
RuleHistory PeriodIncrement(const RuleEvaluation& evaluation);

// The scope a rule measures: its SKUs (empty: every SKU the program makes eligible; both
// empty: every SKU).
std::vector<std::string> RuleSkus(const cim::v1::Program& program,
                                  const cim::v1::IncentiveRule& rule);

// The program whose approved sales are a growth rule's baseline: the rule's baseline program,
// or `program` itself.
int64_t GrowthBaselineProgram(const cim::v1::Program& program, const cim::v1::GrowthRule& rule);

// The period of `program` a claim with `invoice_date` counts in.
DateRange ClaimPeriod(const cim::v1::Program& program, absl::CivilDay invoice_date);

// `today` clamped to the program's dates: the day whose period progress reports show.
absl::CivilDay ProgramDay(const cim::v1::Program& program, absl::CivilDay today);

// Evaluates every claim-driven rule of `program` (all kinds but mdf_allocation) for `claim`.
// `history` holds each such rule's RuleHistory by rule id (missing: nothing earlier).
// INVALID_ARGUMENT if the program's stored rules do not parse (never for validated programs).
absl::StatusOr<std::vector<RuleEvaluation>> EvaluateSaleClaim(
    const cim::v1::Program& program, const SaleClaim& claim,
    const absl::flat_hash_map<std::string, RuleHistory>& history);

// A claim of exactly `amount` of `rule`'s eligible sales (one line of its first SKU) invoiced on
// `day` by a partner of `partner_tier`: what "what if" figures run through the engine.
SaleClaim RuleSale(const cim::v1::Program& program, const cim::v1::IncentiveRule& rule,
                   absl::CivilDay day, const Decimal& amount, const std::string& partner_tier);

// Whether any rebate rule of `program` has partner-tier uplifts (then evaluating a claim needs
// the partner's tier).
bool HasTierUplifts(const cim::v1::Program& program);

// What dropping from partner tier `from` to `to` costs under rebate rule `rule` on `volume` of
// eligible sales approved on `day`: the uplift percents of both tiers, and the difference of the
// uplift rewards the engine posts for a claim of that volume under each. nullopt when `rule` is
// not a rebate or gives `to` at least as much as `from`.
struct TierUpliftLoss {
  Decimal percent_now;
  Decimal percent_after;
  Decimal amount;
};
absl::StatusOr<std::optional<TierUpliftLoss>> UpliftLoss(const cim::v1::Program& program,
                                                         const cim::v1::IncentiveRule& rule,
                                                         const Decimal& volume, absl::CivilDay day,
                                                         const std::string& from,
                                                         const std::string& to);

// The MDF fund a partner of `tier` gets on enrollment under `rule`: the tier's amount, else
// amount_per_partner; nullopt when neither applies.
std::optional<Reward> MdfAllocation(const cim::v1::Program& program,
                                    const cim::v1::IncentiveRule& rule, const std::string& tier);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_REWARD_ENGINE_H_
