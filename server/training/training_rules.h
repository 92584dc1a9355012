// Training: validation of modules and completions, and certification expiry.
#ifndef CIM_SERVER_TRAINING_TRAINING_RULES_H_
#define CIM_SERVER_TRAINING_TRAINING_RULES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "lib/status_util.h"

namespace cim {

// Adds a violation per bad field of `module` under `prefix`.
void ValidateTrainingModule(const cim::v1::TrainingModule& module, const std::string& prefix,
                            FieldErrors& errors);

// Copies into `module` the fields of `update` that `mask` names (the paths
// UpdateTrainingModuleRequest allows; others are left alone, certification_code among them: the
// certification a module grants never changes). Validate the result with ValidateTrainingModule.
void ApplyTrainingModuleUpdate(const cim::v1::TrainingModule& update,
                               const google::protobuf::FieldMask& mask,
                               cim::v1::TrainingModule& module);

// OK if `module` may be completed; FAILED_PRECONDITION if it is archived.
absl::Status CheckModuleOpen(const cim::v1::TrainingModule& module);

// OK if `quiz_score` completes `module`: FAILED_PRECONDITION below the pass mark.
absl::Status CheckQuizScore(const cim::v1::TrainingModule& module, int quiz_score);

// Adds a violation under "quiz_answers" unless `answers` answer each of `module`'s quiz
// questions in order, each selecting at least one existing option, none twice.
void ValidateQuizAnswers(const cim::v1::TrainingModule& module,
                         const google::protobuf::RepeatedPtrField<cim::v1::QuizAnswer>& answers,
                         FieldErrors& errors);

// The score in percent (rounded down) of answers that passed ValidateQuizAnswers: the share of
// questions answered with exactly their correct options. 0 for a module without questions.
int GradeQuiz(const cim::v1::TrainingModule& module,
              const google::protobuf::RepeatedPtrField<cim::v1::QuizAnswer>& answers);

// A user may fail a module's portal quiz this many times in any kQuizFailureWindow: enough to
// learn from mistakes, too few to find the answers by trying them.
inline constexpr int kMaxQuizFailures = 3;
inline constexpr absl::Duration kQuizFailureWindow = absl::Hours(24);

// OK if a user whose failed attempts since now - kQuizFailureWindow are `failures` (oldest
// first) may take the quiz at `now`; RESOURCE_EXHAUSTED naming when they may try again (RFC
// 3339, UTC) otherwise.
absl::Status CheckQuizAttemptAllowed(const std::vector<absl::Time>& failures, absl::Time now);

// Clears which quiz options are correct (what everyone but program admins sees).
void HideQuizAnswers(cim::v1::TrainingModule& module);

// When a certification earned at `earned` for `months` expires: the same time of day on the
// same day of the month `months` later, or that month's last day if it is shorter.
absl::Time CertificationExpiry(absl::Time earned, int months);

}  // namespace cim

#endif  // CIM_SERVER_TRAINING_TRAINING_RULES_H_
