// LedgerRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_MONEY_MYSQL_LEDGER_REPOSITORY_H_
#define CIM_SERVER_MONEY_MYSQL_LEDGER_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/money/ledger_repository.h"

namespace cim {

class MysqlLedgerRepository final : public LedgerRepository {
 public:
  explicit MysqlLedgerRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<std::vector<LedgerEntry>> List(const LedgerFilter& filter, int64_t before_id,
                                                int limit) override;
  absl::StatusOr<std::vector<Balance>> Balances(const LedgerFilter& filter) override;
  absl::StatusOr<std::vector<KindTotal>> KindTotals(const LedgerFilter& filter) override;
  absl::StatusOr<LedgerEntry> AppendReversal(const LedgerPosting& reversal,
                                             const Decimal& budget_refund) override;
  absl::StatusOr<LedgerEntry> Get(int64_t id) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_MONEY_MYSQL_LEDGER_REPOSITORY_H_
