// The partner tier store against MariaDB: the ladder replaced whole and read back by rank (zero
// criteria read as unset, the update time kept); active partners by page and one partner by id
// (NOT_FOUND); a partner's figures over exactly the trailing twelve months (sales of approvals
// in the ladder's currency, points net of reversals from every event, unexpired certifications
// of its active users, soonest first); a change applied only from the tier read (ABORTED
// otherwise, recording nothing), recorded with its TIER_CHANGED outbox event and listed newest
// first; and the daily evaluation claimed once per day until released.
#include "server/partner_tier/mysql_partner_tier_repository.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/partner_tier/partner_tier_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class MysqlPartnerTierRepositoryTest : public PartnerTierStoreTest {
 protected:
  static NewTierChange Change(int64_t partner, const std::string& from, const std::string& to,
                              absl::Time at) {
    return NewTierChange{.partner_id = partner,
                         .from_tier = from,
                         .to_tier = to,
                         .promotion = true,
                         .reason = absl::StrCat(from, " to ", to),
                         .trigger = cim::v1::TIER_CHANGE_TRIGGER_ON_DEMAND,
                         .evaluated_by = kVera,
                         .now = at};
  }
};

TEST_F(MysqlPartnerTierRepositoryTest, TheLadderIsReplacedWholeAndReadByRank) {
  absl::StatusOr<cim::v1::TierLadder> none = tiers_.GetLadder();
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(none->currency_code(), "");
  EXPECT_THAT(none->tiers(), IsEmpty());
  EXPECT_FALSE(none->has_update_time());

  ASSERT_TRUE(tiers_.ReplaceLadder(Parse<cim::v1::TierLadder>(kTierLadder), T0()).ok());
  EXPECT_THAT(told_, ElementsAre("changing tiers/ladder"));
  absl::StatusOr<cim::v1::TierLadder> ladder = tiers_.GetLadder();
  ASSERT_TRUE(ladder.ok()) << ladder.status();
  EXPECT_EQ(ladder->currency_code(), "EUR");
  EXPECT_EQ(FromTimestamp(ladder->update_time()), T0());
  ASSERT_EQ(ladder->tiers_size(), 3);
  EXPECT_EQ(ladder->tiers(0).ShortDebugString(),
            R"(rank: 1 code: "silver" name: "Silver" benefits: "Portal access" criteria { })");
  EXPECT_EQ(ladder->tiers(1).criteria().ShortDebugString(),
            R"(min_trailing_sales: "100000" min_certified_users: 2 )"
            R"(certification_code: "storage-expert")");
  EXPECT_EQ(ladder->tiers(2).code(), "platinum");
  EXPECT_EQ(ladder->tiers(2).criteria().min_trailing_points(), "5000");

  // A replacement drops what it does not name.
  ASSERT_TRUE(tiers_
                  .ReplaceLadder(Parse<cim::v1::TierLadder>(
                                     R"pb(currency_code: "USD"
                                          tiers { rank: 1 code: "member" name: "Member" })pb"),
                                 T0() + absl::Hours(1))
                  .ok());
  ladder = tiers_.GetLadder();
  ASSERT_TRUE(ladder.ok()) << ladder.status();
  EXPECT_EQ(ladder->currency_code(), "USD");
  EXPECT_THAT(ladder->tiers(), ElementsAre(Property(&cim::v1::Tier::code, "member")));
  EXPECT_EQ(FromTimestamp(ladder->update_time()), T0() + absl::Hours(1));
  // And an empty ladder empties it.
  ASSERT_TRUE(tiers_.ReplaceLadder(cim::v1::TierLadder(), T0()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tiers"), 0);
}

TEST_F(MysqlPartnerTierRepositoryTest, ListsActivePartnersAndReadsOne) {
  Exec(
      "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
      " ('Charlie', 3, 'silver', 'APAC', 2, NOW(), NOW()),"
      " ('Delta', 1, '', 'EMEA', 1, NOW(), NOW())");
  absl::StatusOr<std::vector<TierPartner>> first = tiers_.ActivePartners(0, 2);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].id, kAlpha);
  EXPECT_EQ((*first)[0].name, "Alpha");
  EXPECT_EQ((*first)[0].tier, "gold");
  EXPECT_EQ((*first)[1].tier, "silver");
  // Charlie (3) is suspended: skipped.
  absl::StatusOr<std::vector<TierPartner>> rest = tiers_.ActivePartners(kBravo, 2);
  ASSERT_TRUE(rest.ok()) << rest.status();
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].name, "Delta");
  EXPECT_EQ((*rest)[0].id, 4);

  absl::StatusOr<TierPartner> charlie = tiers_.GetPartner(3);
  ASSERT_TRUE(charlie.ok()) << charlie.status();
  EXPECT_EQ(charlie->name, "Charlie");
  EXPECT_EQ(charlie->tier, "silver");
  EXPECT_THAT(tiers_.GetPartner(99),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 99 not found")));
}

TEST_F(MysqlPartnerTierRepositoryTest, FiguresCoverExactlyTheTrailingTwelveMonths) {
  const absl::Time year_ago = T0() - absl::Hours(24 * 365);  // 2025-03-02 09:00, the start
  OutboxEvent usd = Approved(kAnn, kAlpha, 70, 7000, T0() - absl::Hours(3));
  usd.currency_code = "USD";
  OutboxEvent reversal = Approved(kRob, kAlpha, 0, 0, T0() - absl::Hours(2));
  reversal.kind = cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED;
  reversal.currency_code = "";
  reversal.points = Decimal::FromInt(-20);
  OutboxEvent kudos = Approved(kRob, kAlpha, 5, 0, T0() - absl::Hours(1));
  kudos.kind = cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED;
  kudos.currency_code = "";
  OutboxEvent last = Approved(kAnn, kAlpha, 50, 0, T0());  // the last instant
  last.amount = *Decimal::Parse("45000.5");
  Append({Approved(kRob, kAlpha, 100, 60000, year_ago + absl::Hours(24 * 90)),
          Approved(kAnn, kAlpha, 1, 1, year_ago),                            // the first instant
          Approved(kAnn, kAlpha, 10, 99999, year_ago - absl::Seconds(1)),    // before it
          last, Approved(kAnn, kAlpha, 10, 99999, T0() + absl::Seconds(1)),  // after it
          usd, reversal, kudos, Approved(kBea, kBravo, 3, 300, T0())});
  Certify(kAnn, kAlpha, "storage-expert", "2027-01-01 00:00:00");
  Certify(kRob, kAlpha, "storage-expert", "2026-04-01 00:00:00");
  Certify(kRob, kAlpha, "networking", "2026-03-02 09:00:00");  // expires now: expired
  Certify(kHid, kAlpha, "storage-expert", "2027-01-01 00:00:00");
  Exec(absl::StrCat("UPDATE users SET status = ", cim::v1::USER_STATUS_DISABLED,
                    " WHERE id = ", kHid));

  absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> figures =
      tiers_.Figures({kAlpha, kBravo, 99}, "EUR", T0());
  ASSERT_TRUE(figures.ok()) << figures.status();
  ASSERT_EQ(figures->size(), 3u);  // every partner asked for
  const TierFigures& alpha = figures->at(kAlpha);
  EXPECT_EQ(alpha.trailing_sales.ToString(0), "105001.5");  // 60,000 + 1 + 45,000.5
  EXPECT_EQ(alpha.trailing_points.ToString(0), "206");      // 100 + 1 + 50 + 70 - 20 + 5
  ASSERT_EQ(alpha.certifications.size(), 2u);
  EXPECT_EQ(alpha.certifications[0].user_id, kRob);
  EXPECT_EQ(alpha.certifications[0].code, "storage-expert");
  EXPECT_EQ(alpha.certifications[0].user_display_name, "Rob");
  EXPECT_EQ(alpha.certifications[0].expires_at,
            absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone()));
  EXPECT_EQ(alpha.certifications[1].user_id, kAnn);
  EXPECT_EQ(figures->at(kBravo).trailing_sales.ToString(0), "300");
  EXPECT_EQ(figures->at(kBravo).trailing_points.ToString(0), "3");
  EXPECT_TRUE(figures->at(99).trailing_sales.is_zero());
  EXPECT_THAT(figures->at(99).certifications, IsEmpty());

  // In the ladder's currency only.
  absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> usd_figures =
      tiers_.Figures({kAlpha}, "USD", T0());
  ASSERT_TRUE(usd_figures.ok()) << usd_figures.status();
  EXPECT_EQ(usd_figures->at(kAlpha).trailing_sales.ToString(0), "7000");
  EXPECT_THAT(tiers_.Figures({}, "EUR", T0()), testing::IsOkAndHolds(IsEmpty()));
}

TEST_F(MysqlPartnerTierRepositoryTest, ChangesApplyOnlyFromTheTierRead) {
  absl::StatusOr<cim::v1::TierChange> up =
      tiers_.ApplyChange(Change(kAlpha, "gold", "platinum", T0()));
  ASSERT_TRUE(up.ok()) << up.status();
  EXPECT_GT(up->id(), 0);
  EXPECT_EQ(up->partner_id(), kAlpha);
  EXPECT_EQ(up->partner_name(), "Alpha");
  EXPECT_EQ(up->from_tier(), "gold");
  EXPECT_EQ(up->to_tier(), "platinum");
  EXPECT_TRUE(up->promotion());
  EXPECT_EQ(up->reason(), "gold to platinum");
  EXPECT_EQ(up->trigger(), cim::v1::TIER_CHANGE_TRIGGER_ON_DEMAND);
  EXPECT_EQ(up->evaluated_by(), kVera);
  EXPECT_EQ(FromTimestamp(up->change_time()), T0());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing partners/", kAlpha)));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners WHERE id = 1 AND tier = 'platinum'"), 1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE kind = ",
                               cim::v1::RECOGNITION_EVENT_KIND_TIER_CHANGED,
                               " AND partner_id = 1 AND user_id = 0 AND ref_id = ", up->id())),
            1);

  // Evaluated from "gold", but Alpha is platinum by now.
  EXPECT_THAT(tiers_.ApplyChange(Change(kAlpha, "gold", "silver", T0())),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr("partner 1 changed tier during the evaluation")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tier_changes"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 1);

  absl::StatusOr<cim::v1::TierChange> bravo =
      tiers_.ApplyChange(Change(kBravo, "silver", "gold", T0() + absl::Hours(1)));
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  absl::StatusOr<cim::v1::TierChange> back =
      tiers_.ApplyChange(Change(kAlpha, "platinum", "gold", T0() + absl::Hours(2)));
  ASSERT_TRUE(back.ok()) << back.status();

  auto ids = [&](int64_t partner, int64_t before, int limit) {
    std::vector<int64_t> out;
    absl::StatusOr<std::vector<cim::v1::TierChange>> rows =
        tiers_.ListChanges(partner, before, limit);
    EXPECT_TRUE(rows.ok()) << rows.status();
    for (const cim::v1::TierChange& c : rows.value_or(std::vector<cim::v1::TierChange>())) {
      out.push_back(c.id());
    }
    return out;
  };
  EXPECT_THAT(ids(0, 0, 10), ElementsAre(back->id(), bravo->id(), up->id()));
  EXPECT_THAT(ids(kAlpha, 0, 10), ElementsAre(back->id(), up->id()));
  EXPECT_THAT(ids(0, back->id(), 1), ElementsAre(bravo->id()));
  EXPECT_THAT(ids(kBravo, bravo->id(), 10), IsEmpty());
}

TEST_F(MysqlPartnerTierRepositoryTest, TheScheduledDayIsClaimedOnceUntilReleased) {
  const absl::CivilDay today(2026, 3, 2);
  EXPECT_THAT(tiers_.ClaimScheduledDay(today), testing::IsOkAndHolds(true));
  EXPECT_THAT(tiers_.ClaimScheduledDay(today), testing::IsOkAndHolds(false));
  EXPECT_THAT(tiers_.ClaimScheduledDay(today - 1), testing::IsOkAndHolds(false));  // past
  // A failed run gives the day back, for any server to run again.
  ASSERT_TRUE(tiers_.ReleaseScheduledDay(today).ok());
  EXPECT_THAT(tiers_.ClaimScheduledDay(today), testing::IsOkAndHolds(true));
  EXPECT_THAT(tiers_.ClaimScheduledDay(today + 1), testing::IsOkAndHolds(true));
  // Releasing a day that is not the last claimed changes nothing.
  ASSERT_TRUE(tiers_.ReleaseScheduledDay(today).ok());
  EXPECT_THAT(tiers_.ClaimScheduledDay(today + 1), testing::IsOkAndHolds(false));
}

}  // namespace
}  // namespace cim
