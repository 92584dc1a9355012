#include "server/program/mysql_budget.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/common/status_util.h"

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
  long long id = program_id;
  std::string budget_text, currency;
  s << "SELECT CAST(budget AS CHAR), currency_code FROM programs WHERE id = :id FOR UPDATE",
      soci::use(id), soci::into(budget_text), soci::into(currency);
  if (!s.got_data()) return absl::NotFoundError(absl::StrCat("program ", program_id, " not found"));
  CIM_ASSIGN_OR_RETURN(const Decimal budget, new_budget ? absl::StatusOr<Decimal>(*new_budget)
                                                        : Decimal::Parse(budget_text));
  std::vector<Decimal> drawn(kBudgetSlices);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT slice, CAST(drawn AS CHAR) FROM program_budget_slices"
                    " WHERE program_id = :id ORDER BY slice FOR UPDATE",
       soci::use(id));
  for (const soci::row& r : rows) {
    const int i = r.get<int>(0);
    if (i < 0 || i >= kBudgetSlices) continue;
    CIM_ASSIGN_OR_RETURN(drawn[i], Decimal::Parse(r.get<std::string>(1)));
  }
  drawn[slice] += draw;
  // A refund larger than the slice's own draw comes out of the other slices.
  for (int i = 0; i < kBudgetSlices && drawn[slice].sign() < 0; ++i) {
    const Decimal moved = std::min(drawn[i], -drawn[slice]);
    if (i == slice || moved.sign() <= 0) continue;
    drawn[i] -= moved;
    drawn[slice] += moved;
  }
  Decimal total;
  for (const Decimal& d : drawn) total += d;
  const int scale = CurrencyMinorUnits(currency).value_or(2);
  if (total > budget) {
    const Decimal before = total - draw;
    if (draw.is_zero()) {
      return absl::FailedPreconditionError(absl::StrCat("budget ", budget.ToString(scale),
                                                        " is below the ", before.ToString(scale),
                                                        " ", currency, " already drawn"));
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "the program budget cannot cover this: it needs ", draw.ToString(scale), " ", currency,
        " and ", (budget - before).ToString(scale), " ", currency, " remain"));
  }
  // Spread what remains evenly (to 4 decimal places; the rest to slice 0).
  const Decimal remaining = budget - total;
  const Decimal share = remaining.DividedBy(Decimal::FromInt(kBudgetSlices), 6).Truncated(4);
  const Decimal rest = remaining - share * Decimal::FromInt(kBudgetSlices);
  for (int i = 0; i < kBudgetSlices; ++i) {
    std::string cap = (drawn[i] + share + (i == 0 ? rest : Decimal())).ToString();
    std::string d = drawn[i].ToString();
    s << "INSERT INTO program_budget_slices (program_id, slice, cap, drawn)"
         " VALUES (:id, :slice, :cap, :drawn)"
         " ON DUPLICATE KEY UPDATE cap = VALUES(cap), drawn = VALUES(drawn)",
        soci::use(id), soci::use(i), soci::use(cap), soci::use(d);
  }
  return absl::OkStatus();
}

}  // namespace cim
