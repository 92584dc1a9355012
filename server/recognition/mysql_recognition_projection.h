// The recognition projection in MariaDB: the outbox's events (claims approved, training
// completed, tiers changed, …) turned into monthly tallies, leaderboard scores, badge awards,
// level-up, promotion and winner feed posts, challenge progress and closed leaderboard periods,
// in one transaction per run. The recognition store's ProcessOutbox runs it.
#ifndef CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_PROJECTION_H_
#define CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_PROJECTION_H_

#include <soci/soci.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/recognition/outbox_rules.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

// Projects up to `limit` unprocessed outbox events (see RecognitionRepository::ProcessOutbox),
// inside the caller's transaction. A run that finds another server projecting right now skips
// (run.skipped).
absl::StatusOr<OutboxRun> ProjectOutbox(soci::session& s, const OutboxRules& rules, int limit,
                                        absl::Time now);

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_MYSQL_RECOGNITION_PROJECTION_H_
