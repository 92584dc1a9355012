// Payout rules: who runs payouts and marks statements paid, who reads which statements, and
// the CSV export. Pure C++ over the repository; clock injected.
#ifndef CIM_SERVER_PAYOUT_PAYOUT_WORKFLOW_H_
#define CIM_SERVER_PAYOUT_PAYOUT_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "cim/v1/payout_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/payout/payout_repository.h"

namespace cim {

class PayoutWorkflow {
 public:
  PayoutWorkflow(PayoutRepository& payouts, const Clock& clock)
      : payouts_(payouts), clock_(clock) {}

  // Finance. INVALID_ARGUMENT for bad dates or a period ending in the future.
  absl::StatusOr<PayoutRun> CreateRun(const Principal& caller,
                                      const cim::v1::CreatePayoutRunRequest& request);
  // Vendor roles and service accounts: any statement; partner admins: their partner's.
  absl::StatusOr<cim::v1::ListStatementsResponse> List(
      const Principal& caller, const cim::v1::ListStatementsRequest& request);
  // NOT_FOUND for a statement the caller may not see.
  absl::StatusOr<Statement> Get(const Principal& caller, int64_t statement_id);
  // Finance.
  absl::StatusOr<Statement> MarkPaid(const Principal& caller,
                                     const cim::v1::MarkStatementPaidRequest& request);
  // As Get; the entries as CSV.
  absl::StatusOr<cim::v1::ExportStatementResponse> Export(const Principal& caller,
                                                          int64_t statement_id);

 private:
  PayoutRepository& payouts_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_PAYOUT_PAYOUT_WORKFLOW_H_
