#include "server/claim/partner_progress.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/status_util.h"
#include "server/claim/claim_rules.h"
#include "server/program/reward_engine.h"
#include "server/program/rule_values.h"

namespace cim {
namespace {

using cim::v1::IncentiveRule;
using cim::v1::Program;

// Fills the rebate fields of `out` for period volume `volume`.
absl::Status RebateProgress(const cim::v1::RebateRule& rule, const Decimal& volume, int scale,
                            cim::v1::RuleProgress& out) {
  CIM_ASSIGN_OR_RETURN(const std::vector<RebateTier> tiers, RebateTiersOf(rule));
  const size_t tier = RebateTierIndex(tiers, volume);
  out.set_current_tier(static_cast<int>(tier) + 1);
  out.set_current_percent(rule.tiers(tier).percent());
  if (tier + 1 < tiers.size()) {
    const Decimal& next = tiers[tier + 1].min_volume;
    out.set_next_tier_volume(next.ToString(scale));
    out.set_next_tier_percent(rule.tiers(tier + 1).percent());
    out.set_amount_to_next_tier((next - volume).ToString(scale));
  }
  return absl::OkStatus();
}

// Fills next_step_reward and next_step_true_up of `out`: what the engine would pay for `rule` if
// sales of exactly `more` (the amount to its next step) were approved on `day` for a partner of
// `partner_tier`, on top of `history`.
absl::Status NextStepWorth(const Program& program, const IncentiveRule& rule,
                           const absl::flat_hash_map<std::string, RuleHistory>& history,
                           absl::CivilDay day, const std::string& partner_tier, const Decimal& more,
                           int scale, cim::v1::RuleProgress& out) {
  if (more.sign() <= 0) return absl::OkStatus();
  CIM_ASSIGN_OR_RETURN(
      const std::vector<RuleEvaluation> evaluations,
      EvaluateSaleClaim(program, RuleSale(program, rule, day, more, partner_tier), history));
  Decimal reward, true_up;
  for (const RuleEvaluation& e : evaluations) {
    if (e.rule_id != rule.id()) continue;
    for (const Reward& r : e.rewards) {
      reward += r.amount;
      if (r.kind == RewardKind::kRebateTrueUp) true_up += r.amount;
    }
  }
  const int unit_scale = rule.kind_case() == IncentiveRule::kPoints ? 0 : scale;
  out.set_next_step_reward(reward.ToString(unit_scale));
  out.set_next_step_true_up(true_up.ToString(unit_scale));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<cim::v1::PartnerProgress> PartnerProgressReport::Get(
    const Principal& caller, const cim::v1::GetPartnerProgressRequest& request) {
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id, PartnerReadScope(caller, request.partner_id()));
  if (partner_id <= 0) {
    FieldErrors errors;
    errors.Add("partner_id", "required");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(const Program program, programs_.GetProgram(caller, request.program_id()));
  const int scale = StoredCurrencyScale(program.currency_code());
  std::string partner_tier;
  if (HasTierUplifts(program)) {
    CIM_ASSIGN_OR_RETURN(const Partner partner, partners_.Get(partner_id));
    partner_tier = partner.tier();
  }

  // The period containing today, within the program's dates.
  const absl::CivilDay today = ProgramDay(program, DayOf(clock_.Now()));
  const DateRange period = PeriodContaining(today, program.period());

  cim::v1::PartnerProgress progress;
  progress.set_program_id(program.id());
  progress.set_partner_id(partner_id);
  progress.set_currency_code(program.currency_code());
  progress.set_period_start(FormatDate(period.first));
  progress.set_period_end(FormatDate(period.last));
  progress.set_budget_remaining(program.budget_remaining());

  CIM_ASSIGN_OR_RETURN(auto totals, claims_.PeriodTotals(program.id(), partner_id, period.first));
  absl::flat_hash_map<std::string, RuleHistory> history;
  for (const IncentiveRule& rule : program.rules()) {
    if (rule.kind_case() == IncentiveRule::kMdfAllocation) continue;
    const RuleTotals& t = totals[rule.id()];
    RuleHistory& h = history[rule.id()];
    h = RuleHistory{
        .volume = t.volume, .rebate_posted = t.rebate_posted, .lump_sum_posted = t.lump_sum_posted};
    cim::v1::RuleProgress* p = progress.add_rules();
    p->set_rule_id(rule.id());
    p->set_rule_name(rule.name());
    p->set_period_volume(t.volume.ToString(scale));
    p->set_rebate_posted(t.rebate_posted.ToString(scale));
    p->set_reached(t.lump_sum_posted);
    switch (rule.kind_case()) {
      case IncentiveRule::kRebate: {
        p->set_kind("rebate");
        CIM_RETURN_IF_ERROR(RebateProgress(rule.rebate(), t.volume, scale, *p));
        CIM_ASSIGN_OR_RETURN(const Decimal uplift, TierUpliftPercent(rule.rebate(), partner_tier));
        if (uplift.sign() > 0) p->set_tier_uplift_percent(uplift.ToString());
        break;
      }
      case IncentiveRule::kBonus: {
        p->set_kind("bonus");
        CIM_ASSIGN_OR_RETURN(const Decimal target,
                             StoredDecimal(rule.bonus().target_volume(), "target_volume"));
        p->set_target_volume(target.ToString(scale));
        p->set_amount_to_target(std::max(Decimal(), target - t.volume).ToString(scale));
        break;
      }
      case IncentiveRule::kGrowth: {
        p->set_kind("growth");
        const DateRange baseline = BaselineOf(period, program.period(), rule.growth().baseline());
        CIM_ASSIGN_OR_RETURN(h.baseline_volume,
                             claims_.ApprovedSales(GrowthBaselineProgram(program, rule.growth()),
                                                   partner_id, baseline, RuleSkus(program, rule)));
        CIM_ASSIGN_OR_RETURN(const Decimal growth, StoredDecimal(rule.growth().min_growth_percent(),
                                                                 "min_growth_percent"));
        if (h.baseline_volume.sign() > 0) {
          const Decimal target = h.baseline_volume + h.baseline_volume.PercentOf(growth);
          p->set_target_volume(target.Rounded(scale).ToString(scale));
          p->set_amount_to_target(
              std::max(Decimal(), target - t.volume).Rounded(scale).ToString(scale));
        }
        break;
      }
      case IncentiveRule::kSpif:
        p->set_kind("spif");
        break;
      case IncentiveRule::kPoints:
        p->set_kind("points");
        break;
      case IncentiveRule::kCoopAccrual:
        p->set_kind("coop_accrual");
        break;
      default:
        break;
    }
  }

  // What each next step is worth, by the engine, on the approved history alone.
  for (int i = 0; i < program.rules_size(); ++i) {
    const IncentiveRule& rule = program.rules(i);
    cim::v1::RuleProgress* p = nullptr;
    for (cim::v1::RuleProgress& r : *progress.mutable_rules()) {
      if (r.rule_id() == rule.id()) p = &r;
    }
    if (p == nullptr || p->reached()) continue;
    const std::string& more =
        !p->amount_to_next_tier().empty() ? p->amount_to_next_tier() : p->amount_to_target();
    if (more.empty()) continue;
    CIM_ASSIGN_OR_RETURN(const Decimal amount, Decimal::Parse(more));
    CIM_RETURN_IF_ERROR(
        NextStepWorth(program, rule, history, today, partner_tier, amount, scale, *p));
  }

  // Earned (rewards net of reversals; reimbursements only move fund money to payable), paid
  // (payable money in paid statements) and points, from the ledger.
  CIM_ASSIGN_OR_RETURN(
      std::vector<KindTotal> totals_by_kind,
      ledger_.KindTotals(LedgerFilter{.partner_id = partner_id, .program_id = program.id()}));
  Decimal earned, paid, points;
  for (const KindTotal& t : totals_by_kind) {
    if (t.account == cim::v1::LEDGER_ACCOUNT_POINTS) {
      points += t.amount;
      continue;
    }
    if (t.kind != cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT) earned += t.amount;
    if (t.account == cim::v1::LEDGER_ACCOUNT_PAYABLE) paid += t.paid;
  }
  progress.set_earned(earned.ToString(scale));
  progress.set_paid(paid.ToString(scale));
  progress.set_points(points.ToString(0));

  // Pending: claims awaiting review, estimated in submission order on top of the current
  // period's history (claims in other periods start from that period's recorded totals).
  std::vector<Claim> pending;
  for (cim::v1::ClaimStatus status :
       {cim::v1::CLAIM_STATUS_SUBMITTED, cim::v1::CLAIM_STATUS_IN_REVIEW,
        cim::v1::CLAIM_STATUS_NEEDS_INFO}) {
    CIM_ASSIGN_OR_RETURN(
        std::vector<Claim> rows,
        claims_.List(
            ClaimFilter{.status = status, .program_id = program.id(), .partner_id = partner_id},
            /*before_id=*/0, kMaxPendingClaimsEstimated));
    for (Claim& c : rows) pending.push_back(std::move(c));
  }
  std::sort(pending.begin(), pending.end(),
            [](const Claim& a, const Claim& b) { return a.id() < b.id(); });
  if (pending.size() > static_cast<size_t>(kMaxPendingClaimsEstimated)) {
    pending.resize(kMaxPendingClaimsEstimated);
  }
  Decimal pending_sales, pending_rewards;
  for (const Claim& summary : pending) {
    CIM_ASSIGN_OR_RETURN(const Claim claim, claims_.Get(summary.id()));
    CIM_ASSIGN_OR_RETURN(const Decimal total, StoredDecimal(claim.total_amount(), "total_amount"));
    pending_sales += total;
    SaleClaim sale = ToSaleClaim(claim);
    sale.partner_tier = partner_tier;
    const bool same_period = ClaimPeriod(program, sale.invoice_date) == period;
    absl::flat_hash_map<std::string, RuleHistory> claim_history;
    if (same_period) {
      claim_history = history;
    } else {
      const absl::CivilDay other = ClaimPeriod(program, sale.invoice_date).first;
      CIM_ASSIGN_OR_RETURN(auto other_totals,
                           claims_.PeriodTotals(program.id(), partner_id, other));
      for (const auto& [rule, t] : other_totals) {
        claim_history[rule] = RuleHistory{.volume = t.volume,
                                          .rebate_posted = t.rebate_posted,
                                          .lump_sum_posted = t.lump_sum_posted};
      }
    }
    CIM_ASSIGN_OR_RETURN(std::vector<RuleEvaluation> evaluations,
                         EvaluateSaleClaim(program, sale, claim_history));
    for (const RuleEvaluation& e : evaluations) {
      for (const Reward& r : e.rewards) {
        if (r.DrawsBudget()) pending_rewards += r.amount;
      }
      if (!same_period) continue;
      history[e.rule_id].Add(PeriodIncrement(e));
    }
  }
  progress.set_pending_claims(static_cast<int>(pending.size()));
  progress.set_pending_sales(pending_sales.ToString(scale));
  progress.set_pending_rewards(pending_rewards.ToString(scale));
  return progress;
}

}  // namespace cim
