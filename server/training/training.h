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
  // Program admins only. ALREADY_EXISTS if the title is taken.
  absl::StatusOr<cim::v1::TrainingModule> CreateTrainingModule(
      const Principal& caller, const cim::v1::CreateTrainingModuleRequest& request);
  // Program admins only. Changes the fields `update_mask` names and returns the module with its
  // new etag. INVALID_ARGUMENT for a missing id, an empty mask, or a module the change would
  // make invalid (as CreateTrainingModule validates); NOT_FOUND for an unknown id; ABORTED if
  // `training_module.etag` is given and the module has changed since (without an etag the
  // change applies to the module as it is); ALREADY_EXISTS if the new title is another
  // module's. The quiz is replaced in the same transaction as the rest. What changes applies
  // from then on: new points to first completions recorded afterwards (completions made keep
  // the points they posted; nothing is re-posted), a new validity to certifications granted or
  // renewed afterwards (existing ones keep their expiry), a new quiz or pass mark to later
  // attempts. The certification code never changes. `archived` true stops completions (see
  // CompleteTraining) and hides the module from partner users; completions, points, badges and
  // certifications stay. `archived` false restores it.
  absl::StatusOr<cim::v1::TrainingModule> UpdateTrainingModule(
      const Principal& caller, const cim::v1::UpdateTrainingModuleRequest& request);
  // Oldest first. Partner users never see archived modules; vendor roles see them when they
  // ask (`include_archived`), service accounts never. Only program admins see the correct quiz
  // options.
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> ListTrainingModules(
      const Principal& caller, const cim::v1::ListTrainingModulesRequest& request);
  // FAILED_PRECONDITION below the module's pass mark, and for an archived module (partner
  // users and LMS alike; an LMS repeating an external_completion_id it already recorded gets
  // that completion back, archived or not). The completion counts with the module as it is when
  // it is recorded: an edit committed meanwhile is read again and applies.
  absl::StatusOr<cim::v1::TrainingCompletion> CompleteTraining(
      const Principal& caller, const cim::v1::CompleteTrainingRequest& request);
  absl::StatusOr<cim::v1::ListCertificationsResponse> ListCertifications(
      const Principal& caller, const cim::v1::ListCertificationsRequest& request);

 private:
  // CompleteTraining once `module` is read: grades, checks and records the completion.
  absl::StatusOr<cim::v1::TrainingCompletion> CompleteModule(
      const Principal& caller, const cim::v1::CompleteTrainingRequest& request,
      const cim::v1::TrainingModule& module, int64_t user_id);

  TrainingRepository& repository_;
  UserRepository& users_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_TRAINING_H_
