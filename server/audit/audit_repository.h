// Reading the audit trail (writing happens inside other repositories' transactions:
// server/audit/mysql_audit.h).
#ifndef CIM_SERVER_AUDIT_AUDIT_REPOSITORY_H_
#define CIM_SERVER_AUDIT_AUDIT_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/audit/audit_chain.h"

namespace cim {

struct AuditFilter {
  int64_t actor_user_id = 0;  // each filter ignored when 0 / empty / unset
  int64_t actor_partner_id = 0;
  std::string rpc;
  std::string entity_type;
  std::string entity_id;
  std::string request_id;
  std::optional<absl::Time> from;  // [from, to)
  std::optional<absl::Time> to;
  int64_t before_row = 0;  // records stored before this row id (0: from the newest)
  int limit = 50;
};

// The newest record's position and hash, as kept beside the trail.
struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Matching records, newest first (sealed or not).
  virtual absl::StatusOr<std::vector<AuditRecord>> List(const AuditFilter& filter) = 0;
  // Up to `limit` records with position > after_seq, oldest first.
  virtual absl::StatusOr<std::vector<AuditRecord>> ReadChain(int64_t after_seq, int limit) = 0;
  virtual absl::StatusOr<AuditHead> Head() = 0;
  // Chains up to `limit` committed unsealed records, oldest first, after the head; returns how
  // many (0 also when another server is sealing).
  virtual absl::StatusOr<int> Seal(int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_AUDIT_AUDIT_REPOSITORY_H_
