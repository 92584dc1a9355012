#include "server/program/reward_engine.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "server/program/rule_values.h"

namespace cim {
namespace {

using cim::v1::IncentiveRule;
using cim::v1::Program;

const Decimal kHundred = Decimal::FromInt(100);

// The program's currency in a basis phrase (lib/phrase.h; keys ledger.* in lib/catalogs).
class Formatter {
 public:
  explicit Formatter(const Program& program)
      : currency_(program.currency_code()), scale_(StoredCurrencyScale(program.currency_code())) {}
  int scale() const { return scale_; }
  const std::string& currency() const { return currency_; }
  // `phrase` with `amount` in the program's currency as `name`.
  Phrase& Money(Phrase& phrase, absl::string_view name, const Decimal& amount) const {
    return phrase.Money(name, amount, currency_);
  }

 private:
  std::string currency_;
  int scale_;
};

// "{a} + {b} + …" of `parts` (not empty), as nested phrases.
std::string Sum(const std::vector<std::string>& parts) {
  std::string sum = parts.back();
  for (size_t i = parts.size() - 1; i-- > 0;) {
    sum = Phrase("ledger.plus").Text("a", parts[i]).Text("b", sum);
  }
  return sum;
}

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
          Phrase basis("ledger.bonus");
          format_.Money(format_.Money(basis, "sales", after), "target", target);
          Add(out, rule, RewardKind::kBonus, RewardAccount::kPayable,
              amount.Rounded(format_.scale()), basis);
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
        Phrase basis("ledger.coop");
        format_.Money(basis.Number("percent", percent), "sales", out.eligible_amount);
        Add(out, rule, RewardKind::kCoopAccrual, RewardAccount::kCoopFund,
            out.eligible_amount.PercentOf(percent).Rounded(format_.scale()), basis);
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
    // Each basis names the period's volume before and after the claim.
    const auto with_volumes = [&](Phrase phrase) -> std::string {
      return format_.Money(format_.Money(phrase, "before", before), "after", after);
    };
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
        Phrase part("ledger.rebate_slice");
        format_.Money(part.Number("percent", tiers[i].percent), "amount", slice)
            .Count("tier", static_cast<int64_t>(i + 1));
        parts.push_back(part);
      }
      Add(out, rule, RewardKind::kRebate, RewardAccount::kPayable, exact.Rounded(format_.scale()),
          with_volumes(Phrase("ledger.rebate_marginal").Text("parts", Sum(parts))));
      return TierUplift(rule, out);
    }
    const size_t old_tier = RebateTierIndex(tiers, before);
    const size_t new_tier = RebateTierIndex(tiers, after);
    const Decimal rate = tiers[new_tier].percent;
    Phrase rebate("ledger.rebate");
    format_.Money(rebate.Number("percent", rate), "sales", out.eligible_amount)
        .Count("tier", static_cast<int64_t>(new_tier + 1));
    format_.Money(rebate, "from", tiers[new_tier].min_volume);
    Add(out, rule, RewardKind::kRebate, RewardAccount::kPayable,
        out.eligible_amount.PercentOf(rate).Rounded(format_.scale()), with_volumes(rebate));
    if (new_tier != old_tier && !before.is_zero()) {
      const Decimal due = before.PercentOf(rate).Rounded(format_.scale());
      Phrase true_up("ledger.rebate_true_up");
      true_up.Count("tier", static_cast<int64_t>(new_tier + 1))
          .Number("old", tiers[old_tier].percent)
          .Number("new", rate);
      format_.Money(format_.Money(format_.Money(true_up, "before", before), "due", due), "posted",
                    history.rebate_posted);
      Add(out, rule, RewardKind::kRebateTrueUp, RewardAccount::kPayable,
          due - history.rebate_posted, true_up);
    }
    return TierUplift(rule, out);
  }

  // The partner tier's uplift on the claim's eligible sales, as its own reward.
  absl::Status TierUplift(const IncentiveRule& rule, RuleEvaluation& out) {
    CIM_ASSIGN_OR_RETURN(const Decimal percent,
                         TierUpliftPercent(rule.rebate(), claim_.partner_tier));
    Phrase basis("ledger.tier_uplift");
    format_.Money(basis.Text("tier", claim_.partner_tier).Number("percent", percent), "sales",
                  out.eligible_amount);
    Add(out, rule, RewardKind::kTierUplift, RewardAccount::kPayable,
        out.eligible_amount.PercentOf(percent).Rounded(format_.scale()), basis);
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
      Phrase part("ledger.spif_units");
      format_.Money(part.Count("units", units).Text("sku", product.sku()), "amount", per_unit);
      parts.push_back(part);
    }
    if (parts.empty()) return absl::OkStatus();
    Add(out, rule, RewardKind::kSpif, RewardAccount::kPayable, total.Rounded(format_.scale()),
        Phrase("ledger.spif").Text("parts", Sum(parts)).Day("start", start).Day("end", end));
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
    Phrase basis("ledger.growth");
    format_.Money(format_.Money(basis, "sales", after), "baseline", baseline)
        .Day("from", base.first)
        .Day("to", base.last)
        .Number("growth", growth_percent.Truncated(0))
        .Number("minimum", min_growth);
    Add(out, rule, RewardKind::kGrowth, RewardAccount::kPayable, amount.Rounded(format_.scale()),
        basis);
    return absl::OkStatus();
  }

  absl::Status Points(const IncentiveRule& rule, RuleEvaluation& out) {
    const cim::v1::PointsRule& points = rule.points();
    if (!points.points_per_currency_unit().empty()) {
      CIM_ASSIGN_OR_RETURN(Decimal rate, StoredDecimal(points.points_per_currency_unit(), "rate"));
      Phrase basis("ledger.points_per_currency");
      format_.Money(basis.Number("rate", rate).Text("currency", format_.currency()), "sales",
                    out.eligible_amount);
      Add(out, rule, RewardKind::kPoints, RewardAccount::kPoints,
          (out.eligible_amount * rate).Rounded(kPointsScale), basis);
    } else {
      CIM_ASSIGN_OR_RETURN(Decimal rate, StoredDecimal(points.points_per_unit(), "rate"));
      Add(out, rule, RewardKind::kPoints, RewardAccount::kPoints,
          (Decimal::FromInt(out.eligible_units) * rate).Rounded(kPointsScale),
          Phrase("ledger.points_per_unit").Number("rate", rate).Count("units", out.eligible_units));
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

int64_t GrowthBaselineProgram(const Program& program, const cim::v1::GrowthRule& rule) {
  return rule.baseline_program_id() != 0 ? rule.baseline_program_id() : program.id();
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
  Phrase basis("ledger.mdf_partner");
  for (const auto& t : mdf.tier_amounts()) {
    if (t.tier() == tier) {
      amount_text = t.amount();
      basis = Phrase("ledger.mdf_tier");
      basis.Text("tier", tier);
    }
  }
  absl::StatusOr<Decimal> amount = Decimal::Parse(amount_text);
  if (!amount.ok() || amount->sign() <= 0) return std::nullopt;
  Formatter format(program);
  return Reward{.rule_id = rule.id(),
                .kind = RewardKind::kMdfAllocation,
                .account = RewardAccount::kMdfFund,
                .amount = amount->Rounded(format.scale()),
                .basis = format.Money(basis, "amount", *amount)};
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
