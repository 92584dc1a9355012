// LoginThrottleRepository on MySQL/MariaDB (row lock per email).
#ifndef CIM_SERVER_IDENTITY_MYSQL_LOGIN_THROTTLE_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_LOGIN_THROTTLE_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/identity/login_throttle_repository.h"

namespace cim {

class MysqlLoginThrottleRepository final : public LoginThrottleRepository {
 public:
  explicit MysqlLoginThrottleRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<LoginThrottleState> Update(
      const std::string& email,
      const std::function<LoginThrottleState(const LoginThrottleState&)>& update) override;
  absl::Status Clear(const std::string& email) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_LOGIN_THROTTLE_REPOSITORY_H_
