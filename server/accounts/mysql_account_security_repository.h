// AccountSecurityRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_ACCOUNTS_MYSQL_ACCOUNT_SECURITY_REPOSITORY_H_
#define CIM_SERVER_ACCOUNTS_MYSQL_ACCOUNT_SECURITY_REPOSITORY_H_

#include "server/accounts/account_security_repository.h"
#include "server/db/mysql_database.h"

namespace cim {

class MysqlAccountSecurityRepository final : public AccountSecurityRepository {
 public:
  explicit MysqlAccountSecurityRepository(MysqlDatabase& db) : db_(db) {}
  absl::Status RecordSignIn(const SignInRecord& record) override;
  absl::StatusOr<std::vector<SignInRecord>> ListSignIns(int64_t user_id, int64_t before_id,
                                                        int limit) override;
  absl::StatusOr<std::vector<AccessTokenRecord>> ListSessions(int64_t user_id,
                                                              absl::Time now) override;
  absl::Status EndSession(int64_t user_id, int64_t session_id, absl::Time now) override;
  absl::StatusOr<int> SetPassword(int64_t user_id, const std::string& password_hash,
                                  int64_t keep_session_id, absl::Time now) override;
  absl::StatusOr<User> Invite(const User& user, NewPasswordReset link) override;
  absl::StatusOr<int> CountResetsSince(int64_t user_id, absl::Time since) override;
  absl::Status CreateReset(const NewPasswordReset& reset) override;
  absl::StatusOr<int64_t> UseReset(const std::string& token_hash, const std::string& password_hash,
                                   absl::Time now) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_ACCOUNTS_MYSQL_ACCOUNT_SECURITY_REPOSITORY_H_
