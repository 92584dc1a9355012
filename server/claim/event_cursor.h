// Follows an id-ordered event table whose ids become visible out of order: a transaction that
// took id 10 can commit after one that took 11. A reader that simply asked for ids above the
// last one it saw would skip 10. This cursor asks from the last id it takes as settled (every
// id up to it seen, or given up on) and remembers what it saw above it, so each event is
// delivered once.
#ifndef CIM_SERVER_CLAIM_EVENT_CURSOR_H_
#define CIM_SERVER_CLAIM_EVENT_CURSOR_H_

#include <cstdint>
#include <map>

#include "absl/time/time.h"

namespace cim {

class EventCursor {
 public:
  // Follows events after `after`. A missing id (a transaction still open, or rolled back) is
  // given up on once a higher id has been seen for `horizon` (longer than any transaction that
  // writes events).
  EventCursor(int64_t after, absl::Duration horizon) : settled_(after), horizon_(horizon) {}

  // Every id up to this one has been seen or given up on: ask the table for ids above it, and
  // resume from it without missing an event.
  int64_t settled() const { return settled_; }

  // True the first time id `id` is seen (at `now`): deliver its event. False for an id already
  // seen or at or below settled().
  bool Offer(int64_t id, absl::Time now) {
    if (id <= settled_) return false;
    return seen_.emplace(id, now).second;
  }

  // Settles the seen ids that have no missing id below them, and those whose missing ids
  // below have been waited for longer than the horizon at `now`.
  void Settle(absl::Time now) {
    while (!seen_.empty()) {
      auto it = seen_.begin();
      if (it->first != settled_ + 1 && now - it->second < horizon_) break;
      settled_ = it->first;
      seen_.erase(it);
    }
  }

 private:
  int64_t settled_;
  absl::Duration horizon_;
  std::map<int64_t, absl::Time> seen_;  // above settled_, with when first seen
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_EVENT_CURSOR_H_
