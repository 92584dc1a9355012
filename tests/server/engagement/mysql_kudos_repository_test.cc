// The kudos store against MariaDB: kudos stored with their feed entry, ledger posting and
// KUDOS_RECEIVED event, only the kudos row announced; a gift beyond what is left of the monthly
// budget (or without one) is RESOURCE_EXHAUSTED and stores nothing, a gift of no points needs
// no budget, and each month starts afresh; a repeated request id returns the stored kudos, used
// for someone else it is ALREADY_EXISTS; kudos to someone hiding their name stay within their
// partner; budgets are set, replaced and read back.
#include "server/engagement/mysql_kudos_repository.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "cim/v1/recognition.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class MysqlKudosRepositoryTest : public StoreWorldTest {
 protected:
  // Kudos from Ann (Alpha's budget) to `recipient`.
  static NewKudos FromAnn(int64_t recipient, int points, absl::Time now = T0()) {
    return NewKudos{.giver_user_id = kAnn,
                    .budget_partner_id = kAlpha,
                    .recipient_user_id = recipient,
                    .recipient_partner_id = kAlpha,
                    .message = "Great deal",
                    .points = Decimal::FromInt(points),
                    .headline = "Ann gave kudos",
                    .now = now};
  }

  void SetBudget(int64_t partner, int points) {
    ASSERT_TRUE(kudos_.SetKudosBudget(partner, Decimal::FromInt(points)).ok());
  }

  MysqlKudosRepository kudos_{database_.db()};
};

TEST_F(MysqlKudosRepositoryTest, GivesKudosWithFeedEntryLedgerPostingAndEvent) {
  SetBudget(kAlpha, 500);
  const absl::Time at = T0() + absl::Microseconds(123456);
  absl::StatusOr<cim::v1::Kudos> k = kudos_.GiveKudos(FromAnn(kRob, 150, at));
  ASSERT_TRUE(k.ok()) << k.status();
  EXPECT_GT(k->id(), 0);
  EXPECT_EQ(k->giver_user_id(), kAnn);
  EXPECT_EQ(k->recipient_user_id(), kRob);
  EXPECT_EQ(k->recipient_partner_id(), kAlpha);
  EXPECT_EQ(k->message(), "Great deal");
  EXPECT_EQ(k->points(), "150");
  EXPECT_EQ(k->visibility(), cim::v1::FEED_VISIBILITY_PUBLIC);
  EXPECT_GT(k->feed_entry_id(), 0);
  EXPECT_EQ(FromTimestamp(k->create_time()), at);  // DATETIME(6): microseconds kept
  // The audit trail hears of the kudos; the feed entry, posting and event follow from it.
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted kudos/", k->id())));

  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM feed_entries WHERE id = ", k->feed_entry_id(),
                               " AND kind = ", cim::v1::FEED_ENTRY_KIND_KUDOS,
                               " AND visibility = ", cim::v1::FEED_VISIBILITY_PUBLIC,
                               " AND user_id = 3 AND partner_id = 1 AND author_user_id = 2"
                               " AND headline = 'Ann gave kudos' AND message = 'Great deal'"
                               " AND points = 150")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE user_id = 3",
                               " AND partner_id = 1 AND account = ", cim::v1::LEDGER_ACCOUNT_POINTS,
                               " AND amount = 150 AND created_by = 2 AND basis = '",
                               Phrase("ledger.kudos")
                                   .Text("kudos", absl::StrCat(k->id()))
                                   .Text("message", "Great deal")
                                   .str(),
                               "'")),
            1);
  EXPECT_EQ(Count(absl::StrCat(
                "SELECT COUNT(*) FROM outbox_events WHERE kind = ",
                cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED,
                " AND user_id = 3 AND partner_id = 1 AND points = 150 AND ref_id = ", k->id())),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos WHERE request_id IS NULL AND budget_partner_id = 1"
                  " AND budget_month = '2026-03-01'"),
            1);

  absl::StatusOr<cim::v1::KudosBudget> budget = kudos_.GetKudosBudget(kAlpha, T0());
  ASSERT_TRUE(budget.ok()) << budget.status();
  EXPECT_EQ(budget->partner_id(), kAlpha);
  EXPECT_EQ(budget->monthly_points(), "500");
  EXPECT_EQ(budget->month(), "2026-03");
  EXPECT_EQ(budget->spent_points(), "150");
  EXPECT_EQ(budget->remaining_points(), "350");
}

TEST_F(MysqlKudosRepositoryTest, BeyondTheBudgetIsResourceExhaustedAndStoresNothing) {
  SetBudget(kAlpha, 100);
  ASSERT_TRUE(kudos_.GiveKudos(FromAnn(kRob, 60)).ok());
  told_.clear();
  EXPECT_THAT(kudos_.GiveKudos(FromAnn(kRob, 50)),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("the kudos budget has 40 points left this month; 50 asked")));
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM feed_entries"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 1);
  // What is left can still be given.
  EXPECT_TRUE(kudos_.GiveKudos(FromAnn(kRob, 40)).ok());

  // No budget at all (vendor staff's pool was never set): nothing to draw on.
  NewKudos vendor = FromAnn(kRob, 10);
  vendor.giver_user_id = kVera;
  vendor.budget_partner_id = 0;
  EXPECT_THAT(kudos_.GiveKudos(vendor),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("has 0 points left")));
  // Kudos without points need no budget and post nothing to the ledger.
  vendor.points = Decimal();
  absl::StatusOr<cim::v1::Kudos> thanks = kudos_.GiveKudos(vendor);
  ASSERT_TRUE(thanks.ok()) << thanks.status();
  EXPECT_EQ(thanks->points(), "0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 2);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE ref_id = ", thanks->id(),
                               " AND kind = ", cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED)),
            1);

  // April starts afresh; March keeps what it spent.
  const absl::Time april = T0() + absl::Hours(24 * 31);
  ASSERT_TRUE(kudos_.GiveKudos(FromAnn(kRob, 100, april)).ok());
  absl::StatusOr<cim::v1::KudosBudget> march = kudos_.GetKudosBudget(kAlpha, T0());
  ASSERT_TRUE(march.ok()) << march.status();
  EXPECT_EQ(march->spent_points(), "100");
  EXPECT_EQ(march->remaining_points(), "0");
  absl::StatusOr<cim::v1::KudosBudget> next = kudos_.GetKudosBudget(kAlpha, april);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->month(), "2026-04");
  EXPECT_EQ(next->spent_points(), "100");
  EXPECT_EQ(next->remaining_points(), "0");
}

TEST_F(MysqlKudosRepositoryTest, RepeatedRequestIdReturnsTheStoredKudos) {
  SetBudget(kAlpha, 500);
  NewKudos keyed = FromAnn(kRob, 10);
  keyed.request_id = "r-1";
  absl::StatusOr<cim::v1::Kudos> first = kudos_.GiveKudos(keyed);
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<cim::v1::Kudos> again = kudos_.GiveKudos(keyed);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->SerializeAsString(), first->SerializeAsString());
  EXPECT_THAT(told_, IsEmpty());  // nothing changed the second time
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 1);

  // The same key for someone else is refused.
  NewKudos other = keyed;
  other.recipient_user_id = kHid;
  EXPECT_THAT(kudos_.GiveKudos(other),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr(absl::StrCat("request_id \"r-1\" was used for other kudos (",
                                              first->id(), ")"))));
  // Keys are per giver and compared exactly.
  NewKudos upper = keyed;
  upper.request_id = "R-1";
  absl::StatusOr<cim::v1::Kudos> distinct = kudos_.GiveKudos(upper);
  ASSERT_TRUE(distinct.ok()) << distinct.status();
  EXPECT_NE(distinct->id(), first->id());
  NewKudos from_vera = keyed;
  from_vera.giver_user_id = kVera;
  from_vera.points = Decimal();
  absl::StatusOr<cim::v1::Kudos> vera = kudos_.GiveKudos(from_vera);
  ASSERT_TRUE(vera.ok()) << vera.status();
  EXPECT_EQ(vera->giver_user_id(), kVera);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos"), 3);
}

TEST_F(MysqlKudosRepositoryTest, KudosToSomeoneHidingTheirNameStayWithinThePartner) {
  SetBudget(kAlpha, 500);
  absl::StatusOr<cim::v1::Kudos> hidden = kudos_.GiveKudos(FromAnn(kHid, 5));
  ASSERT_TRUE(hidden.ok()) << hidden.status();
  EXPECT_EQ(hidden->visibility(), cim::v1::FEED_VISIBILITY_PARTNER);
  EXPECT_EQ(Count(absl::StrCat("SELECT visibility FROM feed_entries WHERE id = ",
                               hidden->feed_entry_id())),
            cim::v1::FEED_VISIBILITY_PARTNER);
  // Others keep the visibility asked for.
  NewKudos partner_only = FromAnn(kRob, 5);
  partner_only.visibility = cim::v1::FEED_VISIBILITY_PARTNER;
  absl::StatusOr<cim::v1::Kudos> rob = kudos_.GiveKudos(partner_only);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->visibility(), cim::v1::FEED_VISIBILITY_PARTNER);
}

TEST_F(MysqlKudosRepositoryTest, SetsReplacesAndReadsBudgets) {
  // None set: zero, nothing spent.
  absl::StatusOr<cim::v1::KudosBudget> none = kudos_.GetKudosBudget(kBravo, T0());
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(none->partner_id(), kBravo);
  EXPECT_EQ(none->monthly_points(), "0");
  EXPECT_EQ(none->spent_points(), "0");
  EXPECT_EQ(none->remaining_points(), "0");

  ASSERT_TRUE(kudos_.SetKudosBudget(0, Decimal::FromInt(5000)).ok());
  EXPECT_THAT(told_, ElementsAre("changing kudos_budgets/0"));
  ASSERT_TRUE(kudos_.SetKudosBudget(0, Decimal::FromInt(4000)).ok());
  EXPECT_THAT(told_, ElementsAre("changing kudos_budgets/0"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos_budgets"), 1);
  absl::StatusOr<cim::v1::KudosBudget> vendor = kudos_.GetKudosBudget(0, T0());
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->monthly_points(), "4000");
  EXPECT_EQ(vendor->remaining_points(), "4000");
}

}  // namespace
}  // namespace cim
