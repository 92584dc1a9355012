// ProgramRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_
#define CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_

#include <optional>

#include "server/db/mysql_database.h"
#include "server/program/program_repository.h"

namespace cim {

// The program with its current rules and terms, read on `session` (inside a caller's
// transaction). NOT_FOUND if no program has `id`.
absl::StatusOr<Program> ReadProgram(soci::session& session, int64_t id);

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

class MysqlProgramRepository final : public ProgramRepository {
 public:
  explicit MysqlProgramRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<Program> Create(const Program& program, int64_t actor, absl::Time now) override;
  absl::StatusOr<Program> Get(int64_t id) override;
  absl::StatusOr<std::vector<Program>> List(const ProgramFilter& filter, int64_t after_id,
                                            int limit) override;
  absl::StatusOr<Program> Update(const Program& program, int64_t actor, absl::Time now) override;
  absl::StatusOr<std::vector<ProgramRulesVersion>> ListRulesVersions(int64_t program_id) override;
  absl::StatusOr<Enrollment> Enroll(const Enrollment& enrollment,
                                    const std::vector<LedgerPosting>& postings,
                                    const Decimal& budget_draw) override;
  absl::StatusOr<Enrollment> GetEnrollment(int64_t program_id, int64_t partner_id) override;
  absl::StatusOr<std::vector<Enrollment>> ListEnrollments(const EnrollmentFilter& filter,
                                                          int64_t after_id, int limit) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_MYSQL_PROGRAM_REPOSITORY_H_
