// Who is changing things on this thread: the audit trail's context. The gRPC handler opens an
// AuditScope around a call its proto marks (cim.v1.audited) (server/rpc/rpc_handler.h); stores
// announce what they change through server/db/table.h, and the audit trail's commit hook records
// those changes as the scope's just before the transaction commits (server/audit/mysql_audit.h).
#ifndef CIM_LIB_AUDIT_SCOPE_H_
#define CIM_LIB_AUDIT_SCOPE_H_

#include <cstdint>
#include <optional>
#include <string>

namespace cim {

// The caller, as recorded on each of its records.
struct AuditActor {
  int64_t user_id = 0;  // 0: the server's own scheduled work
  int role = 0;         // cim.v1.Role
  int64_t partner_id = 0;
  std::string rpc;  // "ApproveClaim", "scheduled:EvaluateTiers"
  std::string request_id;
  std::string client_address;
};

// Installs itself as the current scope of this thread for its lifetime (scopes nest: the
// innermost is current).
class AuditScope {
 public:
  explicit AuditScope(AuditActor actor);
  ~AuditScope();
  AuditScope(const AuditScope&) = delete;
  AuditScope& operator=(const AuditScope&) = delete;

  // The innermost scope on this thread, or nullptr.
  static AuditScope* Current();
  // The current scope's actor, if any: work handed to another thread (a batch) carries it.
  static std::optional<AuditActor> CurrentActor();

  const AuditActor& actor() const { return actor_; }

 private:
  AuditActor actor_;
  AuditScope* outer_;
};

}  // namespace cim

#endif  // CIM_LIB_AUDIT_SCOPE_H_
