// Program ROI as the brief defines it (DESIGN.md §1), from measured inputs to every
// intermediate figure, so each result can be traced:
//   baseline (scaled to the program period's length) → incremental sales and their cost of
//   goods sold → gross profit → total program cost → net profit → ROI %.
// Pure C++, exact decimals.
#ifndef CIM_SERVER_PERFORMANCE_ROI_RULES_H_
#define CIM_SERVER_PERFORMANCE_ROI_RULES_H_

#include <cstdint>
#include <optional>

#include "lib/decimal.h"

namespace cim {

// What ROI is computed from, in one currency.
struct RoiInputs {
  // Sales through the program's partners in the program period, and their cost of goods sold
  // (units × product unit cost).
  Decimal program_sales;
  Decimal program_cogs;
  int64_t program_days = 0;  // > 0
  // The same for the baseline period (default: as long, immediately before).
  Decimal baseline_sales;
  Decimal baseline_cogs;
  int64_t baseline_days = 0;  // > 0
  // Total program cost: rewards posted plus the costs entered against the program.
  Decimal rewards;
  Decimal admin_cost;
  Decimal training_cost;
  Decimal marketing_cost;
  // Fraction digits money is rounded to (the currency's minor units).
  int money_scale = 2;
};

struct RoiFigures {
  // The baseline scaled to the program period: sales × program_days / baseline_days (the
  // same for COGS), rounded to money_scale.
  Decimal expected_sales;
  Decimal expected_cogs;
  // program − expected (negative when sales fell).
  Decimal incremental_sales;
  Decimal incremental_cogs;
  // incremental_sales − incremental_cogs.
  Decimal gross_profit;
  // rewards + admin + training + marketing.
  Decimal total_cost;
  // gross_profit − total_cost.
  Decimal net_profit;
  // net_profit / total_cost × 100, rounded half away from zero to 2 decimals; unset when the
  // program cost nothing (no ROI to speak of).
  std::optional<Decimal> roi_percent;
};

// The figures for `in`. Money is rounded once, where the baseline is scaled; the rest is
// exact sums and differences.
RoiFigures ComputeRoi(const RoiInputs& in);

}  // namespace cim

#endif  // CIM_SERVER_PERFORMANCE_ROI_RULES_H_
