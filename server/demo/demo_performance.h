// Demo program costs: the admin, training and marketing spend entered against the demo's
// running programs, so the ROI pages show a total program cost beyond the rewards.
#ifndef CIM_SERVER_DEMO_DEMO_PERFORMANCE_H_
#define CIM_SERVER_DEMO_DEMO_PERFORMANCE_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/performance/performance_repository.h"
#include "server/program/program_repository.h"

namespace cim {

// Enters the demo costs against every started, non-draft program (as `program_admin_id`);
// returns how many. Costs dated after `today` are left out.
absl::StatusOr<int> LoadDemoProgramCosts(PerformanceRepository& performance,
                                         ProgramRepository& programs, int64_t program_admin_id,
                                         absl::Time today);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_PERFORMANCE_H_
