#include "server/money/mysql_budget.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"

namespace cim {

absl::Status DrawBudget(soci::session& s, int64_t program_id, int64_t hint, const Decimal& amount) {
  if (amount.is_zero()) return absl::OkStatus();
  long long id = program_id;
  int slice = static_cast<int>(hint % kBudgetSlices);
  // A refund goes through the redistribution, which can take it from any slice.
  if (amount.sign() < 0) return RebalanceBudget(s, program_id, std::nullopt, slice, amount);
  std::string draw = amount.ToString();
  soci::statement st =
      (s.prepare << "UPDATE program_budget_slices SET drawn = drawn + :draw"
                    " WHERE program_id = :id AND slice = :slice AND drawn + :draw2 <= cap",
       soci::use(draw), soci::use(id), soci::use(slice), soci::use(draw));
  st.execute(true);
  if (st.get_affected_rows() > 0) return absl::OkStatus();
  // The slice cannot cover it: pool what every slice has left.
  return RebalanceBudget(s, program_id, std::nullopt, slice, amount);
}

absl::Status RebalanceBudget(soci::session& s, int64_t program_id,
                             std::optional<Decimal> new_budget, int slice, const Decimal& draw) {
  CIM_ASSIGN_OR_RETURN(LockedBudget budget, LockedBudget::Lock(s, program_id));
  if (new_budget) CIM_RETURN_IF_ERROR(budget.SetBudget(*new_budget));
  CIM_RETURN_IF_ERROR(budget.Draw(slice, draw));
  budget.Write(s);
  return absl::OkStatus();
}

absl::StatusOr<LockedBudget> LockedBudget::Lock(soci::session& s, int64_t program_id) {
  LockedBudget out;
  out.program_id_ = program_id;
  long long id = program_id;
  // A shared lock is enough to keep the budget from changing (only UPDATE programs changes it),
  // and it does not queue behind the shared locks that claim inserts take on the program row
  // through their foreign key.
  std::string budget_text;
  s << "SELECT CAST(budget AS CHAR), currency_code FROM programs WHERE id = :id"
       " LOCK IN SHARE MODE",
      soci::use(id), soci::into(budget_text), soci::into(out.currency_);
  if (!s.got_data()) return NotFoundError("program", program_id);
  CIM_ASSIGN_OR_RETURN(out.budget_, Decimal::Parse(budget_text));
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT slice, CAST(drawn AS CHAR) FROM program_budget_slices"
                    " WHERE program_id = :id ORDER BY slice FOR UPDATE",
       soci::use(id));
  for (const soci::row& r : rows) {
    const int i = r.get<int>(0);
    if (i < 0 || i >= kBudgetSlices) continue;
    CIM_ASSIGN_OR_RETURN(out.drawn_[i], Decimal::Parse(r.get<std::string>(1)));
  }
  return out;
}

Decimal LockedBudget::Total() const {
  Decimal total;
  for (const Decimal& d : drawn_) total += d;
  return total;
}

absl::Status LockedBudget::SetBudget(const Decimal& budget) {
  const Decimal drawn = Total();
  if (drawn > budget) {
    return absl::FailedPreconditionError(Phrase("error.budget_below_drawn")
                                             .Money("budget", budget, currency_)
                                             .Money("drawn", drawn, currency_)
                                             .str());
  }
  budget_ = budget;
  return absl::OkStatus();
}

absl::Status LockedBudget::Draw(int slice, const Decimal& amount) {
  const Decimal before = Total();
  if (before + amount > budget_) {
    return absl::FailedPreconditionError(Phrase("error.budget_cannot_cover")
                                             .Money("amount", amount, currency_)
                                             .Money("left", budget_ - before, currency_)
                                             .str());
  }
  if ((before + amount).sign() < 0) {
    return absl::FailedPreconditionError(Phrase("error.budget_return_exceeds")
                                             .Money("amount", -amount, currency_)
                                             .Money("drawn", before, currency_)
                                             .str());
  }
  drawn_[slice] += amount;
  // A refund larger than the slice's own draw comes out of the other slices.
  for (int i = 0; i < kBudgetSlices && drawn_[slice].sign() < 0; ++i) {
    const Decimal moved = std::min(drawn_[i], -drawn_[slice]);
    if (i == slice || moved.sign() <= 0) continue;
    drawn_[i] -= moved;
    drawn_[slice] += moved;
  }
  return absl::OkStatus();
}

void LockedBudget::Write(soci::session& s) const {
  // Spread what remains evenly (to 4 decimal places; the rest to slice 0).
  const Decimal remaining = budget_ - Total();
  const Decimal share = remaining.DividedBy(Decimal::FromInt(kBudgetSlices), 6).Truncated(4);
  const Decimal rest = remaining - share * Decimal::FromInt(kBudgetSlices);
  SqlBuilder q("INSERT INTO program_budget_slices (program_id, slice, cap, drawn) VALUES ");
  for (int i = 0; i < kBudgetSlices; ++i) {
    if (i > 0) q << ", ";
    q.Tuple(program_id_, i, (drawn_[i] + share + (i == 0 ? rest : Decimal())).ToString(),
            drawn_[i].ToString());
  }
  q << " ON DUPLICATE KEY UPDATE cap = VALUES(cap), drawn = VALUES(drawn)";
  q.Execute(s);
}

}  // namespace cim
