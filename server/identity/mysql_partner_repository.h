// PartnerRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_IDENTITY_MYSQL_PARTNER_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_PARTNER_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/identity/partner_repository.h"

namespace cim {

class MysqlPartnerRepository final : public PartnerRepository {
 public:
  explicit MysqlPartnerRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<Partner> Create(const Partner& partner, absl::Time now) override;
  absl::StatusOr<Partner> Get(int64_t id) override;
  absl::StatusOr<std::vector<Partner>> List(const PartnerFilter& filter, int64_t after_id,
                                            int limit) override;
  absl::StatusOr<Partner> Update(const Partner& partner, absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_PARTNER_REPOSITORY_H_
