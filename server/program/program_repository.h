// Storage of programs, their rules and terms versions, and enrollments.
#ifndef CIM_SERVER_PROGRAM_PROGRAM_REPOSITORY_H_
#define CIM_SERVER_PROGRAM_PROGRAM_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/program.pb.h"
#include "lib/decimal.h"
#include "server/events/notification_event.h"
#include "server/money/ledger_repository.h"

namespace cim {

using cim::v1::Enrollment;
using cim::v1::Program;
using cim::v1::ProgramRulesVersion;

struct ProgramFilter {
  cim::v1::ProgramStatus status = cim::v1::PROGRAM_STATUS_UNSPECIFIED;
  // Excludes drafts when true (what partner roles may see).
  bool exclude_drafts = false;
  std::string name_contains;
};

struct EnrollmentFilter {
  int64_t program_id = 0;
  int64_t partner_id = 0;
};

class ProgramRepository {
 public:
  virtual ~ProgramRepository() = default;
  // Inserts `program` (id ignored) with its rules as version program.rules_version() and its
  // terms as version program.terms_version(), created by `actor` at `now`.
  virtual absl::StatusOr<Program> Create(const Program& program, int64_t actor, absl::Time now) = 0;
  // The program with its current rules and terms, budget drawn and remaining.
  // NOT_FOUND if no program has `id`.
  virtual absl::StatusOr<Program> Get(int64_t id) = 0;
  // The definitions of the programs of `ids` that exist, by id: as Get returns them, except
  // that budget_drawn and budget_remaining may be stale. Costs one small query when nothing
  // changed since the last call (programs are cached by version).
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, Program>> GetDefinitions(
      const std::vector<int64_t>& ids) = 0;
  // Up to `limit` programs matching `filter` with id > `after_id`, ordered by id.
  virtual absl::StatusOr<std::vector<Program>> List(const ProgramFilter& filter, int64_t after_id,
                                                    int limit) = 0;
  // Stores every mutable field of `program` (by id) if its stored etag is still
  // `program.etag()`, in one transaction: the rules are written as version
  // program.rules_version() (a new row, or the current row replaced) and the terms likewise.
  // budget_drawn is never written here. NOT_FOUND if the program does not exist; ABORTED if it
  // changed since the etag; FAILED_PRECONDITION if the budget is below what is drawn.
  // `notices` are written in the same transaction (a program opening to partners).
  virtual absl::StatusOr<Program> Update(const Program& program, int64_t actor, absl::Time now,
                                         const std::vector<NotificationEvent>& notices) = 0;
  absl::StatusOr<Program> Update(const Program& program, int64_t actor, absl::Time now) {
    return Update(program, actor, now, {});
  }
  // Every rules version, newest first. NOT_FOUND for an unknown program.
  virtual absl::StatusOr<std::vector<ProgramRulesVersion>> ListRulesVersions(
      int64_t program_id) = 0;

  // Every terms version, newest first, with who of `partner_id` accepted each and when (none
  // for partner_id 0). NOT_FOUND for an unknown program.
  virtual absl::StatusOr<std::vector<cim::v1::ProgramTermsVersion>> ListTermsVersions(
      int64_t program_id, int64_t partner_id) = 0;

  // In one transaction: stores the enrollment and its acceptance of the terms, appends
  // `postings` (fund allocations) and draws `budget_draw` from the program's budget. ALREADY_EXISTS
  // if the partner is already enrolled; FAILED_PRECONDITION (writing nothing) if the budget cannot
  // cover the draw.
  virtual absl::StatusOr<Enrollment> Enroll(const Enrollment& enrollment,
                                            const std::vector<LedgerPosting>& postings,
                                            const Decimal& budget_draw) = 0;
  // In one transaction: records that `user_id` of the enrolled partner accepted terms version
  // `version` of the program at `now`, and returns the enrollment. NOT_FOUND if the partner is
  // not enrolled; FAILED_PRECONDITION if `version` is not the program's current terms version.
  virtual absl::StatusOr<Enrollment> AcceptTerms(int64_t program_id, int64_t partner_id,
                                                 int32_t version, int64_t user_id,
                                                 absl::Time now) = 0;
  // NOT_FOUND if the partner is not enrolled in the program.
  virtual absl::StatusOr<Enrollment> GetEnrollment(int64_t program_id, int64_t partner_id) = 0;
  // The (program id, partner id) pairs of `pairs` that are enrolled, each with the terms version
  // the partner accepted last, in one query.
  virtual absl::StatusOr<absl::flat_hash_map<std::pair<int64_t, int64_t>, int32_t>>
  AcceptedTermsVersions(const std::vector<std::pair<int64_t, int64_t>>& pairs) = 0;
  // Up to `limit` enrollments matching `filter` with id > `after_id`, ordered by id.
  virtual absl::StatusOr<std::vector<Enrollment>> ListEnrollments(const EnrollmentFilter& filter,
                                                                  int64_t after_id, int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PROGRAM_REPOSITORY_H_
