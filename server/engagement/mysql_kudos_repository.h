// KudosRepository on MySQL/MariaDB: kudos with their feed entries, ledger postings and outbox
// events, and the monthly budgets they draw on.
#ifndef CIM_SERVER_ENGAGEMENT_MYSQL_KUDOS_REPOSITORY_H_
#define CIM_SERVER_ENGAGEMENT_MYSQL_KUDOS_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/engagement/kudos_repository.h"

namespace cim {

class MysqlKudosRepository final : public KudosRepository {
 public:
  explicit MysqlKudosRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::Kudos> GiveKudos(const NewKudos& kudos) override;
  absl::StatusOr<cim::v1::KudosBudget> GetKudosBudget(int64_t partner_id, absl::Time now) override;
  absl::Status SetKudosBudget(int64_t partner_id, const Decimal& monthly_points) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ENGAGEMENT_MYSQL_KUDOS_REPOSITORY_H_
