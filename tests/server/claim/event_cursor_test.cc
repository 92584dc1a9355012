// EventCursor: every event delivered once, also when ids become visible out of order.
#include "server/claim/event_cursor.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAreArray;

const absl::Time kT0 = absl::FromUnixSeconds(1'800'000'000);

// A poll: the ids visible (with their event times) and the time of the poll.
struct Poll {
  std::vector<std::pair<int64_t, int>> visible;  // id, seconds after kT0
  int now;                                       // seconds after kT0
};

struct Case {
  const char* name;
  int64_t after;
  std::vector<Poll> polls;
  std::vector<int64_t> delivered;  // in order, over all polls
  int64_t settled;                 // after the last poll
};

TEST(EventCursorTest, DeliversEachEventOnceAndSettlesPastTheHorizon) {
  const std::vector<Case> cases = {
      {"in order", 0, {{{{1, 0}, {2, 0}}, 1}, {{{1, 0}, {2, 0}, {3, 1}}, 2}}, {1, 2, 3}, 0},
      {"settles once older than the horizon",
       0,
       {{{{1, 0}, {2, 0}}, 1}, {{{1, 0}, {2, 0}, {3, 8}}, 10}},
       {1, 2, 3},
       2},
      {"a late commit below a delivered id is still delivered",
       0,
       {{{{1, 0}, {3, 0}}, 1}, {{{1, 0}, {2, 0}, {3, 0}}, 2}},
       {1, 3, 2},
       0},
      {"ids at or below `after` are never delivered", 5, {{{{6, 0}, {7, 0}}, 1}}, {6, 7}, 5},
      {"a settled id is not delivered again",
       0,
       {{{{1, 0}}, 20}, {{{1, 0}, {2, 19}}, 21}},
       {1, 2},
       1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EventCursor cursor(c.after, absl::Seconds(10));
    std::vector<int64_t> delivered;
    for (const Poll& poll : c.polls) {
      for (const auto& [id, seconds] : poll.visible) {
        if (id <= cursor.settled()) continue;  // the query asks for ids above settled()
        if (cursor.Offer(id, kT0 + absl::Seconds(seconds))) delivered.push_back(id);
      }
      cursor.Settle(kT0 + absl::Seconds(poll.now));
    }
    EXPECT_THAT(delivered, ElementsAreArray(c.delivered));
    EXPECT_EQ(cursor.settled(), c.settled);
  }
}

}  // namespace
}  // namespace cim
