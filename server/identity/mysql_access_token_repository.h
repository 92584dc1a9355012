// AccessTokenRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/identity/access_token_repository.h"

namespace cim {

class MysqlAccessTokenRepository final : public AccessTokenRepository {
 public:
  explicit MysqlAccessTokenRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<int64_t> Insert(const std::string& token_hash,
                                 const AccessTokenRecord& record) override;
  absl::StatusOr<Credential> FindCredential(const std::string& token_hash) override;
  absl::StatusOr<AccessTokenRecord> Get(int64_t id) override;
  absl::Status Revoke(int64_t id, absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_
