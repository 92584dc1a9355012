// TwoStepRepository on MySQL/MariaDB (tables two_step and recovery_codes).
#ifndef CIM_SERVER_IDENTITY_MYSQL_TWO_STEP_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_MYSQL_TWO_STEP_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/identity/two_step_repository.h"

namespace cim {

class MysqlTwoStepRepository final : public TwoStepRepository {
 public:
  explicit MysqlTwoStepRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<TwoStepRecord> Get(int64_t user_id) override;
  absl::Status SetPending(int64_t user_id, const std::string& sealed, absl::Time now) override;
  absl::Status Confirm(int64_t user_id, const std::string& sealed, int64_t step,
                       const std::vector<std::string>& code_hashes, absl::Time now) override;
  absl::StatusOr<bool> UseStep(int64_t user_id, int64_t step) override;
  absl::StatusOr<bool> UseRecoveryCode(int64_t user_id, const std::string& code_hash,
                                       absl::Time now) override;
  absl::Status ReplaceRecoveryCodes(int64_t user_id, const std::vector<std::string>& code_hashes,
                                    absl::Time now) override;
  absl::Status Remove(int64_t user_id) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_MYSQL_TWO_STEP_REPOSITORY_H_
