// Follows an id-ordered event table whose ids become visible out of order: a transaction that
// took id 10 can commit after one that took 11. A reader that simply asked for ids above the
// last one it saw would skip 10; this cursor asks from the last id it takes as final and
// remembers what it delivered above it, so each event is delivered once.
#ifndef CIM_SERVER_CLAIM_EVENT_CURSOR_H_
#define CIM_SERVER_CLAIM_EVENT_CURSOR_H_

#include <cstdint>
#include <map>

#include "absl/time/time.h"

namespace cim {

class EventCursor {
 public:
  // Delivers events after `after`. An id is taken as final once its event is older than
  // `horizon` (longer than any transaction that writes events).
  EventCursor(int64_t after, absl::Duration horizon) : settled_(after), horizon_(horizon) {}

  // Ask the table for ids above this one.
  int64_t settled() const { return settled_; }

  // True the first time event `id` (written at `time`) is offered: deliver it. False for an id
  // already delivered or at or below settled().
  bool Offer(int64_t id, absl::Time time) {
    if (id <= settled_) return false;
    return delivered_.emplace(id, time).second;
  }

  // Takes as final every delivered id up to the first one younger than the horizon at `now`.
  void Settle(absl::Time now) {
    auto it = delivered_.begin();
    for (; it != delivered_.end() && it->second <= now - horizon_; ++it) settled_ = it->first;
    delivered_.erase(delivered_.begin(), it);
  }

 private:
  int64_t settled_;
  absl::Duration horizon_;
  std::map<int64_t, absl::Time> delivered_;  // above settled_
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_EVENT_CURSOR_H_
