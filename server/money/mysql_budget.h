// Program budgets on MySQL/MariaDB: a budget is split over slices (program_budget_slices) so
// that draws for different partners do not queue on one row. Functions run on a caller's
// session, inside its transaction.
#ifndef CIM_SERVER_MONEY_MYSQL_BUDGET_H_
#define CIM_SERVER_MONEY_MYSQL_BUDGET_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "lib/decimal.h"
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

// A program's budget locked (the program row shared, then every slice exclusively) for several
// draws in one transaction: the draws happen in memory, in order, and Write stores the result
// once.
class LockedBudget {
 public:
  // Locks the program's budget on `session`. NOT_FOUND if the program does not exist.
  static absl::StatusOr<LockedBudget> Lock(soci::session& session, int64_t program_id);

  // Replaces the budget. FAILED_PRECONDITION (changing nothing) if it is below what is drawn.
  absl::Status SetBudget(const Decimal& budget);
  // Adds `amount` to slice `slice` (a refund when negative, taken from any slice that has
  // drawn). FAILED_PRECONDITION naming what remains (changing nothing) if the budget cannot
  // cover it, or naming what was drawn if a refund is larger than that.
  absl::Status Draw(int slice, const Decimal& amount);
  // Stores every slice's draw, with what the budget leaves spread evenly over their caps.
  void Write(soci::session& session) const;

 private:
  LockedBudget() = default;
  Decimal Total() const;

  int64_t program_id_ = 0;
  Decimal budget_;
  std::string currency_;
  std::array<Decimal, kBudgetSlices> drawn_;
};

}  // namespace cim

#endif  // CIM_SERVER_MONEY_MYSQL_BUDGET_H_
