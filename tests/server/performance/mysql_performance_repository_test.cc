// The performance store against MariaDB (the world of performance_store_fixture.h): program
// costs are stored and read back in the program currency's minor units, listed newest first,
// voided once (FAILED_PRECONDITION after, NOT_FOUND for an unknown id); enrolled partners and
// every active partner with the unexpired certifications of its active users; sales are the
// approved or paid claim lines of the partners per partner, by currency, invoice dates, SKUs
// and program, with cost of goods from the product in the claim's currency; rewards are a
// program's money net of reversals per partner and posting day, and its points; the funnel
// counts claims per status and the hours to each first decision; engagement counts within the
// range; approved claims are replayed in the order they were decided, stopping at an error.
#include "server/performance/mysql_performance_repository.h"

#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/performance/performance_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

class MysqlPerformanceRepositoryTest : public PerformanceStoreTest {
 protected:
  static cim::v1::ProgramCost Cost(int64_t program_id, cim::v1::ProgramCostCategory category,
                                   const std::string& amount, const std::string& incurred_on) {
    cim::v1::ProgramCost c;
    c.set_program_id(program_id);
    c.set_category(category);
    c.set_amount(amount);
    c.set_description("Launch webinar");
    c.set_incurred_on(incurred_on);
    return c;
  }

  // "partner: sales/cogs" for each partner of `query`'s sales, ordered by partner.
  std::vector<std::string> Sales(const SalesQuery& query) {
    absl::StatusOr<absl::flat_hash_map<int64_t, SalesFigures>> sales = performance_.Sales(query);
    EXPECT_THAT(sales, IsOk());
    std::map<int64_t, SalesFigures> ordered;
    if (sales.ok()) ordered.insert(sales->begin(), sales->end());
    std::vector<std::string> out;
    for (const auto& [partner, f] : ordered) {
      out.push_back(absl::StrCat(partner, ": ", f.sales.ToString(2), "/", f.cogs.ToString(2)));
    }
    return out;
  }

  static std::vector<std::string> Names(const std::vector<cim::v1::Partner>& partners) {
    std::vector<std::string> out;
    for (const cim::v1::Partner& p : partners) out.push_back(p.name());
    return out;
  }
};

TEST_F(MysqlPerformanceRepositoryTest, CostsAreKeptInTheProgramsCurrencyAndVoidedOnce) {
  absl::StatusOr<cim::v1::ProgramCost> admin = performance_.InsertCost(
      Cost(p_.id(), cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "1500.5", "2026-02-05"), kPam, T0());
  ASSERT_THAT(admin, IsOk());
  EXPECT_GT(admin->id(), 0);
  EXPECT_EQ(admin->program_id(), p_.id());
  EXPECT_EQ(admin->category(), cim::v1::PROGRAM_COST_CATEGORY_ADMIN);
  EXPECT_EQ(admin->amount(), "1500.50");
  EXPECT_EQ(admin->description(), "Launch webinar");
  EXPECT_EQ(admin->incurred_on(), "2026-02-05");
  EXPECT_EQ(admin->created_by(), kPam);
  EXPECT_EQ(admin->create_time().seconds(), kT0Seconds);
  EXPECT_FALSE(admin->voided());
  absl::StatusOr<cim::v1::ProgramCost> marketing = performance_.InsertCost(
      Cost(p_.id(), cim::v1::PROGRAM_COST_CATEGORY_MARKETING, "50", "2026-02-06"), kFay, T0());
  ASSERT_THAT(marketing, IsOk());

  // Whole yen, fils to three places: the currency's minor units, as every money field.
  const cim::v1::Program yen = BudgetProgram("JPY", "100000");
  EXPECT_THAT(performance_.InsertCost(
                  Cost(yen.id(), cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "1000", "2026-02-05"),
                  kPam, T0()),
              ::cim::testing::IsOkAndHolds(Property(&cim::v1::ProgramCost::amount, "1000")));
  const cim::v1::Program dinar = BudgetProgram("BHD", "1000");
  EXPECT_THAT(performance_.InsertCost(
                  Cost(dinar.id(), cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "12.5", "2026-02-05"),
                  kPam, T0()),
              ::cim::testing::IsOkAndHolds(Property(&cim::v1::ProgramCost::amount, "12.500")));

  absl::StatusOr<std::vector<cim::v1::ProgramCost>> list = performance_.ListCosts(p_.id());
  ASSERT_THAT(list, IsOk());
  EXPECT_THAT(*list, ElementsAre(Property(&cim::v1::ProgramCost::amount, "50.00"),
                                 Property(&cim::v1::ProgramCost::amount, "1500.50")));
  absl::StatusOr<std::vector<cim::v1::ProgramCost>> none = performance_.ListCosts(q_.id());
  ASSERT_THAT(none, IsOk());
  EXPECT_THAT(*none, IsEmpty());

  EXPECT_THAT(performance_.VoidCost(admin->id()),
              ::cim::testing::IsOkAndHolds(Property(&cim::v1::ProgramCost::voided, true)));
  EXPECT_THAT(performance_.GetCost(admin->id()),
              ::cim::testing::IsOkAndHolds(Property(&cim::v1::ProgramCost::voided, true)));
  EXPECT_THAT(performance_.VoidCost(admin->id()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already void")));
  EXPECT_THAT(performance_.VoidCost(99999), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(performance_.GetCost(99999),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("program cost 99999")));
  EXPECT_THAT(performance_.GetCost(marketing->id()),
              ::cim::testing::IsOkAndHolds(Property(&cim::v1::ProgramCost::voided, false)));
}

TEST_F(MysqlPerformanceRepositoryTest, EnrolledPartnersAndActiveCandidatesWithCertifications) {
  absl::StatusOr<std::vector<cim::v1::Partner>> enrolled = performance_.EnrolledPartners(p_.id());
  ASSERT_THAT(enrolled, IsOk());
  EXPECT_THAT(Names(*enrolled), ElementsAre("Alpha", "Bravo"));
  EXPECT_EQ((*enrolled)[1].type(), cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  EXPECT_EQ((*enrolled)[1].region(), "NA");
  EXPECT_EQ((*enrolled)[1].tier(), "silver");
  absl::StatusOr<std::vector<cim::v1::Partner>> nobody = performance_.EnrolledPartners(q_.id());
  ASSERT_THAT(nobody, IsOk());
  EXPECT_THAT(*nobody, IsEmpty());

  // Carol is suspended; Bea's certification has expired; Dee's user is disabled.
  absl::StatusOr<Candidates> candidates = performance_.ActivePartnersWithCertifications(T0());
  ASSERT_THAT(candidates, IsOk());
  ASSERT_EQ(candidates->size(), 2u);
  EXPECT_EQ((*candidates)[0].first.name(), "Alpha");
  EXPECT_THAT((*candidates)[0].second, UnorderedElementsAre("stor-pro"));
  EXPECT_EQ((*candidates)[1].first.name(), "Bravo");
  EXPECT_THAT((*candidates)[1].second, IsEmpty());
  // A year on, Rob's certification has expired too.
  absl::StatusOr<Candidates> later =
      performance_.ActivePartnersWithCertifications(T0() + absl::Hours(24 * 365));
  ASSERT_THAT(later, IsOk());
  EXPECT_THAT((*later)[0].second, IsEmpty());
}

TEST_F(MysqlPerformanceRepositoryTest, SalesSumApprovedAndPaidLinesPerPartner) {
  const DateRange february = Range(Day(2026, 2, 1), Day(2026, 2, 28));
  const struct {
    const char* name;
    SalesQuery query;
    std::vector<std::string> sales;
  } kCases[] = {
      // Alpha: 6,000 + 200 + 50 (US-1 is priced in USD: no cost) and Bravo's paid 4,000;
      // Bravo's submitted and Alpha's rejected claims are not sales.
      {"every line",
       {.partner_ids = {kAlpha, kBravo}, .currency_code = "EUR", .range = february},
       {"1: 6250.00/3700.00", "2: 4000.00/2400.00"}},
      {"eligible SKUs",
       {.partner_ids = {kAlpha, kBravo},
        .currency_code = "EUR",
        .range = february,
        .skus = {"ST-200"}},
       {"1: 6000.00/3600.00", "2: 4000.00/2400.00"}},
      {"one partner",
       {.partner_ids = {kBravo}, .currency_code = "EUR", .range = february},
       {"2: 4000.00/2400.00"}},
      {"invoice dates, inclusive",
       {.partner_ids = {kAlpha, kBravo},
        .currency_code = "EUR",
        .range = Range(Day(2026, 1, 15), Day(2026, 2, 10))},
       {"1: 5000.00/3000.00", "2: 6000.00/3600.00"}},
      {"currency",
       {.partner_ids = {kAlpha}, .currency_code = "USD", .range = february},
       {"1: 900.00/0.00"}},  // ST-200 has no USD price
      {"program",
       {.partner_ids = {kAlpha, kBravo},
        .currency_code = "EUR",
        .range = Range(Day(2026, 1, 1), Day(2026, 2, 28)),
        .program_id = q_.id()},
       {"1: 5000.00/3000.00", "2: 2000.00/1200.00"}},
      {"no partners", {.partner_ids = {}, .currency_code = "EUR", .range = february}, {}},
  };
  for (const auto& c : kCases) {
    EXPECT_THAT(Sales(c.query), ::testing::ElementsAreArray(c.sales)) << c.name;
  }
}

TEST_F(MysqlPerformanceRepositoryTest, RewardsAreTheProgramsNetMoneyPerPartnerAndDay) {
  absl::StatusOr<RewardFigures> rewards = performance_.Rewards(p_.id());
  ASSERT_THAT(rewards, IsOk());
  std::map<int64_t, std::string> by_partner;
  for (const auto& [partner, money] : rewards->money_by_partner) {
    by_partner[partner] = money.ToString(2);
  }
  // Alpha: 60 + 20 co-op − 10; Carol's money counts though she is not enrolled.
  EXPECT_THAT(by_partner,
              ElementsAre(Pair(kAlpha, "70.00"), Pair(kBravo, "40.00"), Pair(kCarol, "5.00")));
  std::vector<std::string> by_day;
  for (const auto& [day, money] : rewards->money_by_day) {
    by_day.push_back(absl::StrCat(FormatDate(day), " ", money.ToString(2)));
  }
  EXPECT_THAT(by_day, ElementsAre("2026-02-10 40.00", "2026-02-11 5.00", "2026-02-20 80.00",
                                  "2026-02-25 -10.00"));
  EXPECT_EQ(rewards->points.ToString(0), "130");

  absl::StatusOr<RewardFigures> none = performance_.Rewards(draft_.id());
  ASSERT_THAT(none, IsOk());
  EXPECT_TRUE(none->money_by_partner.empty());
  EXPECT_TRUE(none->points.is_zero());
}

TEST_F(MysqlPerformanceRepositoryTest, FunnelCountsClaimsAndHoursToTheFirstDecision) {
  absl::StatusOr<FunnelFigures> funnel = performance_.Funnel(p_.id());
  ASSERT_THAT(funnel, IsOk());
  EXPECT_THAT(
      funnel->by_status,
      ElementsAre(Pair(cim::v1::CLAIM_STATUS_SUBMITTED, 1), Pair(cim::v1::CLAIM_STATUS_APPROVED, 1),
                  Pair(cim::v1::CLAIM_STATUS_REJECTED, 1), Pair(cim::v1::CLAIM_STATUS_PAID, 1)));
  // Bravo's approval (4 h; its later PAID event is no decision), Alpha's (2 h), the rejection
  // (6 h); the submitted claim has none.
  std::vector<double> hours = funnel->cycle_hours;
  std::sort(hours.begin(), hours.end());
  EXPECT_THAT(hours, ElementsAre(2.0, 4.0, 6.0));
}

TEST_F(MysqlPerformanceRepositoryTest, EngagementCountsThePartnersWithinTheRange) {
  absl::StatusOr<EngagementFigures> february =
      performance_.Engagement(p_.id(), {kAlpha, kBravo}, Range(Day(2026, 2, 1), Day(2026, 3, 1)));
  ASSERT_THAT(february, IsOk());
  EXPECT_EQ(february->active_partners, 2);
  EXPECT_EQ(february->training_completions, 2);  // Rob's and Bea's; Ann's was in January
  std::array<int64_t, 11> scores{};
  scores[6] = scores[9] = scores[10] = 1;  // Dee's 0 was in January
  EXPECT_EQ(february->scores, scores);

  // The range's last day counts in full; the day after does not.
  absl::StatusOr<EngagementFigures> to_feb_28 =
      performance_.Engagement(p_.id(), {kAlpha, kBravo}, Range(Day(2026, 2, 15), Day(2026, 2, 28)));
  ASSERT_THAT(to_feb_28, IsOk());
  EXPECT_EQ(to_feb_28->training_completions, 1);
  EXPECT_EQ(to_feb_28->active_partners, 2);  // Alpha (02-20, 02-26), Bravo (02-25)

  absl::StatusOr<EngagementFigures> alpha =
      performance_.Engagement(p_.id(), {kAlpha}, Range(Day(2026, 1, 1), Day(2026, 3, 1)));
  ASSERT_THAT(alpha, IsOk());
  EXPECT_EQ(alpha->active_partners, 1);
  EXPECT_EQ(alpha->training_completions, 2);  // Ann's and Rob's
  EXPECT_EQ(alpha->scores[0], 1);
  EXPECT_EQ(alpha->scores[6], 0);

  absl::StatusOr<EngagementFigures> nobody =
      performance_.Engagement(p_.id(), {}, Range(Day(2026, 1, 1), Day(2026, 3, 1)));
  ASSERT_THAT(nobody, IsOk());
  EXPECT_EQ(nobody->active_partners, 0);
  EXPECT_EQ(nobody->training_completions, 0);
}

TEST_F(MysqlPerformanceRepositoryTest, ReplaysApprovedClaimsInTheOrderTheyWereDecided) {
  const SalesQuery query{.partner_ids = {kAlpha, kBravo},
                         .currency_code = "EUR",
                         .range = Range(Day(2026, 1, 1), Day(2026, 3, 1))};
  std::vector<std::string> replayed;
  ASSERT_THAT(performance_.ForEachApprovedClaim(
                  query,
                  [&](HistoricalClaim& c) {
                    std::vector<std::string> skus;
                    for (const SaleLine& l : c.sale.lines) {
                      skus.push_back(absl::StrCat(l.quantity, "x", l.sku));
                    }
                    replayed.push_back(
                        absl::StrCat(c.partner_id, " ", FormatDate(c.sale.invoice_date), " ",
                                     absl::StrJoin(skus, "+"), " cogs ", c.cogs.ToString(2)));
                    return absl::OkStatus();
                  }),
              IsOk());
  // Bravo's claim was decided before Alpha's though Alpha's has the lower id; the rejected,
  // submitted and USD claims are not replayed.
  EXPECT_THAT(replayed, ElementsAre("1 2026-01-15 5xST-200 cogs 3000.00",
                                    "2 2026-01-20 2xST-200 cogs 1200.00",
                                    "2 2026-02-10 4xST-200 cogs 2400.00",
                                    "1 2026-02-20 6xST-200+2xNW-100+1xUS-1 cogs 3700.00"));

  // One program, one SKU; the approval time comes along.
  SalesQuery only_p = query;
  only_p.program_id = p_.id();
  only_p.skus = {"ST-200"};
  std::vector<int64_t> claims;
  std::vector<int64_t> approved_at;
  ASSERT_THAT(
      performance_.ForEachApprovedClaim(only_p,
                                        [&](HistoricalClaim& c) {
                                          claims.push_back(c.claim_id);
                                          approved_at.push_back(absl::ToUnixSeconds(c.approved_at));
                                          EXPECT_EQ(c.sale.lines.size(), 1u);
                                          return absl::OkStatus();
                                        }),
      IsOk());
  EXPECT_THAT(claims, ElementsAre(bravo_claim_, alpha_claim_));
  EXPECT_THAT(approved_at,
              ElementsAre(absl::ToUnixSeconds(absl::FromCivil(
                              absl::CivilSecond(2026, 2, 10, 12, 0, 0), absl::UTCTimeZone())),
                          absl::ToUnixSeconds(absl::FromCivil(
                              absl::CivilSecond(2026, 2, 20, 12, 0, 0), absl::UTCTimeZone()))));

  // The first error stops the replay and is returned.
  int calls = 0;
  EXPECT_THAT(performance_.ForEachApprovedClaim(query,
                                                [&](HistoricalClaim&) {
                                                  ++calls;
                                                  return absl::InvalidArgumentError("bad rules");
                                                }),
              StatusIs(absl::StatusCode::kInvalidArgument, "bad rules"));
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace cim
