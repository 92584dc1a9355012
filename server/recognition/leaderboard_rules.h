// Leaderboards: validation of a board, its periods, and scores as rank keys.
#ifndef CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_
#define CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_

#include <cstdint>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/recognition.pb.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "lib/status_util.h"

namespace cim {

// The period all-time boards use: every day the system can hold (see ParseDate).
inline constexpr absl::CivilDay kAllTimeStart(2000, 1, 1);
inline constexpr absl::CivilDay kAllTimeEnd(2199, 12, 31);

// Adds a violation per bad field of `board` under `prefix`. The program is not looked up here.
void ValidateLeaderboard(const cim::v1::Leaderboard& board, const std::string& prefix,
                         FieldErrors& errors);

// The period of `kind` containing `day` (ISO weeks start on Monday; all-time: kAllTimeStart to
// kAllTimeEnd).
DateRange BoardPeriodOf(cim::v1::LeaderboardPeriod kind, absl::CivilDay day);

// The period starting `start` in words, as a phrase (lib/phrase.h): "week of 2 Nov 2026",
// "November 2026", "Q4 2026", "2026" or "all time" in English.
std::string PeriodLabel(cim::v1::LeaderboardPeriod kind, absl::CivilDay start);

// A score held in units of 0.0001 (as the index keeps it) as a decimal.
Decimal ScoreFromUnits(int64_t units);

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_LEADERBOARD_RULES_H_
