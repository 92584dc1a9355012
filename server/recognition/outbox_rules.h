// What applying an outbox event changes in recognition: monthly tallies, leaderboard scores
// and badges earned. Pure; the repository applies the result in the processing transaction.
#ifndef CIM_SERVER_RECOGNITION_OUTBOX_RULES_H_
#define CIM_SERVER_RECOGNITION_OUTBOX_RULES_H_

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"
#include "server/events/outbox_event.h"
#include "server/recognition/badge_rules.h"

namespace cim {

// A change of one participant's score in one board period.
struct ScoreChange {
  int64_t board_id = 0;
  absl::CivilDay period_start;
  int64_t participant_id = 0;
  int64_t partner_id = 0;
  Decimal delta;
  absl::Time at;  // when the change happened (ties rank the earlier first)
};

class OutboxRules {
 public:
  // The monthly tally rows `event` adds to (events and amount are the deltas): its own kind
  // (count 1, sales in its currency) and, if it carries points, the points row.
  std::vector<MonthlyTally> Tallies(const OutboxEvent& event) const;

  // The score changes `event` makes on `boards`: boards of its program or global, measuring
  // what it carries, in the period containing event.occurred_at.
  std::vector<ScoreChange> Scores(const std::vector<cim::v1::Leaderboard>& boards,
                                  const OutboxEvent& event) const;

  // Ids of `badges` not in `earned` whose criteria `facts` meet on `today`.
  std::vector<int64_t> NewlyEarned(const std::vector<cim::v1::Badge>& badges,
                                   const absl::flat_hash_map<int64_t, absl::Time>& earned,
                                   const RecognitionFacts& facts, absl::CivilDay today) const;

  // How many places to record when a period of `board_id` closes: 10, or more if a placement
  // badge on the board asks for a longer top.
  int PlacesToRecord(const std::vector<cim::v1::Badge>& badges, int64_t board_id) const;
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_OUTBOX_RULES_H_
