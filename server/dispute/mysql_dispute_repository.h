// DisputeRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_DISPUTE_MYSQL_DISPUTE_REPOSITORY_H_
#define CIM_SERVER_DISPUTE_MYSQL_DISPUTE_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/dispute/dispute_repository.h"

namespace cim {

class MysqlDisputeRepository final : public DisputeRepository {
 public:
  explicit MysqlDisputeRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<SubjectOwner> FindSubject(const DisputeSubject& subject) override;
  absl::StatusOr<Dispute> Open(const NewDispute& dispute, absl::Time now) override;
  absl::StatusOr<Dispute> Get(int64_t id) override;
  absl::StatusOr<std::vector<Dispute>> List(const DisputeFilter& filter, int64_t after_id,
                                            int limit) override;
  absl::StatusOr<Dispute> Change(int64_t id, int64_t actor, absl::Time now,
                                 const DisputeChangeFn& change) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_DISPUTE_MYSQL_DISPUTE_REPOSITORY_H_
