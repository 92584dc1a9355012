// The audit trail in MySQL: naming the entities a transaction changes, writing their records
// (chained, under the lock on audit_chain_head) just before the transaction commits, and
// reading the trail back. Outside an AuditScope the tracking calls do nothing.
#ifndef CIM_SERVER_AUDIT_MYSQL_AUDIT_H_
#define CIM_SERVER_AUDIT_MYSQL_AUDIT_H_

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "lib/audit_scope.h"
#include "server/audit/audit_repository.h"

namespace cim {

class MysqlDatabase;

// The columns of `table` (as `alias`) for a snapshot: integers as they are, everything else
// (DECIMAL money included) cast to exact text, secrets and blobs left out.
std::string AuditColumns(soci::session& s, absl::string_view table, absl::string_view alias);

// The row `table`.id = `id` is about to change (or be deleted): its state now (read with a
// row lock) is "before", its state at commit "after". Tracking an entity twice in one
// transaction for one request keeps the first "before". The change is recorded as `actor`'s (work
// done for several callers in one batch) or else the current AuditScope's; with neither it is not
// recorded.
void AuditRow(soci::session& s, absl::string_view table, int64_t id,
              const std::optional<AuditActor>& actor = std::nullopt);
// The row `table`.id = `id` was just inserted: "before" is empty.
void AuditInsertedRow(soci::session& s, absl::string_view table, int64_t id,
                      const std::optional<AuditActor>& actor = std::nullopt);
// An entity read by `select_sql` (each ? bound to the next of `binds`): its one row as a JSON
// object (`many` false: a row joined with its details) or its rows as an array (`many` true:
// a ladder, a list of levels). `inserted`: it did not exist before this transaction.
void AuditQuery(soci::session& s, absl::string_view entity_type, absl::string_view entity_id,
                absl::string_view select_sql, std::vector<std::string> binds, bool many,
                bool inserted = false, const std::optional<AuditActor>& actor = std::nullopt);

// Reads ahead (with row locks) the "before" states of the one-row entities `select_sql` reads
// by id (as AuditRow and AuditQuery would be given them) for `ids`, in one query: for work that
// tracks many rows of one kind in a transaction.
void AuditPrefetch(soci::session& s, absl::string_view select_sql, const std::vector<int64_t>& ids);

// Makes every transaction of `db` write the records of what it changed (inside an AuditScope or
// for a named actor) just before it commits, unsealed; an error writing them rolls it back.
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
