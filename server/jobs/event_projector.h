// Projects committed events on every server: applies the recognition outbox (serialised across
// replicas by the database) and keeps this server's leaderboard index following the committed
// score changes.
#ifndef CIM_SERVER_JOBS_EVENT_PROJECTOR_H_
#define CIM_SERVER_JOBS_EVENT_PROJECTOR_H_

#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "lib/clock.h"
#include "server/recognition/leaderboard_index.h"
#include "server/recognition/outbox_rules.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

struct EventProjectorOptions {
  // Pause between rounds when there was nothing to do.
  absl::Duration interval = absl::Milliseconds(200);
  // Events per processing transaction.
  int batch = 500;
  // How often partner leagues (region, type, tier) are re-read.
  absl::Duration league_refresh = absl::Seconds(10);
};

class EventProjector {
 public:
  // Starts the thread.
  EventProjector(RecognitionRepository& repository, LeaderboardIndex& index, const Clock& clock,
                 EventProjectorOptions options = {});
  // Stops and joins the thread.
  ~EventProjector();

  // One round: process the outbox until it is empty, then catch the index up. Returns the
  // first error (the thread logs it and tries again next round).
  absl::Status RunOnce();

 private:
  void Loop();

  RecognitionRepository& repository_;
  LeaderboardIndex& index_;
  const Clock& clock_;
  EventProjectorOptions options_;
  OutboxRules rules_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace cim

#endif  // CIM_SERVER_JOBS_EVENT_PROJECTOR_H_
