// Program performance and what-if simulation: who may read and enter what, request validation,
// and composing the figures (ROI with its inputs, breakdowns, budget forecast, funnel,
// engagement) from the repository's sums. Pure C++ over repositories; clock injected.
#ifndef CIM_SERVER_PERFORMANCE_PERFORMANCE_REPORTS_H_
#define CIM_SERVER_PERFORMANCE_PERFORMANCE_REPORTS_H_

#include "absl/status/statusor.h"
#include "cim/v1/performance_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/performance/performance_repository.h"
#include "server/program/program_directory.h"

namespace cim {

class PerformanceReports {
 public:
  PerformanceReports(PerformanceRepository& repository, ProgramDirectory& programs,
                     const Clock& clock)
      : repository_(repository), programs_(programs), clock_(clock) {}

  // Program admins and finance. INVALID_ARGUMENT (field details) for a missing category, a
  // zero or malformed amount, a description of 0 or over 500 characters, or a date outside the
  // program's dates; NOT_FOUND for an unknown program.
  absl::StatusOr<cim::v1::ProgramCost> AddCost(const Principal& caller,
                                               const cim::v1::AddProgramCostRequest& request);
  // Program admins and finance. NOT_FOUND; FAILED_PRECONDITION if already void.
  absl::StatusOr<cim::v1::ProgramCost> VoidCost(const Principal& caller,
                                                const cim::v1::VoidProgramCostRequest& request);
  // Vendor roles and service accounts (as every read below); PERMISSION_DENIED for partners.
  absl::StatusOr<cim::v1::ListProgramCostsResponse> ListCosts(
      const Principal& caller, const cim::v1::ListProgramCostsRequest& request);
  // FAILED_PRECONDITION before the program starts; INVALID_ARGUMENT for a bad baseline.
  absl::StatusOr<cim::v1::ProgramPerformance> Get(
      const Principal& caller, const cim::v1::GetProgramPerformanceRequest& request);
  // Every started program, newest first, without breakdowns.
  absl::StatusOr<cim::v1::ListProgramPerformanceResponse> List(const Principal& caller);
  // Writes nothing. INVALID_ARGUMENT for bad dates or a changed program that would not
  // validate (as UpdateProgram).
  absl::StatusOr<cim::v1::SimulationResult> Simulate(
      const Principal& caller, const cim::v1::SimulateProgramRequest& request);

 private:
  // `candidates`: every active partner with its certifications (for the eligible count).
  absl::StatusOr<cim::v1::ProgramPerformance> Compute(const cim::v1::Program& program,
                                                      std::optional<DateRange> baseline,
                                                      const Candidates& candidates,
                                                      bool breakdowns);

  PerformanceRepository& repository_;
  ProgramDirectory& programs_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_PERFORMANCE_PERFORMANCE_REPORTS_H_
