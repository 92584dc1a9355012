#include "server/performance/performance_rules.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/numbers.h"

namespace cim {

std::optional<DateRange> MeasuredPeriod(const DateRange& program, absl::CivilDay today) {
  if (today < program.first) return std::nullopt;
  return DateRange{program.first, std::min(program.last, today)};
}

DateRange DefaultBaseline(const DateRange& period) {
  const int64_t days = DaysIn(period);
  return DateRange{period.first - days, period.first - 1};
}

int64_t DaysIn(const DateRange& range) { return range.last - range.first + 1; }

std::vector<Decimal> AllocateByWeight(const Decimal& total, const std::vector<Decimal>& weights,
                                      int scale) {
  std::vector<Decimal> shares(weights.size());
  Decimal weight_sum;
  for (const Decimal& w : weights) weight_sum += w;
  if (weight_sum.is_zero() || total.is_zero()) return shares;
  int64_t tens = 1;
  for (int i = 0; i < scale; ++i) tens *= 10;
  const Decimal unit = Decimal::FromInt(1).DividedBy(Decimal::FromInt(tens), scale);
  const int sign = total.sign();
  const Decimal magnitude = sign < 0 ? -total : total;
  struct Part {
    size_t index;
    Decimal remainder;
  };
  std::vector<Part> parts;
  Decimal given;
  for (size_t i = 0; i < weights.size(); ++i) {
    // Six spare digits order the remainders (and keep the 128-bit arithmetic far from overflow
    // for amounts up to 10^15).
    const Decimal exact = (magnitude * weights[i]).DividedBy(weight_sum, scale + 6);
    const Decimal floor = exact.Truncated(scale);
    shares[i] = floor;
    given += floor;
    parts.push_back(Part{i, exact - floor});
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const Part& a, const Part& b) { return a.remainder > b.remainder; });
  for (size_t k = 0; given < magnitude && k < parts.size(); ++k) {
    shares[parts[k].index] += unit;
    given += unit;
  }
  if (sign < 0) {
    for (Decimal& s : shares) s = -s;
  }
  return shares;
}

BudgetForecast ForecastBudget(const Decimal& budget, const Decimal& drawn, absl::CivilDay start,
                              absl::CivilDay today, absl::CivilDay end, int scale) {
  BudgetForecast out;
  const int64_t elapsed = std::max<int64_t>(1, today - start + 1);
  out.daily_burn = drawn.DividedBy(Decimal::FromInt(elapsed), scale);
  const Decimal remaining = budget - drawn;
  if (remaining.sign() <= 0) {
    out.exhaustion = today;
    return out;
  }
  if (drawn.sign() <= 0) return out;
  // Whole days the remaining budget lasts at the average daily draw: exhausted on the day the
  // cumulative draw first reaches the budget.
  const Decimal days = (remaining * Decimal::FromInt(elapsed)).DividedBy(drawn, 6);
  const Decimal whole = days.Truncated(0);
  int64_t n = 0;
  if (!absl::SimpleAtoi(whole.ToString(), &n)) return out;
  if (whole < days) ++n;  // a part of a day still needs that day
  if (n > end - today) return out;
  out.exhaustion = today + n;
  return out;
}

CycleTimes SummariseCycleTimes(std::vector<double> hours) {
  CycleTimes out;
  if (hours.empty()) return out;
  std::sort(hours.begin(), hours.end());
  out.average_hours = std::accumulate(hours.begin(), hours.end(), 0.0) / hours.size();
  const size_t mid = hours.size() / 2;
  out.median_hours = hours.size() % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2;
  return out;
}

RewardSimulator::RewardSimulator(cim::v1::Program program, Decimal budget, BaselineSales baseline)
    : program_(std::move(program)), budget_(budget), baseline_(std::move(baseline)) {}

absl::Status RewardSimulator::Add(const HistoricalClaim& claim) {
  const DateRange period = ClaimPeriod(program_, claim.sale.invoice_date);
  absl::flat_hash_map<std::string, RuleHistory> history;
  for (const cim::v1::IncentiveRule& rule : program_.rules()) {
    if (rule.kind_case() == cim::v1::IncentiveRule::kMdfAllocation) continue;
    RuleHistory h = history_[PeriodKey{claim.partner_id, rule.id(), period.first}];
    if (rule.kind_case() == cim::v1::IncentiveRule::kGrowth) {
      const DateRange range = BaselineOf(period, program_.period(), rule.growth().baseline());
      absl::StatusOr<Decimal> sales = baseline_(GrowthBaselineProgram(program_, rule.growth()),
                                                claim.partner_id, range, RuleSkus(program_, rule));
      if (!sales.ok()) return sales.status();
      h.baseline_volume = *sales;
    }
    history[rule.id()] = h;
  }
  absl::StatusOr<std::vector<RuleEvaluation>> evaluations =
      EvaluateSaleClaim(program_, claim.sale, history);
  if (!evaluations.ok()) return evaluations.status();

  SimulatedPartner& partner = totals_.by_partner[claim.partner_id];
  Decimal sales;
  for (const SaleLine& line : claim.sale.lines) sales += line.Amount();
  ++totals_.claims;
  totals_.lines += static_cast<int64_t>(claim.sale.lines.size());
  totals_.sales += sales;
  totals_.cogs += claim.cogs;
  ++partner.claims;
  partner.sales += sales;
  partner.cogs += claim.cogs;
  for (const RuleEvaluation& evaluation : *evaluations) {
    history_[PeriodKey{claim.partner_id, evaluation.rule_id, period.first}].Add(
        PeriodIncrement(evaluation));
    for (const Reward& reward : evaluation.rewards) {
      if (!reward.DrawsBudget()) {
        totals_.points += reward.amount;
        partner.points += reward.amount;
        totals_.points_by_rule[reward.rule_id] += reward.amount;
        continue;
      }
      totals_.money += reward.amount;
      partner.money += reward.amount;
      totals_.money_by_rule[reward.rule_id] += reward.amount;
      if (totals_.exhaustion) continue;
      if (totals_.covered_by_budget + reward.amount > budget_) {
        totals_.exhaustion = DayOf(claim.approved_at);
        totals_.covered_by_budget = budget_;
      } else {
        totals_.covered_by_budget += reward.amount;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace cim
