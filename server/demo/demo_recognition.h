// The demo recognition data: a level ladder, badges of every criterion kind, boards
// (individual points per month, partner sales per quarter, all-time points), training modules
// with a year of completions and certifications, then the outbox of the demo year applied so
// levels, badges, boards and closed-period placements have history.
#ifndef CIM_SERVER_DEMO_DEMO_RECOGNITION_H_
#define CIM_SERVER_DEMO_DEMO_RECOGNITION_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/identity/user_repository.h"
#include "server/program/program_repository.h"
#include "server/recognition/recognition_repository.h"
#include "server/training/training_repository.h"

namespace cim {

struct DemoRecognitionSummary {
  int levels = 0;
  int badges = 0;
  int leaderboards = 0;
  int training_modules = 0;
  int completions = 0;
  int events = 0;
  int awards = 0;
};

// Loads the demo recognition definitions (made by `program_admin`) into a database that
// holds the demo programs (LoadDemoPrograms) and applies the outbox as of `now`.
absl::StatusOr<DemoRecognitionSummary> LoadDemoRecognition(RecognitionRepository& recognition,
                                                           TrainingRepository& training,
                                                           ProgramRepository& programs,
                                                           UserRepository& users,
                                                           int64_t program_admin, absl::Time now);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_RECOGNITION_H_
