// Storage of training: modules (with their quizzes), completions with the points and
// certifications they grant, and failed portal-quiz attempts.
#ifndef CIM_SERVER_TRAINING_TRAINING_REPOSITORY_H_
#define CIM_SERVER_TRAINING_TRAINING_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"

namespace cim {

// A completion to record (see TrainingRepository::RecordCompletion).
struct NewCompletion {
  cim::v1::TrainingModule module;
  int64_t user_id = 0;
  int64_t partner_id = 0;
  int quiz_score = 0;
  int64_t recorded_by = 0;
  std::string external_completion_id;  // empty: none
  absl::Time now;
  // When the module's certification (if any) expires, granted by this completion.
  absl::Time certification_expiry;
};

// Each field narrows the certifications when set.
struct CertificationFilter {
  int64_t user_id = 0;
  int64_t partner_id = 0;
  // Only those expiring before this time.
  std::optional<absl::Time> expiring_before;
  // Only those not expired at this time.
  std::optional<absl::Time> valid_at;
};

// The one training read other rooms need: a module by id (recognition checks that a badge's
// `module_completed` criterion names one).
class TrainingModuleLookup {
 public:
  virtual ~TrainingModuleLookup() = default;
  // NOT_FOUND if none.
  virtual absl::StatusOr<cim::v1::TrainingModule> GetTrainingModule(int64_t id) = 0;
};

class TrainingRepository : public TrainingModuleLookup {
 public:
  // ALREADY_EXISTS if the title is taken.
  virtual absl::StatusOr<cim::v1::TrainingModule> InsertTrainingModule(
      const cim::v1::TrainingModule& module, int64_t created_by, absl::Time now) = 0;
  // Stores `module`'s title, description, duration, points, pass mark, quiz, validity months and
  // archived flag (never its certification code) in one statement, if its row is still at
  // `expected_version`, and bumps the version (the etag). Returns the module as stored.
  // NOT_FOUND for an unknown id; ABORTED (changed since read) at another version;
  // ALREADY_EXISTS if the title is another module's.
  virtual absl::StatusOr<cim::v1::TrainingModule> UpdateTrainingModule(
      const cim::v1::TrainingModule& module, int64_t expected_version) = 0;
  // Up to `limit` modules with id > after_id, oldest first; archived ones only when
  // `include_archived`.
  virtual absl::StatusOr<std::vector<cim::v1::TrainingModule>> ListTrainingModules(
      int64_t after_id, int limit, bool include_archived) = 0;
  // When `user_id` failed `module_id`'s portal quiz since `since`, oldest first.
  virtual absl::StatusOr<std::vector<absl::Time>> QuizFailuresSince(int64_t user_id,
                                                                    int64_t module_id,
                                                                    absl::Time since) = 0;
  // Records a failed portal-quiz attempt.
  virtual absl::Status RecordQuizFailure(int64_t user_id, int64_t module_id, int quiz_score,
                                         absl::Time at) = 0;
  // When `user_id` last completed each of `module_ids` (modules never completed are absent).
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> LastCompletionTimes(
      int64_t user_id, const std::vector<int64_t>& module_ids) = 0;
  // In one transaction: stores the completion; the user's first completion of the module also
  // posts its points to the ledger with an outbox event; a module with a certification grants
  // or renews it (never shortening it). A repeated (recorded_by, external_completion_id)
  // returns the completion stored for it, or ALREADY_EXISTS if that was another user's or
  // module's. Otherwise the module's row is read (share-locked, so an edit or archive waits
  // for this completion or this completion for it): FAILED_PRECONDITION if it is archived,
  // ABORTED (changed since read) if `completion.module.etag()` is set and the module has been
  // edited since (its points, quiz or validity may differ: read it again), NOT_FOUND if gone.
  virtual absl::StatusOr<cim::v1::TrainingCompletion> RecordCompletion(
      const NewCompletion& completion) = 0;
  // Up to `limit` matching certifications from the `offset`th on, soonest expiry first. Only
  // holders still active at the partner they held it for count.
  virtual absl::StatusOr<std::vector<cim::v1::Certification>> ListCertifications(
      const CertificationFilter& filter, int64_t offset, int limit) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_TRAINING_REPOSITORY_H_
