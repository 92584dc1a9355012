// LedgerRepository on MySQL/MariaDB, and the one function that appends entries (used inside
// the transactions of approvals, fund decisions and payouts).
#ifndef CIM_SERVER_LEDGER_MYSQL_LEDGER_REPOSITORY_H_
#define CIM_SERVER_LEDGER_MYSQL_LEDGER_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/ledger/ledger_repository.h"

namespace cim {

// Appends `postings` on `session` (inside the caller's transaction).
void AppendLedgerEntries(soci::session& session, const std::vector<LedgerPosting>& postings);

// Reads entries on `session`: those matching `filter`, id < before_id (0: all), newest first.
std::vector<LedgerEntry> ReadLedgerEntries(soci::session& session, const LedgerFilter& filter,
                                           int64_t before_id, int limit);

class MysqlLedgerRepository final : public LedgerRepository {
 public:
  explicit MysqlLedgerRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<std::vector<LedgerEntry>> List(const LedgerFilter& filter, int64_t before_id,
                                                int limit) override;
  absl::StatusOr<std::vector<Balance>> Balances(const LedgerFilter& filter) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_LEDGER_MYSQL_LEDGER_REPOSITORY_H_
