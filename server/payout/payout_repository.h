// Storage of payout runs and statements.
#ifndef CIM_SERVER_PAYOUT_PAYOUT_REPOSITORY_H_
#define CIM_SERVER_PAYOUT_PAYOUT_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/payout.pb.h"
#include "lib/dates.h"

namespace cim {

using cim::v1::PayoutRun;
using cim::v1::Statement;

struct StatementFilter {
  cim::v1::StatementStatus status = cim::v1::STATEMENT_STATUS_UNSPECIFIED;
  int64_t partner_id = 0;
  int64_t payout_run_id = 0;
  // Statements with at least one entry of the program (0: any).
  int64_t program_id = 0;
  // Statements whose run's period overlaps this range.
  DateRange period{absl::CivilDay(2000, 1, 1), absl::CivilDay(2199, 12, 31)};
};

// A payout run to make, once per (created_by, idempotency_key).
struct NewPayoutRun {
  absl::CivilDay period_start;
  absl::CivilDay period_end;
  std::string idempotency_key;
  int64_t created_by = 0;
};

class PayoutRepository {
 public:
  virtual ~PayoutRepository() = default;
  // In one transaction: a run for [period_start, period_end] with one OPEN statement per
  // partner and currency over every payable entry posted before the day after period_end that
  // is in no statement yet (PAYOUT entries excluded); groups whose sum is not positive are left
  // for a later run. The run `created_by` already made with the same idempotency key, as it is
  // now, if there is one (whatever its period). ABORTED if a concurrent run took some of the
  // same entries.
  virtual absl::StatusOr<PayoutRun> CreateRun(const NewPayoutRun& run, absl::Time now) = 0;
  // The statement with its entries. NOT_FOUND if none.
  virtual absl::StatusOr<Statement> Get(int64_t id) = 0;
  // Newest first, id < before_id (0: from the newest), without entries.
  virtual absl::StatusOr<std::vector<Statement>> List(const StatementFilter& filter,
                                                      int64_t before_id, int limit) = 0;
  // In one transaction: OPEN → PAID with `reference`, a PAYOUT entry taking the total out of
  // payable, and every APPROVED claim whose payable entries are now all paid → PAID (with a
  // timeline event). FAILED_PRECONDITION if the statement is not OPEN; ABORTED if `etag` is
  // set and stale.
  virtual absl::StatusOr<Statement> MarkPaid(int64_t id, const std::string& etag,
                                             const std::string& reference, int64_t actor,
                                             absl::Time now) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_PAYOUT_PAYOUT_REPOSITORY_H_
