// Claim decisions in MariaDB: a batch of review decisions (approve, reject, ask for
// information, resubmit) taken in one transaction, with the claims, budgets and reward totals
// they touch locked once and changed in memory job after job. The claim store's DecideMany
// runs it.
#ifndef CIM_SERVER_CLAIM_MYSQL_CLAIM_DECISIONS_H_
#define CIM_SERVER_CLAIM_MYSQL_CLAIM_DECISIONS_H_

#include <soci/soci.h>

#include <vector>

#include "absl/status/statusor.h"
#include "server/claim/claim_repository.h"
#include "server/program/mysql_program_repository.h"

namespace cim {

// Takes every job's decision in one transaction (see ClaimRepository::DecideMany): each job's
// result is the claim as it left it, or why it changed nothing. Fails as a whole only for a
// database error.
absl::StatusOr<std::vector<absl::StatusOr<Claim>>> DecideAll(soci::session& s,
                                                             ProgramCache& program_cache,
                                                             const std::vector<DecideJob>& jobs);

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_CLAIM_DECISIONS_H_
