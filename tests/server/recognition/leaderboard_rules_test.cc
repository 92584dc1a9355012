// Board periods: the week, month, quarter and year containing a day (and all time), and scores
// stored as ten-thousandths read back as exact decimals.
#include "server/recognition/leaderboard_rules.h"

#include "gtest/gtest.h"

namespace cim {
namespace {

using namespace cim::v1;  // NOLINT

TEST(BoardPeriodTest, PeriodsContainingADay) {
  struct Case {
    LeaderboardPeriod kind;
    absl::CivilDay day, first, last;
  };
  const Case cases[] = {
      {LEADERBOARD_PERIOD_WEEK, absl::CivilDay(2026, 12, 1), absl::CivilDay(2026, 11, 30),
       absl::CivilDay(2026, 12, 6)},
      {LEADERBOARD_PERIOD_WEEK, absl::CivilDay(2026, 11, 30), absl::CivilDay(2026, 11, 30),
       absl::CivilDay(2026, 12, 6)},
      {LEADERBOARD_PERIOD_WEEK, absl::CivilDay(2027, 1, 3), absl::CivilDay(2026, 12, 28),
       absl::CivilDay(2027, 1, 3)},
      {LEADERBOARD_PERIOD_MONTH, absl::CivilDay(2028, 2, 10), absl::CivilDay(2028, 2, 1),
       absl::CivilDay(2028, 2, 29)},
      {LEADERBOARD_PERIOD_QUARTER, absl::CivilDay(2026, 12, 31), absl::CivilDay(2026, 10, 1),
       absl::CivilDay(2026, 12, 31)},
      {LEADERBOARD_PERIOD_QUARTER, absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 4, 1),
       absl::CivilDay(2026, 6, 30)},
      {LEADERBOARD_PERIOD_YEAR, absl::CivilDay(2026, 7, 7), absl::CivilDay(2026, 1, 1),
       absl::CivilDay(2026, 12, 31)},
      {LEADERBOARD_PERIOD_ALL_TIME, absl::CivilDay(2026, 7, 7), absl::CivilDay(2000, 1, 1),
       absl::CivilDay(2199, 12, 31)},
  };
  for (const Case& c : cases) {
    DateRange p = BoardPeriodOf(c.kind, c.day);
    EXPECT_EQ(p.first, c.first) << c.kind << " " << c.day;
    EXPECT_EQ(p.last, c.last) << c.kind << " " << c.day;
  }
}

TEST(ScoreFromUnitsTest, TenThousandths) {
  struct Case {
    int64_t units;
    const char* decimal;
  };
  for (const Case& c : {Case{0, "0"}, Case{125000, "12.5"}, Case{-32500, "-3.25"},
                        Case{7, "0.0007"}, Case{9999999999999999, "999999999999.9999"}}) {
    EXPECT_EQ(ScoreFromUnits(c.units), *Decimal::Parse(c.decimal)) << c.decimal;
  }
}

}  // namespace
}  // namespace cim
