// Listing and verifying the audit trail: who may read it, request validation, and walking the
// whole chain in bounded batches.
#ifndef CIM_SERVER_AUDIT_AUDIT_TRAIL_H_
#define CIM_SERVER_AUDIT_AUDIT_TRAIL_H_

#include "absl/status/statusor.h"
#include "cim/v1/audit_service.pb.h"
#include "lib/principal.h"
#include "server/audit/audit_repository.h"

namespace cim {

class AuditTrail {
 public:
  explicit AuditTrail(AuditRepository& repository) : repository_(repository) {}

  // Records newest first. PERMISSION_DENIED unless program admin or finance;
  // INVALID_ARGUMENT (field details) for a bad page size, token, entity_id without
  // entity_type or from_time after to_time.
  absl::StatusOr<cim::v1::ListAuditRecordsResponse> List(
      const Principal& caller, const cim::v1::ListAuditRecordsRequest& request);

  // Chains every committed unsealed record (run every 100 ms on every server; one seals at a
  // time). Errors are the database's.
  absl::Status SealPending();

  // Verify for program admins and finance (PERMISSION_DENIED otherwise).
  absl::StatusOr<cim::v1::VerifyAuditTrailResponse> Verify(const Principal& caller);

  // Recomputes every sealed record's hash from the first to the chain head, reading 2,000
  // records at a time. A broken chain is a result (intact false), not an error; errors are the
  // database's.
  absl::StatusOr<cim::v1::VerifyAuditTrailResponse> VerifyAll();

 private:
  AuditRepository& repository_;
};

// The proto form of a stored record.
cim::v1::AuditRecord ToProto(const AuditRecord& record);

}  // namespace cim

#endif  // CIM_SERVER_AUDIT_AUDIT_TRAIL_H_
