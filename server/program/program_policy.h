// Program lifecycle and eligibility rules. Pure C++.
#ifndef CIM_SERVER_PROGRAM_PROGRAM_POLICY_H_
#define CIM_SERVER_PROGRAM_PROGRAM_POLICY_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/program.pb.h"

namespace cim {

// OK if a program may go from `from` to `to`: draft → active, active ⇄ paused,
// active or paused → closed. FAILED_PRECONDITION naming both statuses otherwise.
absl::Status CheckTransition(cim::v1::ProgramStatus from, cim::v1::ProgramStatus to);

// Every reason `partner` is outside `audience` (empty when inside), each with the step that
// would change it. `certifications` are the codes held by the partner's users; `what` names the
// thing the audience is of ("program", "item").
std::vector<cim::v1::EligibilityGap> EligibilityGaps(
    const cim::v1::Eligibility& audience, const cim::v1::Partner& partner,
    const absl::flat_hash_set<std::string>& certifications, absl::string_view what);

// Every reason `partner` may not enroll in `program` (empty when eligible).
inline std::vector<cim::v1::EligibilityGap> EligibilityGaps(
    const cim::v1::Program& program, const cim::v1::Partner& partner,
    const absl::flat_hash_set<std::string>& certifications) {
  return EligibilityGaps(program.eligibility(), partner, certifications, "program");
}

// The API name of a status without its prefix ("ACTIVE").
std::string ProgramStatusName(cim::v1::ProgramStatus status);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_PROGRAM_POLICY_H_
