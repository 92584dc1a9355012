// EventCursor: every event delivered once, also when ids become visible out of order, and the
// settled position never passes an id that may still appear.
#include "server/claim/event_cursor.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAreArray;

const absl::Time kT0 = absl::FromUnixSeconds(1'800'000'000);

// A poll at `now` seconds after kT0 that sees the ids `visible` (all ids above the cursor's
// settled position that have committed so far).
struct Poll {
  std::vector<int64_t> visible;
  int now;
};

struct Case {
  const char* name;
  int64_t after;
  std::vector<Poll> polls;
  std::vector<int64_t> delivered;  // in order, over all polls
  int64_t settled;                 // after the last poll
};

TEST(EventCursorTest, DeliversEachEventOnceAndSettlesOnlyWhatCannotChange) {
  const std::vector<Case> cases = {
      {"in order: settles at once", 0, {{{1, 2}, 1}, {{3}, 2}}, {1, 2, 3}, 3},
      {"ids at or below `after` are never delivered", 5, {{{6, 7}, 1}}, {6, 7}, 7},
      {"a late commit below a seen id is still delivered",
       0,
       {{{1, 3}, 1}, {{2, 3}, 2}},
       {1, 3, 2},
       3},
      {"a missing id holds the settled position", 0, {{{1, 3}, 1}, {{3, 4}, 5}}, {1, 3, 4}, 1},
      {"a missing id is given up on past the horizon",
       0,
       {{{1, 3}, 1}, {{3, 4}, 10}, {{3, 4}, 11}},
       {1, 3, 4},
       4},
      {"each gap waits from when the id above it was seen",
       0,
       {{{2}, 0}, {{2, 4}, 9}, {{2, 4}, 10}, {{4}, 18}, {{4}, 19}},
       {2, 4},
       4},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EventCursor cursor(c.after, absl::Seconds(10));
    std::vector<int64_t> delivered;
    std::vector<int64_t> settled;
    for (const Poll& poll : c.polls) {
      const absl::Time now = kT0 + absl::Seconds(poll.now);
      for (int64_t id : poll.visible) {
        if (id <= cursor.settled()) continue;  // the query asks for ids above settled()
        if (cursor.Offer(id, now)) delivered.push_back(id);
      }
      cursor.Settle(now);
      settled.push_back(cursor.settled());
    }
    EXPECT_THAT(delivered, ElementsAreArray(c.delivered));
    EXPECT_EQ(cursor.settled(), c.settled) << ::testing::PrintToString(settled);
  }
}

}  // namespace
}  // namespace cim
