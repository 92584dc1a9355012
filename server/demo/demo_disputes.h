// Demo disputes from the demo partner Amstel Systems: one resolved with an adjustment, one
// refused, one still open, so the partner's and the console's dispute pages are not empty.
// Everything goes through DisputeWorkflow, as the API would, on a clock set days back.
#ifndef CIM_SERVER_DEMO_DEMO_DISPUTES_H_
#define CIM_SERVER_DEMO_DEMO_DISPUTES_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/dispute/dispute_repository.h"
#include "server/identity/user_repository.h"
#include "server/money/ledger_repository.h"
#include "server/program/program_repository.h"

namespace cim {

// Opens and handles the demo disputes (after LoadDemoPrograms); returns how many were opened.
absl::StatusOr<int> LoadDemoDisputes(DisputeRepository& disputes, ProgramRepository& programs,
                                     LedgerRepository& ledger, UserRepository& users,
                                     absl::Time today);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_DISPUTES_H_
