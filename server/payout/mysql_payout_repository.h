// PayoutRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PAYOUT_MYSQL_PAYOUT_REPOSITORY_H_
#define CIM_SERVER_PAYOUT_MYSQL_PAYOUT_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/payout/payout_repository.h"

namespace cim {

class MysqlPayoutRepository final : public PayoutRepository {
 public:
  explicit MysqlPayoutRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<PayoutRun> CreateRun(const NewPayoutRun& run, absl::Time now) override;
  absl::StatusOr<Statement> Get(int64_t id) override;
  absl::StatusOr<std::vector<Statement>> List(const StatementFilter& filter, int64_t before_id,
                                              int limit) override;
  absl::StatusOr<Statement> MarkPaid(int64_t id, const std::string& etag,
                                     const std::string& reference, int64_t actor,
                                     absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_PAYOUT_MYSQL_PAYOUT_REPOSITORY_H_
