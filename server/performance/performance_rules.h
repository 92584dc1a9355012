// Program performance arithmetic beyond ROI itself: the default baseline period, sharing
// program-level costs out over segments, budget burn and its forecast, claim cycle times, and
// the what-if simulation that replays a program's rules over historical claims. Pure C++,
// exact decimals, clock injected by the caller (`today`).
#ifndef CIM_SERVER_PERFORMANCE_PERFORMANCE_RULES_H_
#define CIM_SERVER_PERFORMANCE_PERFORMANCE_RULES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "cim/v1/program.pb.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "server/program/reward_engine.h"

namespace cim {

// The part of a program's dates measured so far: start to the end or `today`, whichever is
// earlier. nullopt before the program starts.
std::optional<DateRange> MeasuredPeriod(const DateRange& program, absl::CivilDay today);

// The default baseline: as many days as `period`, ending the day before it starts.
DateRange DefaultBaseline(const DateRange& period);

// Days in a range (inclusive).
int64_t DaysIn(const DateRange& range);

// Shares `total` out over `weights` (≥ 0) in proportion, rounded to `scale` fraction digits so
// that the shares add up to `total` exactly: each share is rounded down, and the units left go
// to the largest remainders (earlier weights first on ties). All-zero weights share nothing
// (every share zero) unless `total` is zero.
std::vector<Decimal> AllocateByWeight(const Decimal& total, const std::vector<Decimal>& weights,
                                      int scale);

struct BudgetForecast {
  // drawn / days elapsed, rounded to `scale` (zero before anything is drawn).
  Decimal daily_burn;
  // The day the remaining budget runs out at daily_burn, if that is on or before `end`.
  std::optional<absl::CivilDay> exhaustion;
};

// Forecasts a budget from what was drawn between `start` and `today` (inclusive). A budget
// already spent is exhausted `today`.
BudgetForecast ForecastBudget(const Decimal& budget, const Decimal& drawn, absl::CivilDay start,
                              absl::CivilDay today, absl::CivilDay end, int scale);

// Average and median of `hours` (0 for none).
struct CycleTimes {
  double average_hours = 0;
  double median_hours = 0;
};
CycleTimes SummariseCycleTimes(std::vector<double> hours);

// One approved sale claim, as replayed by the simulation (sale.partner_tier: the partner's
// tier today, which the simulated rules' uplifts see).
struct HistoricalClaim {
  int64_t claim_id = 0;
  int64_t partner_id = 0;
  SaleClaim sale;
  // Cost of goods sold of its lines (quantity × product unit cost).
  Decimal cogs;
  // When it was approved: claims are replayed in this order, as they were decided.
  absl::Time approved_at;
};

struct SimulatedPartner {
  Decimal sales;
  Decimal cogs;
  Decimal money;
  Decimal points;
  int64_t claims = 0;
};

struct SimulationTotals {
  int64_t claims = 0;
  int64_t lines = 0;
  Decimal sales;
  Decimal cogs;
  Decimal money;   // rewards that draw on the budget (payable, co-op, MDF)
  Decimal points;  // points rewards
  // Money the budget would have covered, and the first day it would not have covered a reward.
  Decimal covered_by_budget;
  std::optional<absl::CivilDay> exhaustion;
  std::map<int64_t, SimulatedPartner> by_partner;
  std::map<std::string, Decimal> money_by_rule;
  std::map<std::string, Decimal> points_by_rule;
};

// Eligible sales of a partner in a baseline range of a growth rule's baseline program (the
// caller reads them).
using BaselineSales = std::function<absl::StatusOr<Decimal>(int64_t program_id, int64_t partner_id,
                                                            const DateRange& range,
                                                            const std::vector<std::string>& skus)>;

// Replays `program`'s rules over claims given in approval order, keeping each partner's
// period totals in memory exactly as approvals keep them in the database, so that replaying the
// claims a program approved gives the rewards it posted.
class RewardSimulator {
 public:
  RewardSimulator(cim::v1::Program program, Decimal budget, BaselineSales baseline);

  // Evaluates one claim (claims must come in approval order). INVALID_ARGUMENT if the rules do
  // not parse; errors from `baseline` as they are.
  absl::Status Add(const HistoricalClaim& claim);

  const SimulationTotals& totals() const { return totals_; }

 private:
  struct PeriodKey {
    int64_t partner_id;
    std::string rule_id;
    absl::CivilDay period_start;
    template <typename H>
    friend H AbslHashValue(H h, const PeriodKey& k) {
      return H::combine(std::move(h), k.partner_id, k.rule_id, k.period_start);
    }
    bool operator==(const PeriodKey&) const = default;
  };

  cim::v1::Program program_;
  Decimal budget_;
  BaselineSales baseline_;
  absl::flat_hash_map<PeriodKey, RuleHistory> history_;
  SimulationTotals totals_;
};

}  // namespace cim

#endif  // CIM_SERVER_PERFORMANCE_PERFORMANCE_RULES_H_
