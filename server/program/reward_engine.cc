#include "server/program/reward_engine.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/status_util.h"
#include "server/program/rule_values.h"

namespace cim {
namespace {

using cim::v1::IncentiveRule;
using cim::v1::Program;

const Decimal kHundred = Decimal::FromInt(100);

// Formats amounts in a basis text.
class Formatter {
 public:
  explicit Formatter(const Program& program)
      : currency_(program.currency_code()), scale_(StoredCurrencyScale(program.currency_code())) {}
  int scale() const { return scale_; }
  std::string Money(const Decimal& d) const {
    return absl::StrCat(d.ToString(scale_), " ", currency_);
  }
  static std::string Number(const Decimal& d) { return d.ToString(0); }
  static std::string Percent(const Decimal& d) { return absl::StrCat(d.ToString(0), "%"); }

 private:
  std::string currency_;
  int scale_;
};

class ClaimEvaluator {
 public:
  ClaimEvaluator(const Program& program, const SaleClaim& claim)
      : program_(program), claim_(claim), format_(program) {}

  absl::StatusOr<RuleEvaluation> Evaluate(const IncentiveRule& rule, const RuleHistory& history) {
    RuleEvaluation out;
    out.rule_id = rule.id();
    const std::vector<std::string> skus = RuleSkus(program_, rule);
    const absl::flat_hash_set<std::string> scope(skus.begin(), skus.end());
    for (const SaleLine& line : claim_.lines) {
      if (!scope.empty() && !scope.contains(line.sku)) continue;
      out.eligible_amount += line.Amount();
      out.eligible_units += line.quantity;
    }
    if (out.eligible_amount.is_zero() && out.eligible_units == 0) return out;
    const Decimal before = history.volume;
    const Decimal after = before + out.eligible_amount;
    switch (rule.kind_case()) {
      case IncentiveRule::kRebate:
        CIM_RETURN_IF_ERROR(Rebate(rule, history, out));
        break;
      case IncentiveRule::kSpif:
        CIM_RETURN_IF_ERROR(Spif(rule, out));
        break;
      case IncentiveRule::kBonus: {
        CIM_ASSIGN_OR_RETURN(Decimal target, StoredDecimal(rule.bonus().target_volume(), "target"));
        CIM_ASSIGN_OR_RETURN(Decimal amount, StoredDecimal(rule.bonus().amount(), "amount"));
        if (!history.lump_sum_posted && after >= target) {
          Add(out, rule, RewardKind::kBonus, RewardAccount::kPayable,
              amount.Rounded(format_.scale()),
              absl::StrCat("period sales reached ", format_.Money(after), " (target ",
                           format_.Money(target), "); once per period"));
        }
        break;
      }
      case IncentiveRule::kGrowth:
        CIM_RETURN_IF_ERROR(Growth(rule, history, after, out));
        break;
      case IncentiveRule::kPoints:
        CIM_RETURN_IF_ERROR(Points(rule, out));
        break;
      case IncentiveRule::kCoopAccrual: {
        CIM_ASSIGN_OR_RETURN(Decimal percent,
                             StoredDecimal(rule.coop_accrual().percent(), "percent"));
        Add(out, rule, RewardKind::kCoopAccrual, RewardAccount::kCoopFund,
            out.eligible_amount.PercentOf(percent).Rounded(format_.scale()),
            absl::StrCat(Formatter::Percent(percent), " of ", format_.Money(out.eligible_amount),
                         " eligible sales into the co-op fund"));
        break;
      }
      default:
        break;
    }
    return out;
  }

 private:
  void Add(RuleEvaluation& out, const IncentiveRule& rule, RewardKind kind, RewardAccount account,
           Decimal amount, std::string basis) {
    if (amount.is_zero()) return;
    out.rewards.push_back(Reward{.rule_id = rule.id(),
                                 .kind = kind,
                                 .account = account,
                                 .amount = amount,
                                 .basis = std::move(basis)});
  }

  absl::Status Rebate(const IncentiveRule& rule, const RuleHistory& history, RuleEvaluation& out) {
    CIM_ASSIGN_OR_RETURN(std::vector<RebateTier> tiers, RebateTiersOf(rule.rebate()));
    const Decimal before = history.volume;
    const Decimal after = before + out.eligible_amount;
    const std::string volumes =
        absl::StrCat("period volume ", format_.Money(before), " → ", format_.Money(after));
    if (rule.rebate().mode() == cim::v1::REBATE_MODE_MARGINAL) {
      // Each slice of [before, after) earns the percent of the tier it falls in.
      Decimal exact;
      std::vector<std::string> parts;
      for (size_t i = 0; i < tiers.size(); ++i) {
        const Decimal lo = std::max(before, tiers[i].min_volume);
        const Decimal hi = i + 1 < tiers.size() ? std::min(after, tiers[i + 1].min_volume) : after;
        if (hi <= lo) continue;
        const Decimal slice = hi - lo;
        exact += slice.PercentOf(tiers[i].percent);
        parts.push_back(absl::StrCat(Formatter::Percent(tiers[i].percent), " of ",
                                     format_.Money(slice), " (tier ", i + 1, ")"));
      }
      Add(out, rule, RewardKind::kRebate, RewardAccount::kPayable, exact.Rounded(format_.scale()),
          absl::StrCat(absl::StrJoin(parts, " + "), " eligible sales; ", volumes));
      return TierUplift(rule, out);
    }
    const size_t old_tier = RebateTierIndex(tiers, before);
    const size_t new_tier = RebateTierIndex(tiers, after);
    const Decimal rate = tiers[new_tier].percent;
    Add(out, rule, RewardKind::kRebate, RewardAccount::kPayable,
        out.eligible_amount.PercentOf(rate).Rounded(format_.scale()),
        absl::StrCat(Formatter::Percent(rate), " of ", format_.Money(out.eligible_amount),
                     " eligible sales (tier ", new_tier + 1, " from ",
                     format_.Money(tiers[new_tier].min_volume), "; ", volumes, ")"));
    if (new_tier != old_tier && !before.is_zero()) {
      const Decimal due = before.PercentOf(rate).Rounded(format_.scale());
      Add(out, rule, RewardKind::kRebateTrueUp, RewardAccount::kPayable,
          due - history.rebate_posted,
          absl::StrCat("tier ", new_tier + 1, " reached: earlier period sales of ",
                       format_.Money(before), " re-rated from ",
                       Formatter::Percent(tiers[old_tier].percent), " to ",
                       Formatter::Percent(rate), " = ", format_.Money(due), " minus ",
                       format_.Money(history.rebate_posted), " already posted"));
    }
    return TierUplift(rule, out);
  }

  // The partner tier's uplift on the claim's eligible sales, as its own reward.
  absl::Status TierUplift(const IncentiveRule& rule, RuleEvaluation& out) {
    CIM_ASSIGN_OR_RETURN(const Decimal percent,
                         TierUpliftPercent(rule.rebate(), claim_.partner_tier));
    Add(out, rule, RewardKind::kTierUplift, RewardAccount::kPayable,
        out.eligible_amount.PercentOf(percent).Rounded(format_.scale()),
        absl::StrCat("partner tier ", claim_.partner_tier, " adds ", Formatter::Percent(percent),
                     " of ", format_.Money(out.eligible_amount), " eligible sales"));
    return absl::OkStatus();
  }

  absl::Status Spif(const IncentiveRule& rule, RuleEvaluation& out) {
    const cim::v1::SpifRule& spif = rule.spif();
    CIM_ASSIGN_OR_RETURN(absl::CivilDay start, ParseDate(spif.start_date()));
    CIM_ASSIGN_OR_RETURN(absl::CivilDay end, ParseDate(spif.end_date()));
    if (claim_.invoice_date < start || claim_.invoice_date > end) return absl::OkStatus();
    Decimal total;
    std::vector<std::string> parts;
    for (const auto& product : spif.products()) {
      int64_t units = 0;
      for (const SaleLine& line : claim_.lines) {
        if (line.sku == product.sku()) units += line.quantity;
      }
      if (units == 0) continue;
      CIM_ASSIGN_OR_RETURN(Decimal per_unit,
                           StoredDecimal(product.amount_per_unit(), "amount_per_unit"));
      total += per_unit * Decimal::FromInt(units);
      parts.push_back(absl::StrCat(units, " × ", product.sku(), " at ", format_.Money(per_unit)));
    }
    Add(out, rule, RewardKind::kSpif, RewardAccount::kPayable, total.Rounded(format_.scale()),
        absl::StrCat(absl::StrJoin(parts, " + "), " (window ", spif.start_date(), " to ",
                     spif.end_date(), ")"));
    return absl::OkStatus();
  }

  absl::Status Growth(const IncentiveRule& rule, const RuleHistory& history, const Decimal& after,
                      RuleEvaluation& out) {
    const cim::v1::GrowthRule& growth = rule.growth();
    CIM_ASSIGN_OR_RETURN(Decimal min_growth, StoredDecimal(growth.min_growth_percent(), "growth"));
    CIM_ASSIGN_OR_RETURN(Decimal amount, StoredDecimal(growth.amount(), "amount"));
    const Decimal& baseline = history.baseline_volume;
    if (history.lump_sum_posted || baseline.sign() <= 0) return absl::OkStatus();
    // after ≥ baseline × (1 + g/100), compared exactly.
    if (after < baseline + baseline.PercentOf(min_growth)) return absl::OkStatus();
    const Decimal growth_percent = (after - baseline).DividedBy(baseline, 4) * kHundred;
    const DateRange period = ClaimPeriod(program_, claim_.invoice_date);
    const DateRange base = BaselineOf(period, program_.period(), growth.baseline());
    Add(out, rule, RewardKind::kGrowth, RewardAccount::kPayable, amount.Rounded(format_.scale()),
        absl::StrCat("period sales ", format_.Money(after), " beat the baseline ",
                     FormatDate(base.first), " to ", FormatDate(base.last), " of ",
                     format_.Money(baseline), " by ", Formatter::Percent(growth_percent),
                     " (at least ", Formatter::Percent(min_growth), "); once per period"));
    return absl::OkStatus();
  }

  absl::Status Points(const IncentiveRule& rule, RuleEvaluation& out) {
    const cim::v1::PointsRule& points = rule.points();
    if (!points.points_per_currency_unit().empty()) {
      CIM_ASSIGN_OR_RETURN(Decimal rate, StoredDecimal(points.points_per_currency_unit(), "rate"));
      Add(out, rule, RewardKind::kPoints, RewardAccount::kPoints,
          (out.eligible_amount * rate).Rounded(kPointsScale),
          absl::StrCat(Formatter::Number(rate), " points per ", program_.currency_code(), " of ",
                       format_.Money(out.eligible_amount), " eligible sales"));
    } else {
      CIM_ASSIGN_OR_RETURN(Decimal rate, StoredDecimal(points.points_per_unit(), "rate"));
      Add(out, rule, RewardKind::kPoints, RewardAccount::kPoints,
          (Decimal::FromInt(out.eligible_units) * rate).Rounded(kPointsScale),
          absl::StrCat(Formatter::Number(rate), " points per unit × ", out.eligible_units,
                       " eligible units"));
    }
    return absl::OkStatus();
  }

  const Program& program_;
  const SaleClaim& claim_;
  Formatter format_;
};

}  // namespace

const char* RewardKindName(RewardKind kind) {
  switch (kind) {
    case RewardKind::kRebate:
      return "rebate";
    case RewardKind::kRebateTrueUp:
      return "rebate_true_up";
    case RewardKind::kTierUplift:
      return "tier_uplift";
    case RewardKind::kSpif:
      return "spif";
    case RewardKind::kBonus:
      return "bonus";
    case RewardKind::kGrowth:
      return "growth";
    case RewardKind::kPoints:
      return "points";
    case RewardKind::kCoopAccrual:
      return "coop_accrual";
    case RewardKind::kMdfAllocation:
      return "mdf_allocation";
  }
  return "unknown";
}

const char* RewardAccountName(RewardAccount account) {
  switch (account) {
    case RewardAccount::kPayable:
      return "payable";
    case RewardAccount::kPoints:
      return "points";
    case RewardAccount::kCoopFund:
      return "coop_fund";
    case RewardAccount::kMdfFund:
      return "mdf_fund";
  }
  return "unknown";
}

std::vector<std::string> RuleSkus(const Program& program, const IncentiveRule& rule) {
  const google::protobuf::RepeatedPtrField<std::string>* skus = nullptr;
  switch (rule.kind_case()) {
    case IncentiveRule::kRebate:
      skus = &rule.rebate().skus();
      break;
    case IncentiveRule::kBonus:
      skus = &rule.bonus().skus();
      break;
    case IncentiveRule::kGrowth:
      skus = &rule.growth().skus();
      break;
    case IncentiveRule::kPoints:
      skus = &rule.points().skus();
      break;
    case IncentiveRule::kCoopAccrual:
      skus = &rule.coop_accrual().skus();
      break;
    case IncentiveRule::kSpif: {
      std::vector<std::string> out;
      for (const auto& p : rule.spif().products()) out.push_back(p.sku());
      return out;
    }
    default:
      break;
  }
  if (skus != nullptr && !skus->empty()) return {skus->begin(), skus->end()};
  return {program.eligible_skus().begin(), program.eligible_skus().end()};
}

DateRange ClaimPeriod(const Program& program, absl::CivilDay invoice_date) {
  return PeriodContaining(invoice_date, program.period());
}

absl::CivilDay ProgramDay(const Program& program, absl::CivilDay today) {
  const absl::CivilDay start = ParseDate(program.start_date()).value_or(absl::CivilDay());
  const absl::CivilDay end = ParseDate(program.end_date()).value_or(absl::CivilDay());
  return std::clamp(today, start, end);
}

absl::StatusOr<std::vector<RuleEvaluation>> EvaluateSaleClaim(
    const Program& program, const SaleClaim& claim,
    const absl::flat_hash_map<std::string, RuleHistory>& history) {
  ClaimEvaluator evaluator(program, claim);
  std::vector<RuleEvaluation> out;
  const RuleHistory none;
  for (const IncentiveRule& rule : program.rules()) {
    if (rule.kind_case() == IncentiveRule::kMdfAllocation) continue;
    auto it = history.find(rule.id());
    CIM_ASSIGN_OR_RETURN(RuleEvaluation evaluation,
                         evaluator.Evaluate(rule, it == history.end() ? none : it->second));
    out.push_back(std::move(evaluation));
  }
  return out;
}

SaleClaim RuleSale(const Program& program, const IncentiveRule& rule, absl::CivilDay day,
                   const Decimal& amount, const std::string& partner_tier) {
  const std::vector<std::string> skus = RuleSkus(program, rule);
  SaleClaim sale{.invoice_date = day, .partner_tier = partner_tier};
  sale.lines.push_back(SaleLine{
      .sku = skus.empty() ? std::string() : skus.front(), .quantity = 1, .unit_price = amount});
  return sale;
}

bool HasTierUplifts(const Program& program) {
  return std::any_of(program.rules().begin(), program.rules().end(), [](const IncentiveRule& r) {
    return r.kind_case() == IncentiveRule::kRebate && !r.rebate().partner_tier_uplifts().empty();
  });
}

absl::StatusOr<std::optional<TierUpliftLoss>> UpliftLoss(const Program& program,
                                                         const IncentiveRule& rule,
                                                         const Decimal& volume, absl::CivilDay day,
                                                         const std::string& from,
                                                         const std::string& to) {
  if (rule.kind_case() != IncentiveRule::kRebate) return std::nullopt;
  TierUpliftLoss loss;
  CIM_ASSIGN_OR_RETURN(loss.percent_now, TierUpliftPercent(rule.rebate(), from));
  CIM_ASSIGN_OR_RETURN(loss.percent_after, TierUpliftPercent(rule.rebate(), to));
  if (loss.percent_after >= loss.percent_now) return std::nullopt;
  // The uplift a claim of `volume` earns under `tier`, by the engine.
  const auto uplift = [&](const std::string& tier) -> absl::StatusOr<Decimal> {
    const SaleClaim sale = RuleSale(program, rule, day, volume, tier);
    ClaimEvaluator evaluator(program, sale);
    CIM_ASSIGN_OR_RETURN(const RuleEvaluation evaluation, evaluator.Evaluate(rule, RuleHistory()));
    Decimal total;
    for (const Reward& r : evaluation.rewards) {
      if (r.kind == RewardKind::kTierUplift) total += r.amount;
    }
    return total;
  };
  CIM_ASSIGN_OR_RETURN(const Decimal now, uplift(from));
  CIM_ASSIGN_OR_RETURN(const Decimal after, uplift(to));
  loss.amount = now - after;
  return loss;
}

std::optional<Reward> MdfAllocation(const Program& program, const IncentiveRule& rule,
                                    const std::string& tier) {
  const cim::v1::MdfAllocationRule& mdf = rule.mdf_allocation();
  std::string amount_text = mdf.amount_per_partner();
  std::string basis = "MDF allocation per partner";
  for (const auto& t : mdf.tier_amounts()) {
    if (t.tier() == tier) {
      amount_text = t.amount();
      basis = absl::StrCat("MDF allocation for tier ", tier);
    }
  }
  absl::StatusOr<Decimal> amount = Decimal::Parse(amount_text);
  if (!amount.ok() || amount->sign() <= 0) return std::nullopt;
  Formatter format(program);
  return Reward{.rule_id = rule.id(),
                .kind = RewardKind::kMdfAllocation,
                .account = RewardAccount::kMdfFund,
                .amount = amount->Rounded(format.scale()),
                .basis = absl::StrCat(basis, ": ", format.Money(*amount))};
}

RuleHistory PeriodIncrement(const RuleEvaluation& evaluation) {
  RuleHistory out{.volume = evaluation.eligible_amount};
  for (const Reward& reward : evaluation.rewards) {
    if (reward.kind == RewardKind::kRebate || reward.kind == RewardKind::kRebateTrueUp) {
      out.rebate_posted += reward.amount;
    }
    if (reward.kind == RewardKind::kBonus || reward.kind == RewardKind::kGrowth) {
      out.lump_sum_posted = true;
    }
  }
  return out;
}

}  // namespace cim
