// FundRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_FUND_MYSQL_FUND_REPOSITORY_H_
#define CIM_SERVER_FUND_MYSQL_FUND_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/fund/fund_repository.h"

namespace cim {

class MysqlFundRepository final : public FundRepository {
 public:
  explicit MysqlFundRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<FundRequest> Create(const FundRequest& request, int64_t actor,
                                     absl::Time now) override;
  absl::StatusOr<FundRequest> Get(int64_t id) override;
  absl::StatusOr<std::vector<FundRequest>> List(const FundRequestFilter& filter, int64_t before_id,
                                                int limit) override;
  absl::StatusOr<FundRequest> Decide(int64_t id, int64_t actor, absl::Time now,
                                     const FundDecideFn& decide) override;
  absl::StatusOr<std::vector<FundBalance>> Balances(int64_t partner_id,
                                                    int64_t program_id) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_FUND_MYSQL_FUND_REPOSITORY_H_
