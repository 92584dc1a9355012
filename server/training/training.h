// Training's rules for callers: who may define and list training modules, complete them (the
// portal's graded quizzes, an LMS's recorded completions) and read certifications; request
// validation and the answers. No gRPC, no SQL.
#ifndef CIM_SERVER_TRAINING_TRAINING_H_
#define CIM_SERVER_TRAINING_TRAINING_H_

#include "absl/status/statusor.h"
#include "cim/v1/recognition_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/user_repository.h"
#include "server/training/training_repository.h"

namespace cim {

class Training {
 public:
  Training(TrainingRepository& repository, UserRepository& users, const Clock& clock)
      : repository_(repository), users_(users), clock_(clock) {}

  // Every RPC: PERMISSION_DENIED where the caller's role or partner does not allow it,
  // INVALID_ARGUMENT with field violations for bad requests, NOT_FOUND for unknown ids.
  // ALREADY_EXISTS if the title is taken.
  absl::StatusOr<cim::v1::TrainingModule> CreateTrainingModule(
      const Principal& caller, const cim::v1::CreateTrainingModuleRequest& request);
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> ListTrainingModules(
      const Principal& caller, const cim::v1::ListTrainingModulesRequest& request);
  // FAILED_PRECONDITION below the module's pass mark.
  absl::StatusOr<cim::v1::TrainingCompletion> CompleteTraining(
      const Principal& caller, const cim::v1::CompleteTrainingRequest& request);
  absl::StatusOr<cim::v1::ListCertificationsResponse> ListCertifications(
      const Principal& caller, const cim::v1::ListCertificationsRequest& request);

 private:
  TrainingRepository& repository_;
  UserRepository& users_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_TRAINING_H_
