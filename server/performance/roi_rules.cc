#include "server/performance/roi_rules.h"

namespace cim {

RoiFigures ComputeRoi(const RoiInputs& in) {
  RoiFigures out;
  const Decimal program_days = Decimal::FromInt(in.program_days);
  const Decimal baseline_days = Decimal::FromInt(in.baseline_days);
  const auto scaled = [&](const Decimal& baseline) {
    if (in.baseline_days == in.program_days) return baseline;
    return (baseline * program_days).DividedBy(baseline_days, in.money_scale);
  };
  out.expected_sales = scaled(in.baseline_sales);
  out.expected_cogs = scaled(in.baseline_cogs);
  out.incremental_sales = in.program_sales - out.expected_sales;
  out.incremental_cogs = in.program_cogs - out.expected_cogs;
  out.gross_profit = out.incremental_sales - out.incremental_cogs;
  out.total_cost = in.rewards + in.admin_cost + in.training_cost + in.marketing_cost;
  out.net_profit = out.gross_profit - out.total_cost;
  if (!out.total_cost.is_zero()) {
    out.roi_percent = (out.net_profit * Decimal::FromInt(100)).DividedBy(out.total_cost, 2);
  }
  return out;
}

}  // namespace cim
