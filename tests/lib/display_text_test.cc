// Display text as partners read it: money with its currency symbol and grouping (minor units only
// when not whole), grouped numbers, days, and counts with their plural.
#include "lib/display_text.h"

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"

namespace cim {
namespace {

using ::cim::testing::D;
const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 11, 30, 12, 0, 0), absl::UTCTimeZone());

TEST(DisplayTextTest, MoneyNumbersAndDays) {
  EXPECT_EQ(MoneyText(D("12400"), "EUR"), "€12,400");
  EXPECT_EQ(MoneyText(D("12399.5"), "EUR"), "€12,399.50");
  EXPECT_EQ(MoneyText(D("1234567.891"), "USD"), "$1,234,567.89");
  EXPECT_EQ(MoneyText(D("-950"), "GBP"), "-£950");
  EXPECT_EQ(MoneyText(D("1000"), "CHF"), "CHF 1,000");
  EXPECT_EQ(MoneyText(D("0"), "EUR"), "€0");
  EXPECT_EQ(GroupedNumber(D("999")), "999");
  EXPECT_EQ(GroupedNumber(D("-1000.50")), "-1,000.5");
  EXPECT_EQ(DayText(kNow), "30 Nov 2026");
  EXPECT_EQ(CountText(1, "user", "users"), "1 user");
  EXPECT_EQ(CountText(0, "user", "users"), "0 users");
}

}  // namespace
}  // namespace cim
