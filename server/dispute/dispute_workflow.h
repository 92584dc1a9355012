// Who may open, read, answer, resolve and withdraw disputes, and what each step checks. Partner
// users open disputes about what their partner may read (partner admins see their partner's
// disputes, partner reps their own); channel managers, program admins and finance reply and
// resolve. Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_DISPUTE_DISPUTE_WORKFLOW_H_
#define CIM_SERVER_DISPUTE_DISPUTE_WORKFLOW_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "cim/v1/dispute_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/dispute/dispute_repository.h"
#include "server/program/program_repository.h"

namespace cim {

class DisputeWorkflow {
 public:
  DisputeWorkflow(DisputeRepository& disputes, ProgramRepository& programs, const Clock& clock)
      : disputes_(disputes), programs_(programs), clock_(clock) {}

  // Partner users open a dispute about something their partner's data holds. INVALID_ARGUMENT
  // with field violations for a bad request; NOT_FOUND if the subject does not exist or the
  // caller may not read it (a rep: another user's ledger entry; a missing reward: a program
  // the partner is not enrolled in); PERMISSION_DENIED for other roles.
  absl::StatusOr<Dispute> Open(const Principal& caller, const cim::v1::OpenDisputeRequest& request);
  // The dispute with its thread. NOT_FOUND for one the caller may not read.
  absl::StatusOr<Dispute> Get(const Principal& caller, int64_t dispute_id);
  // Partner admins: their partner's; partner reps: their own; vendor roles and service
  // accounts: any (oldest first).
  absl::StatusOr<cim::v1::ListDisputesResponse> List(const Principal& caller,
                                                     const cim::v1::ListDisputesRequest& request);
  // The partner's users who may read it, or vendor staff. FAILED_PRECONDITION once resolved.
  absl::StatusOr<Dispute> PostMessage(const Principal& caller,
                                      const cim::v1::PostDisputeMessageRequest& request);
  // Vendor staff resolve with an adjustment or a refusal. FAILED_PRECONDITION if the dispute is
  // no longer open or the budget cannot cover the adjustment; ABORTED for a stale etag.
  absl::StatusOr<Dispute> Resolve(const Principal& caller,
                                  const cim::v1::ResolveDisputeRequest& request);
  // The partner's users who may read it withdraw it while open.
  absl::StatusOr<Dispute> Withdraw(const Principal& caller,
                                   const cim::v1::WithdrawDisputeRequest& request);

 private:
  // OK if `caller` may read `dispute`; NOT_FOUND otherwise.
  static absl::Status CheckReadable(const Principal& caller, const Dispute& dispute);
  // The program `subject` belongs to after checking the caller may read the subject.
  absl::StatusOr<int64_t> CheckSubject(const Principal& caller,
                                       const cim::v1::DisputeSubject& subject);
  // `dispute` with its age at the clock's now.
  Dispute Aged(Dispute dispute) const;

  DisputeRepository& disputes_;
  ProgramRepository& programs_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_DISPUTE_DISPUTE_WORKFLOW_H_
