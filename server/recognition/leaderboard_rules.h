// Leaderboards: validation of a board, its periods, and scores as rank keys.
#ifndef CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_
#define CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_

#include <cstdint>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "server/common/decimal.h"
#include "server/common/status_util.h"

namespace cim {

// The period all-time boards use.
inline constexpr absl::CivilDay kAllTimeStart(1970, 1, 1);

// Adds a violation per bad field of `board` under `prefix`. The program is not looked up here.
void ValidateLeaderboard(const cim::v1::Leaderboard& board, const std::string& prefix,
                         FieldErrors& errors);

struct BoardPeriod {
  absl::CivilDay first;
  absl::CivilDay last;  // inclusive
};

// The period of `kind` containing `day` (ISO weeks start on Monday). All-time: 1970-01-01 to
// 9999-12-31.
BoardPeriod BoardPeriodOf(cim::v1::LeaderboardPeriod kind, absl::CivilDay day);

// `score` (at most 4 decimal places) in units of 0.0001, and back.
int64_t ScoreUnits(const Decimal& score);
Decimal ScoreFromUnits(int64_t units);

// Microseconds since the Unix epoch.
inline int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_
