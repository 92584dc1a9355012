// The audit trail in MySQL: a commit hook that snapshots each entity a transaction changes (as
// the stores announce them through server/db/table.h) before the change and at commit, and
// writes their records (chained, under the lock on audit_chain_head) just before the
// transaction commits; and reading the trail back. Changes outside an AuditScope are not
// recorded.
#ifndef CIM_SERVER_AUDIT_MYSQL_AUDIT_H_
#define CIM_SERVER_AUDIT_MYSQL_AUDIT_H_

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "lib/audit_scope.h"
#include "server/audit/audit_repository.h"

namespace cim {

class MysqlDatabase;

// Makes every transaction of `db` write the records of what it changed inside an AuditScope
// (the innermost one when the change was announced) just before it commits, unsealed; an error
// writing them rolls it back.
// Call once, before the first transaction.
void RecordAuditTrail(MysqlDatabase& db);

class MysqlAuditRepository final : public AuditRepository {
 public:
  explicit MysqlAuditRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<std::vector<AuditRecord>> List(const AuditFilter& filter) override;
  absl::StatusOr<std::vector<AuditRecord>> ReadChain(int64_t after_seq, int limit) override;
  absl::StatusOr<AuditHead> Head() override;
  absl::StatusOr<int> Seal(int limit) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_AUDIT_MYSQL_AUDIT_H_
