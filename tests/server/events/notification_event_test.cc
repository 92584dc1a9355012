// A notification event carries its figures as typed, named arguments for the catalogs.
#include "server/events/notification_event.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(NotificationEventTest, ArgumentsKeepTheirNamesTypesAndOrder) {
  NotificationEvent e;
  e.Text("invoice", "INV-7")
      .Count("points", 1250)
      .Number("percent", *Decimal::Parse("4.50"))
      .Money("money", *Decimal::Parse("1110.00"), "EUR")
      .Day("day", absl::CivilDay(2027, 2, 3))
      .Count("whole", *Decimal::Parse("-12.75"));
  ASSERT_EQ(e.args.arguments_size(), 6);
  EXPECT_EQ(e.args.arguments(0).name(), "invoice");
  EXPECT_EQ(e.args.arguments(0).text(), "INV-7");
  EXPECT_EQ(e.args.arguments(1).count(), 1250);
  EXPECT_EQ(e.args.arguments(2).number(), "4.50");
  EXPECT_EQ(e.args.arguments(3).money().amount(), "1110.00");
  EXPECT_EQ(e.args.arguments(3).money().currency_code(), "EUR");
  EXPECT_EQ(e.args.arguments(4).day(), "2027-02-03");
  EXPECT_EQ(e.args.arguments(5).count(), -12);
}

}  // namespace
}  // namespace cim
