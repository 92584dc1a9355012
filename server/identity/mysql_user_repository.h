// UserRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_IDENTITY_MYSQL_USER_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_USER_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/identity/user_repository.h"

namespace cim {

// Inserts `user` (id ignored) in the caller's transaction and returns it as stored.
// ALREADY_EXISTS if the email is taken.
absl::StatusOr<User> InsertUser(soci::session& s, const User& user,
                                const std::optional<std::string>& password_hash, absl::Time now);

class MysqlUserRepository final : public UserRepository {
 public:
  explicit MysqlUserRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<User> Create(const User& user, const std::optional<std::string>& password_hash,
                              absl::Time now) override;
  absl::StatusOr<UserRecord> Get(int64_t id) override;
  absl::StatusOr<UserRecord> GetByEmail(const std::string& email) override;
  absl::StatusOr<std::vector<User>> List(const UserFilter& filter, int64_t after_id,
                                         int limit) override;
  absl::StatusOr<User> Update(const User& user, absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_USER_REPOSITORY_H_
