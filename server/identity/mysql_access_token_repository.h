// AccessTokenRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_

#include <string>
#include <vector>

#include "lib/batcher.h"
#include "server/db/mysql_database.h"
#include "server/identity/access_token_repository.h"

namespace cim {

class MysqlAccessTokenRepository final : public AccessTokenRepository {
 public:
  explicit MysqlAccessTokenRepository(MysqlDatabase& db);
  absl::StatusOr<int64_t> Insert(const std::string& token_hash,
                                 const AccessTokenRecord& record) override;
  // Concurrent lookups share one query (see Batcher): every authenticated call makes one.
  absl::StatusOr<Credential> FindCredential(const std::string& token_hash) override;
  absl::StatusOr<AccessTokenRecord> Get(int64_t id) override;
  absl::StatusOr<std::vector<AccessTokenRecord>> ListApiKeys(int64_t user_id, int64_t before_id,
                                                             int limit) override;
  absl::Status Revoke(int64_t id, absl::Time now) override;

 private:
  // The credentials of `token_hashes`, one result per hash (NOT_FOUND where unknown).
  std::vector<absl::StatusOr<Credential>> FindCredentials(
      const std::vector<std::string>& token_hashes);

  MysqlDatabase& db_;
  Batcher<std::string, absl::StatusOr<Credential>> lookups_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_ACCESS_TOKEN_REPOSITORY_H_
