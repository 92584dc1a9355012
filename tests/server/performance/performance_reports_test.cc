// PerformanceReports over the real performance and program stores with an injected clock (the
// world of performance_store_fixture.h, on 2026-03-02): program admins and finance enter and
// void costs in the program currency's minor units within the program's dates, each bad field
// named; vendor roles read ROI with every input exactly (the program, each partner with the
// entered costs shared by sales, partner types and regions), against the default or a given
// baseline scaled to the period; budget burn, funnel and engagement; every started program
// newest first; and what-if simulations that replay the approvals, apply a changed rule and
// write nothing. Partners are refused; a program yet to start is FAILED_PRECONDITION.
#include "server/performance/performance_reports.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/program/mysql_product_repository.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/server/performance/performance_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class PerformanceReportsTest : public PerformanceStoreTest {
 protected:
  absl::StatusOr<cim::v1::ProgramCost> AddCost(int64_t caller, int64_t program_id,
                                               cim::v1::ProgramCostCategory category,
                                               const std::string& amount,
                                               const std::string& incurred_on = "2026-02-05",
                                               const std::string& description = "Webinar") {
    cim::v1::AddProgramCostRequest request;
    request.set_program_id(program_id);
    request.set_category(category);
    request.set_amount(amount);
    request.set_description(description);
    request.set_incurred_on(incurred_on);
    return reports_.AddCost(Caller(caller), request);
  }

  // Admin 100.00 and marketing 50.00 against program P, and 999.00 of training voided.
  void EnterCosts() {
    ASSERT_THAT(AddCost(kPam, p_.id(), cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "100"), IsOk());
    ASSERT_THAT(AddCost(kFay, p_.id(), cim::v1::PROGRAM_COST_CATEGORY_MARKETING, "50"), IsOk());
    absl::StatusOr<cim::v1::ProgramCost> voided =
        AddCost(kPam, p_.id(), cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "999");
    ASSERT_THAT(voided, IsOk());
    cim::v1::VoidProgramCostRequest request;
    request.set_cost_id(voided->id());
    ASSERT_THAT(reports_.VoidCost(Caller(kPam), request), IsOk());
  }

  absl::StatusOr<cim::v1::ProgramPerformance> Get(int64_t caller, int64_t program_id,
                                                  const std::string& baseline_start = "",
                                                  const std::string& baseline_end = "") {
    cim::v1::GetProgramPerformanceRequest request;
    request.set_program_id(program_id);
    request.set_baseline_start(baseline_start);
    request.set_baseline_end(baseline_end);
    return reports_.Get(Caller(caller), request);
  }

  absl::StatusOr<cim::v1::SimulationResult> Simulate(int64_t caller, const std::string& start,
                                                     const std::string& end,
                                                     const std::string& per_unit = "") {
    cim::v1::SimulateProgramRequest request;
    request.set_program_id(p_.id());
    request.set_history_start(start);
    request.set_history_end(end);
    if (!per_unit.empty()) {
      *request.mutable_program()->mutable_rules() = p_.rules();
      request.mutable_program()
          ->mutable_rules(0)
          ->mutable_spif()
          ->mutable_products(0)
          ->set_amount_per_unit(per_unit);
      request.mutable_update_mask()->add_paths("rules");
    }
    return reports_.Simulate(Caller(caller), request);
  }

  // "net/total cost/roi %" of a segment's figures.
  static std::string Net(const cim::v1::RoiFigures& roi) {
    return absl::StrCat(roi.net_profit(), "/", roi.total_cost(), "/", roi.roi_percent());
  }

  FakeClock clock_{T0()};
  MysqlProductRepository products_{database_.db()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  ProgramDirectory directory_{programs_, products_, partners_, certifications_, clock_};
  PerformanceReports reports_{performance_, directory_, clock_};
};

TEST_F(PerformanceReportsTest, CostsAreEnteredInTheProgramsMinorUnitsWithinItsDates) {
  absl::StatusOr<cim::v1::ProgramCost> cost =
      AddCost(kFay, p_.id(), cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "100.5", "2026-02-01",
              "  Launch webinar  ");
  ASSERT_THAT(cost, IsOk());
  EXPECT_EQ(cost->amount(), "100.50");
  EXPECT_EQ(cost->description(), "Launch webinar");
  EXPECT_EQ(cost->incurred_on(), "2026-02-01");
  EXPECT_EQ(cost->created_by(), kFay);
  EXPECT_EQ(cost->create_time().seconds(), kT0Seconds);
  const cim::v1::Program yen = BudgetProgram("JPY", "100000");
  EXPECT_THAT(AddCost(kPam, yen.id(), cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "1000"),
              IsOkAndHolds(Property(&cim::v1::ProgramCost::amount, "1000")));
  EXPECT_THAT(AddCost(kPam, yen.id(), cim::v1::PROGRAM_COST_CATEGORY_TRAINING, "1000.5"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("amount")));

  for (int64_t caller : {kVera, kAnn, kErp}) {
    EXPECT_THAT(AddCost(caller, p_.id(), cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "1"),
                StatusIs(absl::StatusCode::kPermissionDenied))
        << caller;
  }
  const struct {
    const char* violation;
    int64_t program_id;
    int category;
    const char* amount;
    const char* incurred_on;
    std::string description;
  } kBad[] = {
      {"program_id", 0, 1, "1", "2026-02-05", "Webinar"},
      {"category", p_.id(), 0, "1", "2026-02-05", "Webinar"},
      {"category", p_.id(), 9, "1", "2026-02-05", "Webinar"},
      {"description", p_.id(), 1, "1", "2026-02-05", ""},
      {"description", p_.id(), 1, "1", "2026-02-05", std::string(501, 'd')},
      {"incurred_on", p_.id(), 1, "1", "2026-02-30", "Webinar"},
      {"amount", p_.id(), 1, "0", "2026-02-05", "Webinar"},
      {"amount", p_.id(), 1, "12.345", "2026-02-05", "Webinar"},
      {"incurred_on: must be within the program's dates 2026-02-01 to 2026-06-30", p_.id(), 1, "1",
       "2026-01-31", "Webinar"},
  };
  for (const auto& c : kBad) {
    EXPECT_THAT(AddCost(kPam, c.program_id, static_cast<cim::v1::ProgramCostCategory>(c.category),
                        c.amount, c.incurred_on, c.description),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.violation)))
        << c.violation;
  }
  EXPECT_THAT(AddCost(kPam, 999, cim::v1::PROGRAM_COST_CATEGORY_ADMIN, "1"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM program_costs"), 2);
}

TEST_F(PerformanceReportsTest, CostsAreListedByReadersAndVoidedOnce) {
  EnterCosts();
  cim::v1::ListProgramCostsRequest list;
  list.set_program_id(p_.id());
  absl::StatusOr<cim::v1::ListProgramCostsResponse> costs = reports_.ListCosts(Caller(kVera), list);
  ASSERT_THAT(costs, IsOk());
  ASSERT_EQ(costs->costs_size(), 3);
  EXPECT_TRUE(costs->costs(0).voided());  // newest first
  EXPECT_EQ(costs->costs(1).amount(), "50.00");
  EXPECT_THAT(reports_.ListCosts(Caller(kErp), list),
              IsOkAndHolds(Property(&cim::v1::ListProgramCostsResponse::costs_size, 3)));
  EXPECT_THAT(reports_.ListCosts(Caller(kAnn), list),
              StatusIs(absl::StatusCode::kPermissionDenied));
  list.set_program_id(999);
  EXPECT_THAT(reports_.ListCosts(Caller(kVera), list), StatusIs(absl::StatusCode::kNotFound));

  cim::v1::VoidProgramCostRequest void_request;
  void_request.set_cost_id(costs->costs(0).id());
  EXPECT_THAT(reports_.VoidCost(Caller(kFay), void_request),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already void")));
  void_request.set_cost_id(costs->costs(1).id());
  EXPECT_THAT(reports_.VoidCost(Caller(kVera), void_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(reports_.VoidCost(Caller(kFay), void_request),
              IsOkAndHolds(Property(&cim::v1::ProgramCost::voided, true)));
  void_request.set_cost_id(0);
  EXPECT_THAT(reports_.VoidCost(Caller(kFay), void_request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("cost_id")));
  void_request.set_cost_id(99999);
  EXPECT_THAT(reports_.VoidCost(Caller(kFay), void_request), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PerformanceReportsTest, RoiShowsEveryInputForTheProgramAndEachSegment) {
  EnterCosts();
  absl::StatusOr<cim::v1::ProgramPerformance> performance = Get(kVera, p_.id());
  ASSERT_THAT(performance, IsOk());
  EXPECT_EQ(performance->program_name(), "Storage SPIF");
  EXPECT_EQ(performance->currency_code(), "EUR");
  EXPECT_EQ(performance->period_start(), "2026-02-01");
  EXPECT_EQ(performance->period_end(), "2026-03-02");      // so far
  EXPECT_EQ(performance->baseline_start(), "2026-01-02");  // as long, just before
  EXPECT_EQ(performance->baseline_end(), "2026-01-31");
  EXPECT_EQ(performance->points_posted(), "130");
  EXPECT_EQ(performance->computed_time().seconds(), kT0Seconds);

  // Eligible (ST-200) sales 6,000 + 4,000 against January's 5,000 + 2,000 over 30 days each;
  // rewards 115 (Carol's 5 included), admin 100, marketing 50 (the voided training is not).
  const cim::v1::RoiFigures& roi = performance->roi();
  EXPECT_EQ(roi.program_sales(), "10000.00");
  EXPECT_EQ(roi.program_cogs(), "6000.00");
  EXPECT_EQ(roi.program_days(), 30);
  EXPECT_EQ(roi.baseline_sales(), "7000.00");
  EXPECT_EQ(roi.baseline_cogs(), "4200.00");
  EXPECT_EQ(roi.baseline_days(), 30);
  EXPECT_EQ(roi.expected_sales(), "7000.00");
  EXPECT_EQ(roi.incremental_sales(), "3000.00");
  EXPECT_EQ(roi.incremental_cogs(), "1800.00");
  EXPECT_EQ(roi.gross_profit(), "1200.00");
  EXPECT_EQ(roi.rewards_cost(), "115.00");
  EXPECT_EQ(roi.admin_cost(), "100.00");
  EXPECT_EQ(roi.training_cost(), "0.00");
  EXPECT_EQ(roi.marketing_cost(), "50.00");
  EXPECT_EQ(roi.total_cost(), "265.00");
  EXPECT_EQ(roi.net_profit(), "935.00");
  EXPECT_EQ(roi.roi_percent(), "352.83");  // 935 / 265

  // Costs shared 60:40 by sales: Alpha 70 + 60 + 30, Bravo 40 + 40 + 20.
  ASSERT_EQ(performance->by_partner_size(), 2);
  EXPECT_EQ(performance->by_partner(0).label(), "Alpha");
  EXPECT_EQ(performance->by_partner(0).roi().admin_cost(), "60.00");
  EXPECT_EQ(Net(performance->by_partner(0).roi()), "240.00/160.00/150.00");
  EXPECT_EQ(performance->by_partner(1).key(), absl::StrCat(kBravo));
  EXPECT_EQ(Net(performance->by_partner(1).roi()), "700.00/100.00/700.00");
  ASSERT_EQ(performance->by_partner_type_size(), 2);
  EXPECT_EQ(performance->by_partner_type(0).key(), "DISTRIBUTOR");
  EXPECT_EQ(performance->by_partner_type(0).partner_count(), 1);
  EXPECT_EQ(Net(performance->by_partner_type(0).roi()), "700.00/100.00/700.00");
  EXPECT_EQ(performance->by_partner_type(1).key(), "RESELLER");
  ASSERT_EQ(performance->by_region_size(), 2);
  EXPECT_EQ(performance->by_region(0).key(), "EMEA");
  EXPECT_EQ(Net(performance->by_region(0).roi()), "240.00/160.00/150.00");
  EXPECT_EQ(performance->by_region(1).key(), "NA");

  // Partners do not read program performance.
  EXPECT_THAT(Get(kAnn, p_.id()), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Get(kErp, p_.id()),
              IsOkAndHolds(Property(&cim::v1::ProgramPerformance::program_id, p_.id())));
  EXPECT_THAT(Get(kVera, 999), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PerformanceReportsTest, BudgetBurnFunnelAndEngagement) {
  absl::StatusOr<cim::v1::ProgramPerformance> performance = Get(kFay, p_.id());
  ASSERT_THAT(performance, IsOk());
  const cim::v1::BudgetBurn& burn = performance->budget();
  EXPECT_EQ(burn.budget(), "700.00");
  EXPECT_EQ(burn.drawn(), "115.00");
  EXPECT_EQ(burn.remaining(), "585.00");
  EXPECT_EQ(burn.daily_burn(), "3.83");            // 115 over 30 days
  EXPECT_EQ(burn.forecast_exhaustion_date(), "");  // lasts beyond 2026-06-30
  std::vector<std::string> points;
  for (const cim::v1::BudgetPoint& p : burn.points()) {
    points.push_back(absl::StrCat(p.date(), " ", p.drawn()));
  }
  EXPECT_THAT(points, ElementsAre("2026-02-10 40.00", "2026-02-11 45.00", "2026-02-20 125.00",
                                  "2026-02-25 115.00"));

  const cim::v1::ClaimsFunnel& funnel = performance->funnel();
  EXPECT_EQ(funnel.submitted(), 4);
  EXPECT_EQ(funnel.in_review(), 1);
  EXPECT_EQ(funnel.needs_info(), 0);
  EXPECT_EQ(funnel.approved(), 2);  // approved and paid
  EXPECT_EQ(funnel.rejected(), 1);
  EXPECT_EQ(funnel.paid(), 1);
  EXPECT_DOUBLE_EQ(funnel.average_cycle_hours(), 4.0);  // 2, 4 and 6 hours
  EXPECT_DOUBLE_EQ(funnel.median_cycle_hours(), 4.0);

  // Only Alpha holds a valid stor-pro certification; Carol is suspended.
  const cim::v1::ProgramEngagement& engagement = performance->engagement();
  EXPECT_EQ(engagement.eligible_partners(), 1);
  EXPECT_EQ(engagement.enrolled_partners(), 2);
  EXPECT_EQ(engagement.active_partners(), 2);
  EXPECT_EQ(engagement.training_completions(), 2);
  EXPECT_EQ(engagement.survey_responses(), 3);
  EXPECT_EQ(engagement.nps(), "33.3");  // (2 promoters − 1 detractor) / 3
}

TEST_F(PerformanceReportsTest, AGivenBaselineIsScaledToTheProgramPeriod) {
  absl::StatusOr<cim::v1::ProgramPerformance> performance =
      Get(kVera, p_.id(), "2026-01-01", "2026-01-31");
  ASSERT_THAT(performance, IsOk());
  EXPECT_EQ(performance->roi().baseline_days(), 31);
  EXPECT_EQ(performance->roi().baseline_sales(), "7000.00");
  EXPECT_EQ(performance->roi().expected_sales(), "6774.19");  // 7,000 × 30 / 31
  EXPECT_EQ(performance->roi().expected_cogs(), "4064.52");   // 4,200 × 30 / 31
  EXPECT_EQ(performance->roi().incremental_sales(), "3225.81");

  EXPECT_THAT(Get(kVera, p_.id(), "2026-01-01", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("baseline_end")));
  EXPECT_THAT(Get(kVera, p_.id(), "2026-01-31", "2026-01-01"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("baseline_start: must not be after baseline_end")));
  EXPECT_THAT(Get(kVera, future_.id()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("starts on 2026-05-01; nothing to measure yet")));
}

TEST_F(PerformanceReportsTest, ListsStartedProgramsNewestFirstWithoutBreakdowns) {
  absl::StatusOr<cim::v1::ListProgramPerformanceResponse> list = reports_.List(Caller(kVera));
  ASSERT_THAT(list, IsOk());
  // The draft and the program that starts in May are left out.
  EXPECT_THAT(list->programs(),
              ElementsAre(Property(&cim::v1::ProgramPerformance::program_id, q_.id()),
                          Property(&cim::v1::ProgramPerformance::program_id, p_.id())));
  const cim::v1::ProgramPerformance& p = list->programs(1);
  EXPECT_THAT(p.by_partner(), IsEmpty());
  EXPECT_THAT(p.by_region(), IsEmpty());
  EXPECT_EQ(p.roi().program_sales(), "10000.00");
  EXPECT_EQ(p.roi().rewards_cost(), "115.00");
  EXPECT_EQ(p.funnel().submitted(), 4);
  EXPECT_THAT(reports_.List(Caller(kRob)), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(PerformanceReportsTest, SimulationReplaysTheApprovalsAppliesChangesAndWritesNothing) {
  const long long entries = Count("SELECT COUNT(*) FROM ledger_entries");
  absl::StatusOr<cim::v1::SimulationResult> replay = Simulate(kVera, "2026-02-01", "2026-03-01");
  ASSERT_THAT(replay, IsOk());
  EXPECT_EQ(replay->history_start(), "2026-02-01");
  EXPECT_EQ(replay->history_end(), "2026-03-01");
  EXPECT_EQ(replay->claims(), 2);
  EXPECT_EQ(replay->claim_lines(), 4);
  EXPECT_EQ(replay->forecast_money(), "100.00");  // the 40 and 60 the SPIF posted
  EXPECT_EQ(replay->forecast_points(), "0");
  EXPECT_EQ(replay->budget(), "700.00");
  EXPECT_EQ(replay->covered_by_budget(), "100.00");
  EXPECT_EQ(replay->budget_exhaustion_date(), "");
  std::vector<std::string> partners;
  for (const cim::v1::SimulatedPartnerRewards& p : replay->by_partner()) {
    partners.push_back(absl::StrCat(p.partner_name(), " ", p.money(), " in ", p.claims()));
  }
  EXPECT_THAT(partners, ElementsAre("Alpha 60.00 in 1", "Bravo 40.00 in 1"));
  EXPECT_EQ(replay->money_by_rule().at("spif"), "100.00");
  EXPECT_EQ(replay->roi().program_sales(), "10000.00");
  EXPECT_EQ(replay->roi().rewards_cost(), "100.00");

  // What if the SPIF paid 15.50 a unit? 10 units → 155.00; nothing is stored.
  absl::StatusOr<cim::v1::SimulationResult> richer =
      Simulate(kPam, "2026-02-01", "2026-03-01", "15.5");
  ASSERT_THAT(richer, IsOk());
  EXPECT_EQ(richer->forecast_money(), "155.00");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), entries);
  EXPECT_EQ(ReadProgram(p_.id()).rules_version(), 1);
  EXPECT_EQ(ReadProgram(p_.id()).rules(0).spif().products(0).amount_per_unit(), "10");

  EXPECT_THAT(Simulate(kVera, "", ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("history_start")));
  EXPECT_THAT(Simulate(kVera, "2026-02-01", "2026-03-03"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("history_end: must not be in the future")));
  EXPECT_THAT(Simulate(kVera, "2025-02-28", "2026-03-01"),  // 367 days; 366 fit
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at most 366 days")));
  EXPECT_THAT(Simulate(kVera, "2025-03-01", "2026-03-01"),
              IsOkAndHolds(Property(&cim::v1::SimulationResult::claims, 2)));
  EXPECT_THAT(Simulate(kVera, "2026-02-01", "2026-03-01", "-1"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Simulate(kAnn, "2026-02-01", "2026-03-01"),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace cim
