// Program budgets on MySQL/MariaDB: a budget is split over slices (program_budget_slices) so
// that draws for different partners do not queue on one row. Functions run on a caller's
// session, inside its transaction.
#ifndef CIM_SERVER_PROGRAM_MYSQL_BUDGET_H_
#define CIM_SERVER_PROGRAM_MYSQL_BUDGET_H_

#include <cstdint>
#include <optional>

#include "server/common/decimal.h"
#include "server/db/mysql_database.h"

namespace cim {

// Budgets are split over this many slices (program_budget_slices).
inline constexpr int kBudgetSlices = 16;

// Draws `amount` from the program's budget on `session` (inside a caller's transaction), from
// the slice `hint` (e.g. the partner id) selects, or, when that slice cannot cover it, after
// redistributing what all slices have left. FAILED_PRECONDITION naming what remains if the
// whole budget cannot cover it.
absl::Status DrawBudget(soci::session& session, int64_t program_id, int64_t hint,
                        const Decimal& amount);

// Locks the program and all its budget slices, adds `draw` to slice `slice`, and spreads what
// the budget (`new_budget`, or the stored one) leaves over the slices' caps.
// FAILED_PRECONDITION if what is drawn would exceed the budget.
absl::Status RebalanceBudget(soci::session& session, int64_t program_id,
                             std::optional<Decimal> new_budget, int slice, const Decimal& draw);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_MYSQL_BUDGET_H_
