// TrainingRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_TRAINING_MYSQL_TRAINING_REPOSITORY_H_
#define CIM_SERVER_TRAINING_MYSQL_TRAINING_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/training/training_repository.h"

namespace cim {

class MysqlTrainingRepository final : public TrainingRepository {
 public:
  explicit MysqlTrainingRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::TrainingModule> InsertTrainingModule(
      const cim::v1::TrainingModule& module, int64_t created_by, absl::Time now) override;
  absl::StatusOr<cim::v1::TrainingModule> UpdateTrainingModule(
      const cim::v1::TrainingModule& module, int64_t expected_version) override;
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> ListTrainingModules(
      int64_t after_id, int limit, bool include_archived) override;
  absl::StatusOr<cim::v1::TrainingModule> GetTrainingModule(int64_t id) override;
  absl::StatusOr<std::vector<absl::Time>> QuizFailuresSince(int64_t user_id, int64_t module_id,
                                                            absl::Time since) override;
  absl::Status RecordQuizFailure(int64_t user_id, int64_t module_id, int quiz_score,
                                 absl::Time at) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> LastCompletionTimes(
      int64_t user_id, const std::vector<int64_t>& module_ids) override;
  absl::StatusOr<cim::v1::TrainingCompletion> RecordCompletion(
      const NewCompletion& completion) override;
  absl::StatusOr<std::vector<cim::v1::Certification>> ListCertifications(
      const CertificationFilter& filter, int64_t offset, int limit) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_MYSQL_TRAINING_REPOSITORY_H_
