// PartnerTiers on the real tier store (MariaDB, an injected clock): anyone reads the ladder,
// only program admins set it (validated by field, ranked, stamped with the clock); a partner's
// status is its own to read (another's NOT_FOUND, vendor staff name one) with its figures, the
// tier they qualify for and the gap to the next, and a demotion warning naming the rebates the
// drop would cost in the programs it is enrolled in (by the rules engine); evaluation (admins and
// channel managers, not before a ladder exists) moves partners to the tier their figures give, as a
// dry run storing nothing or for real, a hand-set code entering the ladder being no promotion; the
// daily run happens once a day, as the server; changes are listed within the caller's partner.
#include "server/partner_tier/partner_tiers.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/program/mysql_program_repository.h"
#include "tests/server/partner_tier/partner_tier_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class PartnerTiersTest : public PartnerTierStoreTest {
 protected:
  void SetLadder() {
    cim::v1::SetTierLadderRequest request;
    *request.mutable_ladder() = Parse<cim::v1::TierLadder>(kTierLadder);
    for (cim::v1::Tier& t : *request.mutable_ladder()->mutable_tiers()) t.clear_rank();
    ASSERT_TRUE(tiers_domain_.SetLadder(Admin(), request).ok());
  }

  // Alpha qualifies for Platinum: 260,000 EUR of sales, 5,200 points, Ann and Rob certified.
  void GivePlatinumFigures() {
    Append({Approved(kRob, kAlpha, 5000, 200000, T0() - absl::Hours(24 * 30)),
            Approved(kAnn, kAlpha, 200, 60000, T0() - absl::Hours(24))});
    Certify(kAnn, kAlpha, "storage-expert", "2028-01-01 00:00:00");
    Certify(kRob, kAlpha, "storage-expert", "2028-01-01 00:00:00");
  }

  absl::StatusOr<cim::v1::EvaluateTiersResponse> Evaluate(const Principal& caller,
                                                          int64_t partner = 0,
                                                          bool dry_run = false) {
    cim::v1::EvaluateTiersRequest request;
    request.set_partner_id(partner);
    request.set_dry_run(dry_run);
    return tiers_domain_.Evaluate(caller, request);
  }

  static std::vector<std::string> Moves(const cim::v1::EvaluateTiersResponse& r) {
    std::vector<std::string> out;
    for (const cim::v1::TierChange& c : r.changes()) {
      out.push_back(absl::StrCat(c.partner_name(), " ", c.from_tier(), "->", c.to_tier(),
                                 c.promotion() ? " up" : ""));
    }
    return out;
  }

  // An active 2026 program with quarterly periods Alpha is enrolled in: a rebate with partner
  // tier uplifts (silver 0.5%, gold 2%) and Alpha's Q1 volume of 48,000.50 EUR so far.
  int64_t UpliftProgram(const std::string& name, const std::string& uplifts) {
    cim::v1::Program program = Parse<cim::v1::Program>(absl::StrCat(
        "name: \"", name,
        "\" currency_code: \"EUR\" budget: \"100000\" start_date: \"2026-01-01\""
        " end_date: \"2026-12-31\" period: PROGRAM_PERIOD_QUARTER status: PROGRAM_STATUS_ACTIVE"
        " terms: \"Terms\" terms_version: 1 rules_version: 1"
        " rules { id: \"volume\" name: \"Volume rebate\" rebate { mode: REBATE_MODE_RETROACTIVE"
        " tiers { min_volume: \"0\" percent: \"3\" } ",
        uplifts, " } }"));
    absl::StatusOr<cim::v1::Program> stored = programs_.Create(program, kVera, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    const int64_t id = stored.ok() ? stored->id() : 0;
    Exec(absl::StrCat(
        "INSERT INTO enrollments (program_id, partner_id, accepted_terms_version, accepted_by,"
        " accepted_at) VALUES (",
        id, ", ", kAlpha, ", 1, ", kAnn, ", '2026-01-05 09:00:00')"));
    Exec(absl::StrCat(
        "INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start, volume,"
        " rebate_posted, lump_sum_posted) VALUES (",
        id, ", ", kAlpha, ", 'volume', '2026-01-01', 48000.50, 1440.02, 0)"));
    return id;
  }

  FakeClock clock_{T0()};
  MysqlProgramRepository programs_{database_.db()};
  MysqlClaimRepository claims_{database_.db()};
  PartnerTiers tiers_domain_{tiers_, programs_, claims_, clock_};
};

TEST_F(PartnerTiersTest, ProgramAdminsSetAValidatedLadder) {
  cim::v1::SetTierLadderRequest request;
  *request.mutable_ladder() = Parse<cim::v1::TierLadder>(kTierLadder);
  EXPECT_THAT(tiers_domain_.SetLadder(Manager(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::SetTierLadderRequest bad = request;
  bad.mutable_ladder()->mutable_tiers(0)->mutable_criteria()->set_min_trailing_sales("10");
  bad.mutable_ladder()->mutable_tiers(2)->set_code("gold");
  EXPECT_THAT(
      tiers_domain_.SetLadder(Admin(), bad),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("ladder.tiers[0].criteria"), HasSubstr("ladder.tiers[2].code"))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tiers"), 0);

  clock_.Advance(absl::Hours(1));
  absl::StatusOr<cim::v1::TierLadder> set = tiers_domain_.SetLadder(Admin(), request);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(set->currency_code(), "EUR");
  EXPECT_THAT(set->tiers(),
              ElementsAre(Property(&cim::v1::Tier::rank, 1), Property(&cim::v1::Tier::rank, 2),
                          Property(&cim::v1::Tier::rank, 3)));
  EXPECT_EQ(FromTimestamp(set->update_time()), T0() + absl::Hours(1));
  absl::StatusOr<cim::v1::TierLadder> read = tiers_domain_.GetLadder(Bea());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->SerializeAsString(), set->SerializeAsString());
}

TEST_F(PartnerTiersTest, StatusIsOnesOwnWithFiguresAndTheNextTier) {
  SetLadder();
  Append({Approved(kRob, kAlpha, 100, 80000, T0() - absl::Hours(24))});
  Certify(kAnn, kAlpha, "storage-expert", "2028-01-01 00:00:00");

  absl::StatusOr<cim::v1::PartnerTierStatus> alpha =
      tiers_domain_.Status(Rob(), cim::v1::GetPartnerTierStatusRequest());
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_EQ(alpha->partner_id(), kAlpha);
  EXPECT_EQ(alpha->partner_name(), "Alpha");
  EXPECT_EQ(alpha->currency_code(), "EUR");
  EXPECT_EQ(alpha->tier().code(), "gold");  // held, though the figures give Silver
  EXPECT_EQ(alpha->qualified_tier().code(), "silver");
  EXPECT_EQ(alpha->trailing_sales(), "80000");
  EXPECT_EQ(alpha->trailing_points(), "100");
  EXPECT_EQ(alpha->certified_users(), 1);
  EXPECT_EQ(alpha->next_tier().tier().code(), "platinum");

  cim::v1::GetPartnerTierStatusRequest of_bravo;
  of_bravo.set_partner_id(kBravo);
  EXPECT_THAT(tiers_domain_.Status(Rob(), of_bravo),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 2 not found")));
  absl::StatusOr<cim::v1::PartnerTierStatus> bravo = tiers_domain_.Status(Manager(), of_bravo);
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_EQ(bravo->tier().code(), "silver");
  EXPECT_EQ(bravo->trailing_sales(), "0");
  EXPECT_EQ(bravo->next_tier().tier().code(), "gold");
  EXPECT_THAT(tiers_domain_.Status(Manager(), cim::v1::GetPartnerTierStatusRequest()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("partner_id: required for vendor roles")));
  cim::v1::GetPartnerTierStatusRequest unknown;
  unknown.set_partner_id(99);
  EXPECT_THAT(tiers_domain_.Status(Manager(), unknown), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PartnerTiersTest, ADemotionWarningSaysWhatTheDropCostsInRebates) {
  SetLadder();
  // Alpha holds Gold on Ann and Rob; Ann's certification runs out in 20 days.
  Append({Approved(kRob, kAlpha, 100, 120000, T0() - absl::Hours(24))});
  Certify(kAnn, kAlpha, "storage-expert", "2026-03-22 09:00:00");
  Certify(kRob, kAlpha, "storage-expert", "2028-01-01 00:00:00");
  const int64_t storage = UpliftProgram("Storage",
                                        "partner_tier_uplifts { tier: \"silver\" percent: \"0.5\" }"
                                        " partner_tier_uplifts { tier: \"gold\" percent: \"2\" }");
  // Silver keeps what Gold gets here, and this one has no uplift: neither is at risk.
  UpliftProgram("Same for both",
                "partner_tier_uplifts { tier: \"silver\" percent: \"2\" }"
                " partner_tier_uplifts { tier: \"gold\" percent: \"2\" }");
  UpliftProgram("No uplift", "");

  absl::StatusOr<cim::v1::PartnerTierStatus> status =
      tiers_domain_.Status(Rob(), cim::v1::GetPartnerTierStatusRequest());
  ASSERT_TRUE(status.ok()) << status.status();
  ASSERT_TRUE(status->has_demotion_warning());
  const cim::v1::TierDemotionWarning& w = status->demotion_warning();
  EXPECT_EQ(w.would_drop_to().code(), "silver");
  ASSERT_EQ(w.rebates_at_risk_size(), 1);
  const cim::v1::RebateAtRisk& r = w.rebates_at_risk(0);
  EXPECT_EQ(r.program_id(), storage);
  EXPECT_EQ(r.program_name(), "Storage");
  EXPECT_EQ(r.rule_id(), "volume");
  EXPECT_EQ(r.rule_name(), "Volume rebate");
  EXPECT_EQ(r.percent_now(), "2");
  EXPECT_EQ(r.percent_after(), "0.5");
  EXPECT_EQ(r.percent_lost(), "1.5");
  EXPECT_EQ(r.currency_code(), "EUR");
  EXPECT_EQ(r.period_sales(), "48000.50");
  // 2% of 48,000.50 = 960.01 against 0.5% = 240.00, as the engine rounds each.
  EXPECT_EQ(r.amount_lost(), "720.01");
  EXPECT_EQ(r.period_start(), "2026-01-01");
  EXPECT_EQ(r.period_end(), "2026-03-31");
  EXPECT_EQ(InEnglish(w.text()),
            "1 certification expires by 22 Mar 2026: renew it to keep Gold (otherwise Silver),"
            " and Silver earns 1.5% less rebate in Storage: €720.01 on this period's sales so"
            " far");

  // A third certified user: no drop, so no warning and nothing at stake.
  Certify(kHid, kAlpha, "storage-expert", "2028-01-01 00:00:00");
  status = tiers_domain_.Status(Rob(), cim::v1::GetPartnerTierStatusRequest());
  ASSERT_TRUE(status.ok()) << status.status();
  EXPECT_FALSE(status->has_demotion_warning());
}

TEST_F(PartnerTiersTest, EvaluationMovesPartnersToTheTierTheirFiguresGive) {
  EXPECT_THAT(Evaluate(Manager()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no tier ladder is set")));
  SetLadder();
  GivePlatinumFigures();
  // Charlie's tier was set by hand, outside the ladder.
  Exec(
      "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
      " ('Charlie', 3, 'legacy', 'APAC', 1, NOW(), NOW())");
  EXPECT_THAT(Evaluate(Rob()), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Evaluate(Manager(), -1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner_id")));

  // A dry run says what would change and changes nothing.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> dry = Evaluate(Manager(), 0, true);
  ASSERT_TRUE(dry.ok()) << dry.status();
  EXPECT_EQ(dry->evaluated(), 3);
  EXPECT_THAT(Moves(*dry), ElementsAre("Alpha gold->platinum up", "Charlie legacy->silver"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tier_changes"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners WHERE tier = 'gold'"), 1);

  clock_.Advance(absl::Minutes(5));
  absl::StatusOr<cim::v1::EvaluateTiersResponse> run = Evaluate(Manager());
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_THAT(Moves(*run), ElementsAre("Alpha gold->platinum up", "Charlie legacy->silver"));
  const cim::v1::TierChange& alpha = run->changes(0);
  EXPECT_GT(alpha.id(), 0);
  EXPECT_EQ(alpha.trigger(), cim::v1::TIER_CHANGE_TRIGGER_ON_DEMAND);
  EXPECT_EQ(alpha.evaluated_by(), kVera);
  EXPECT_EQ(FromTimestamp(alpha.change_time()), T0() + absl::Minutes(5));
  EXPECT_THAT(alpha.reason(), HasSubstr("Platinum"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners WHERE id = 1 AND tier = 'platinum'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tier_changes"), 2);

  // Where everyone stands, nothing moves; one partner may be evaluated alone.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> again = Evaluate(Manager());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->evaluated(), 3);
  EXPECT_THAT(again->changes(), IsEmpty());
  absl::StatusOr<cim::v1::EvaluateTiersResponse> one = Evaluate(Admin(), kBravo);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(one->evaluated(), 1);
  EXPECT_THAT(Evaluate(Admin(), 99), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PartnerTiersTest, TheDailyRunHappensOnceADayAsTheServer) {
  // No ladder: nothing to run, and the day stays unclaimed.
  absl::StatusOr<cim::v1::EvaluateTiersResponse> idle = tiers_domain_.RunScheduled();
  ASSERT_TRUE(idle.ok()) << idle.status();
  EXPECT_EQ(idle->evaluated(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tier_settings WHERE last_scheduled_day = '2026-03-02'"), 0);

  SetLadder();
  GivePlatinumFigures();
  absl::StatusOr<cim::v1::EvaluateTiersResponse> today = tiers_domain_.RunScheduled();
  ASSERT_TRUE(today.ok()) << today.status();
  EXPECT_EQ(today->evaluated(), 2);
  EXPECT_THAT(Moves(*today), ElementsAre("Alpha gold->platinum up"));
  EXPECT_EQ(today->changes(0).trigger(), cim::v1::TIER_CHANGE_TRIGGER_SCHEDULED);
  EXPECT_EQ(today->changes(0).evaluated_by(), 0);

  // Later the same day (on this server or another): already done.
  Exec("UPDATE partners SET tier = 'gold' WHERE id = 1");
  clock_.Advance(absl::Hours(10));
  absl::StatusOr<cim::v1::EvaluateTiersResponse> later = tiers_domain_.RunScheduled();
  ASSERT_TRUE(later.ok()) << later.status();
  EXPECT_EQ(later->evaluated(), 0);
  // The next day runs again.
  clock_.Advance(absl::Hours(5));  // 2026-03-03 00:00
  absl::StatusOr<cim::v1::EvaluateTiersResponse> tomorrow = tiers_domain_.RunScheduled();
  ASSERT_TRUE(tomorrow.ok()) << tomorrow.status();
  EXPECT_THAT(Moves(*tomorrow), ElementsAre("Alpha gold->platinum up"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tier_changes WHERE trigger_kind = 1"), 2);
}

TEST_F(PartnerTiersTest, ChangesAreListedWithinTheCallersPartner) {
  SetLadder();
  GivePlatinumFigures();
  ASSERT_TRUE(Evaluate(Manager()).ok());
  Exec("UPDATE partners SET tier = 'legacy' WHERE id = 2");
  ASSERT_TRUE(Evaluate(Manager(), kBravo).ok());

  absl::StatusOr<cim::v1::ListTierChangesResponse> mine =
      tiers_domain_.ListChanges(Rob(), cim::v1::ListTierChangesRequest());
  ASSERT_TRUE(mine.ok()) << mine.status();
  EXPECT_THAT(mine->changes(), ElementsAre(Property(&cim::v1::TierChange::partner_id, kAlpha)));
  cim::v1::ListTierChangesRequest of_alpha;
  of_alpha.set_partner_id(kAlpha);
  EXPECT_THAT(tiers_domain_.ListChanges(Bea(), of_alpha),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 1 not found")));

  cim::v1::ListTierChangesRequest page;
  page.set_page_size(1);
  absl::StatusOr<cim::v1::ListTierChangesResponse> newest =
      tiers_domain_.ListChanges(Manager(), page);
  ASSERT_TRUE(newest.ok()) << newest.status();
  EXPECT_THAT(newest->changes(), ElementsAre(Property(&cim::v1::TierChange::partner_id, kBravo)));
  page.set_page_token(newest->next_page_token());
  absl::StatusOr<cim::v1::ListTierChangesResponse> older =
      tiers_domain_.ListChanges(Manager(), page);
  ASSERT_TRUE(older.ok()) << older.status();
  EXPECT_THAT(older->changes(), ElementsAre(Property(&cim::v1::TierChange::partner_id, kAlpha)));
  EXPECT_EQ(older->next_page_token(), "");
  cim::v1::ListTierChangesRequest negative;
  negative.set_partner_id(-1);
  EXPECT_THAT(tiers_domain_.ListChanges(Manager(), negative),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner_id")));
}

}  // namespace
}  // namespace cim
