// Program periods and baselines (month, quarter, year; previous period and same period last
// year, leap days included), and dates parsed only when they are real days.
#include "lib/dates.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;

TEST(ProgramDatesTest, Periods) {
  const absl::CivilDay may14(2026, 5, 14);
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_MONTH),
            (DateRange{absl::CivilDay(2026, 5, 1), absl::CivilDay(2026, 5, 31)}));
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_QUARTER),
            (DateRange{absl::CivilDay(2026, 4, 1), absl::CivilDay(2026, 6, 30)}));
  EXPECT_EQ(PeriodContaining(may14, cim::v1::PROGRAM_PERIOD_YEAR),
            (DateRange{absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 12, 31)}));
  const DateRange q1 =
      PeriodContaining(absl::CivilDay(2026, 2, 1), cim::v1::PROGRAM_PERIOD_QUARTER);
  EXPECT_EQ(BaselineOf(q1, cim::v1::PROGRAM_PERIOD_QUARTER, cim::v1::BASELINE_PERIOD_PREVIOUS),
            (DateRange{absl::CivilDay(2025, 10, 1), absl::CivilDay(2025, 12, 31)}));
  EXPECT_EQ(
      BaselineOf(q1, cim::v1::PROGRAM_PERIOD_QUARTER, cim::v1::BASELINE_PERIOD_SAME_LAST_YEAR),
      (DateRange{absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 3, 31)}));
  const DateRange march =
      PeriodContaining(absl::CivilDay(2024, 3, 9), cim::v1::PROGRAM_PERIOD_MONTH);
  EXPECT_EQ(BaselineOf(march, cim::v1::PROGRAM_PERIOD_MONTH, cim::v1::BASELINE_PERIOD_PREVIOUS),
            (DateRange{absl::CivilDay(2024, 2, 1), absl::CivilDay(2024, 2, 29)}));
}

TEST(ProgramDatesTest, ParsesOnlyRealDays) {
  EXPECT_EQ(*ParseDate("2024-02-29"), absl::CivilDay(2024, 2, 29));
  for (const char* bad : {"2025-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "",
                          "1999-12-31", "2026-01-01T00:00"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(ParseDate(bad), StatusIs(absl::StatusCode::kInvalidArgument));
  }
}

TEST(ProgramDatesTest, AWindowOfOptionalDaysIsOpenWhereABoundIsEmpty) {
  const absl::CivilDay open_first(2000, 1, 1), open_last(2199, 12, 31);
  const struct {
    const char* from;
    const char* to;
    DateRange window;
  } kGood[] = {
      {"", "", {open_first, open_last}},
      {"2026-03-01", "", {absl::CivilDay(2026, 3, 1), open_last}},
      {"", "2026-03-31", {open_first, absl::CivilDay(2026, 3, 31)}},
      {"2026-03-31", "2026-03-31", {absl::CivilDay(2026, 3, 31), absl::CivilDay(2026, 3, 31)}},
  };
  for (const auto& c : kGood) {
    SCOPED_TRACE(absl::StrCat(c.from, " ", c.to));
    absl::StatusOr<DateRange> window = ParseDateWindow(c.from, c.to);
    ASSERT_TRUE(window.ok()) << window.status();
    EXPECT_EQ(*window, c.window);
  }
  const struct {
    const char* from;
    const char* to;
    const char* violation;
  } kBad[] = {
      {"2026-02-30", "", "from_date"},
      {"", "31/03/2026", "to_date"},
      {"2026-04-01", "2026-03-31", "from_date: must not be after to_date"},
  };
  for (const auto& c : kBad) {
    SCOPED_TRACE(absl::StrCat(c.from, " ", c.to));
    EXPECT_THAT(ParseDateWindow(c.from, c.to),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr(c.violation)));
  }
}

}  // namespace
}  // namespace cim
