#include "server/jobs/event_projector.h"

#include <pthread.h>

#include <iostream>

#include "lib/status_util.h"

namespace cim {

EventProjector::EventProjector(RecognitionRepository& repository, LeaderboardIndex& index,
                               const Clock& clock, EventProjectorOptions options)
    : repository_(repository), index_(index), clock_(clock), options_(options) {
  thread_ = std::thread([this] { Loop(); });
  pthread_setname_np(thread_.native_handle(), "cim-recognition");
}

EventProjector::~EventProjector() {
  stop_.Notify();
  thread_.join();
}

absl::Status EventProjector::RunOnce() {
  absl::Status processed = absl::OkStatus();
  for (;;) {
    absl::StatusOr<OutboxRun> run = repository_.ProcessOutbox(rules_, options_.batch, clock_.Now());
    if (!run.ok()) {
      processed = run.status();
      break;
    }
    if (run->skipped || run->events < options_.batch) break;
  }
  // Follow what other servers committed even when this one could not process.
  absl::Status caught_up = index_.CatchUp();
  return processed.ok() ? caught_up : processed;
}

void EventProjector::Loop() {
  absl::Time next_refresh = absl::Now() + options_.league_refresh;
  absl::Status last = absl::OkStatus();
  while (!stop_.WaitForNotificationWithTimeout(options_.interval)) {
    absl::Status status = RunOnce();
    if (absl::Now() >= next_refresh) {
      if (status.ok()) status = index_.RefreshLeagues();
      next_refresh = absl::Now() + options_.league_refresh;
    }
    // Log a failure once, not every round while the database is away.
    if (!status.ok() && status != last) std::cerr << "recognition: " << status << "\n";
    last = status;
  }
}

}  // namespace cim
