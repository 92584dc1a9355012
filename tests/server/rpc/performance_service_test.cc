// PerformanceService and ExportService through real gRPC against MariaDB: ROI of a program
// against a baseline with every input returned (whole program, per partner, type and region),
// program costs (who may enter them, validation, voiding), budget burn and forecast, claims
// funnel and engagement; SimulateProgram equal to the approvals it replays, what-if changes,
// drafts, bad requests and writing nothing; CSV exports that round-trip, stream in chunks,
// keep formulas inert and respect partner isolation.
#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_split.h"
#include "cim/v1/export_service.grpc.pb.h"
#include "cim/v1/performance_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/recognition/recognition_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A retroactive quarterly rebate on ST-200 (2%, 5% from 10,000), budget 700, from February.
constexpr char kRebateProgram[] = R"pb(
  name: "Storage rebate"
  currency_code: "EUR"
  budget: "700"
  start_date: "2026-02-01"
  end_date: "2026-06-30"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  eligible_skus: "ST-200"
  rules {
    id: "rebate"
    name: "Rebate"
    rebate {
      mode: REBATE_MODE_RETROACTIVE
      tiers { min_volume: "0" percent: "2" }
      tiers { min_volume: "10000" percent: "5" }
    }
  }
)pb";

// Parses a CSV body (RFC 4180, as written by lib/csv) into rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(cell));
      cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  return rows;
}

class PerformanceRpcTest : public RecognitionFixture {
 protected:
  void SetUp() override {
    RecognitionFixture::SetUp();
    performance_ = PerformanceService::NewStub(server_.channel());
    exports_ = ExportService::NewStub(server_.channel());
    cm_ = server_.Login("cm@vendor.example");
    finance_ = server_.Login("fin@vendor.example");
    StartProgram(kRebateProgram, &rebate_);
    // The baseline month (January, under the points program), then February's sales under the
    // rebate: Alpha 6,000 (2% = 120) and 6,000 more (5% = 300, true-up 180); Bravo 4,000
    // (80), approved four hours after submission.
    ApproveIn(rep1_token_, program_.id(), 5, "2026-01-15");
    ApproveIn(bravo_token_, program_.id(), 2, "2026-01-20");
    ApproveIn(rep1_token_, rebate_.id(), 6, "2026-02-10");
    ApproveIn(rep1_token_, rebate_.id(), 6, "2026-02-12");
    ApproveIn(bravo_token_, rebate_.id(), 4, "2026-02-20", absl::Hours(4));
  }

  // Submits `units` × 1,000 EUR of ST-200 in `program_id` and approves it after `wait`.
  int64_t ApproveIn(const std::string& token, int64_t program_id, int units, const char* date,
                    absl::Duration wait = absl::ZeroDuration()) {
    const int64_t id = Submit(token, program_id, units, date, absl::StrCat("Customer ", ++n_));
    server_.clock().Advance(wait);
    ReviewClaimRequest approve;
    approve.set_claim_id(id);
    Claim claim;
    grpc::Status status = claims_->ApproveClaim(TestServer::Context(cm_).get(), approve, &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return id;
  }

  int64_t Submit(const std::string& token, int64_t program_id, int units, const char* date,
                 const std::string& customer) {
    const int n = ++n_;  // one number per claim, also from several threads
    SubmitClaimRequest submit;
    submit.set_idempotency_key(absl::StrCat("performance-", n));
    Claim* c = submit.mutable_claim();
    c->set_program_id(program_id);
    c->set_invoice_number(absl::StrCat("PF-", n));
    c->set_invoice_date(date);
    c->set_customer_name(customer);
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku("ST-200");
    line->set_quantity(units);
    line->set_unit_price("1000");
    Claim claim;
    grpc::Status status = claims_->SubmitClaim(TestServer::Context(token).get(), submit, &claim);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return claim.id();
  }

  absl::StatusOr<ProgramCost> AddCost(const std::string& token, ProgramCostCategory category,
                                      const char* amount, const char* date = "2026-02-01") {
    AddProgramCostRequest request;
    request.set_program_id(rebate_.id());
    request.set_category(category);
    request.set_amount(amount);
    request.set_description("Launch webinar");
    request.set_incurred_on(date);
    ProgramCost cost;
    grpc::Status status =
        performance_->AddProgramCost(TestServer::Context(token).get(), request, &cost);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return cost;
  }

  absl::StatusOr<SimulationResult> Simulate(const SimulateProgramRequest& request,
                                            const std::string& token = "") {
    SimulationResult result;
    grpc::Status status = performance_->SimulateProgram(
        TestServer::Context(token.empty() ? admin_ : token).get(), request, &result);
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return result;
  }

  // The export's file name and body, or its error.
  template <typename Request, typename Call>
  absl::StatusOr<std::pair<std::string, std::string>> Export(const std::string& token,
                                                             const Request& request, Call call,
                                                             int* chunks = nullptr) {
    auto context = TestServer::Context(token);
    auto reader = ((*exports_).*call)(context.get(), request);
    FileChunk chunk;
    std::string filename, body;
    int n = 0;
    while (reader->Read(&chunk)) {
      if (chunk.has_file()) filename = chunk.file().filename();
      body += chunk.data();
      ++n;
    }
    grpc::Status status = reader->Finish();
    if (chunks != nullptr) *chunks = n;
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return std::pair{filename, body};
  }

  std::unique_ptr<PerformanceService::Stub> performance_;
  std::unique_ptr<ExportService::Stub> exports_;
  std::string cm_, finance_;
  Program rebate_;
  std::atomic<int> n_{0};
};

TEST_F(PerformanceRpcTest, RoiWithItsInputsPerPartnerTypeAndRegion) {
  ASSERT_TRUE(AddCost(admin_, PROGRAM_COST_CATEGORY_ADMIN, "100").ok());
  ASSERT_TRUE(AddCost(finance_, PROGRAM_COST_CATEGORY_MARKETING, "50").ok());
  absl::StatusOr<ProgramCost> mistake = AddCost(admin_, PROGRAM_COST_CATEGORY_TRAINING, "30");
  ASSERT_TRUE(mistake.ok());
  VoidProgramCostRequest void_request;
  void_request.set_cost_id(mistake->id());
  ProgramCost voided;
  ASSERT_TRUE(
      performance_->VoidProgramCost(TestServer::Context(admin_).get(), void_request, &voided).ok());
  EXPECT_TRUE(voided.voided());
  EXPECT_EQ(performance_->VoidProgramCost(TestServer::Context(admin_).get(), void_request, &voided)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  GetProgramPerformanceRequest request;
  request.set_program_id(rebate_.id());
  v1::ProgramPerformance p;
  grpc::Status status =
      performance_->GetProgramPerformance(TestServer::Context(cm_).get(), request, &p);
  ASSERT_TRUE(status.ok()) << status.error_message();
  // 1 February to today (2 March): 30 days, against the 30 days before (2–31 January).
  EXPECT_EQ(p.period_start(), "2026-02-01");
  EXPECT_EQ(p.period_end(), "2026-03-02");
  EXPECT_EQ(p.baseline_start(), "2026-01-02");
  EXPECT_EQ(p.baseline_end(), "2026-01-31");
  // Sales 16,000 (COGS 9,600) against 7,000 (4,200): +9,000, gross profit 3,600; costs
  // 680 + 100 + 50 = 830 (the voided 30 left out); net 2,770; ROI 2,770 / 830 = 333.73%.
  const RoiFigures& roi = p.roi();
  EXPECT_EQ(roi.program_sales(), "16000.00");
  EXPECT_EQ(roi.program_cogs(), "9600.00");
  EXPECT_EQ(roi.program_days(), 30);
  EXPECT_EQ(roi.baseline_sales(), "7000.00");
  EXPECT_EQ(roi.baseline_cogs(), "4200.00");
  EXPECT_EQ(roi.baseline_days(), 30);
  EXPECT_EQ(roi.expected_sales(), "7000.00");
  EXPECT_EQ(roi.incremental_sales(), "9000.00");
  EXPECT_EQ(roi.incremental_cogs(), "5400.00");
  EXPECT_EQ(roi.gross_profit(), "3600.00");
  EXPECT_EQ(roi.rewards_cost(), "680.00");
  EXPECT_EQ(roi.admin_cost(), "100.00");
  EXPECT_EQ(roi.training_cost(), "0.00");
  EXPECT_EQ(roi.marketing_cost(), "50.00");
  EXPECT_EQ(roi.total_cost(), "830.00");
  EXPECT_EQ(roi.net_profit(), "2770.00");
  EXPECT_EQ(roi.roi_percent(), "333.73");

  // Per partner, the entered costs shared by February sales (12,000 : 4,000 = 75% : 25%).
  // Alpha: +7,000 sales, gross 2,800, cost 600 + 75 + 37.50 → net 2,087.50, ROI 292.98%.
  // Bravo: +2,000, gross 800, cost 80 + 25 + 12.50 → net 682.50, ROI 580.85%.
  ASSERT_EQ(p.by_partner_size(), 2);
  EXPECT_EQ(p.by_partner(0).label(), "Alpha Systems");
  EXPECT_EQ(p.by_partner(0).roi().admin_cost(), "75.00");
  EXPECT_EQ(p.by_partner(0).roi().marketing_cost(), "37.50");
  EXPECT_EQ(p.by_partner(0).roi().total_cost(), "712.50");
  EXPECT_EQ(p.by_partner(0).roi().net_profit(), "2087.50");
  EXPECT_EQ(p.by_partner(0).roi().roi_percent(), "292.98");
  EXPECT_EQ(p.by_partner(1).roi().rewards_cost(), "80.00");
  EXPECT_EQ(p.by_partner(1).roi().roi_percent(), "580.85");
  ASSERT_EQ(p.by_partner_type_size(), 2);
  EXPECT_EQ(p.by_partner_type(0).key(), "DISTRIBUTOR");
  EXPECT_EQ(p.by_partner_type(0).roi().roi_percent(), "580.85");
  EXPECT_EQ(p.by_partner_type(1).key(), "RESELLER");
  // One region: the whole program.
  ASSERT_EQ(p.by_region_size(), 1);
  EXPECT_EQ(p.by_region(0).key(), "EMEA-NL");
  EXPECT_EQ(p.by_region(0).partner_count(), 2);
  EXPECT_EQ(p.by_region(0).roi().SerializeAsString(), roi.SerializeAsString());

  // Budget 700, 680 drawn in 30 days (22.67 a day): the 20 left lasts one more day.
  EXPECT_EQ(p.budget().budget(), "700.00");
  EXPECT_EQ(p.budget().drawn(), "680.00");
  EXPECT_EQ(p.budget().remaining(), "20.00");
  EXPECT_EQ(p.budget().daily_burn(), "22.67");
  EXPECT_EQ(p.budget().forecast_exhaustion_date(), "2026-03-03");
  ASSERT_EQ(p.budget().points_size(), 1);  // all drawn today (the test clock's day)
  EXPECT_EQ(p.budget().points(0).drawn(), "680.00");

  // Three claims, all approved, one after four hours.
  EXPECT_EQ(p.funnel().submitted(), 3);
  EXPECT_EQ(p.funnel().approved(), 3);
  EXPECT_EQ(p.funnel().rejected(), 0);
  EXPECT_NEAR(p.funnel().average_cycle_hours(), 4.0 / 3, 1e-9);
  EXPECT_EQ(p.funnel().median_cycle_hours(), 0);
  EXPECT_EQ(p.engagement().eligible_partners(), 2);
  EXPECT_EQ(p.engagement().enrolled_partners(), 2);
  EXPECT_EQ(p.engagement().active_partners(), 2);
  EXPECT_EQ(p.engagement().survey_responses(), 0);
  EXPECT_EQ(p.engagement().nps(), "");

  // A chosen baseline: all of January (31 days) scaled to 30: 7,000 × 30 / 31 = 6,774.19.
  request.set_baseline_start("2026-01-01");
  request.set_baseline_end("2026-01-31");
  ASSERT_TRUE(
      performance_->GetProgramPerformance(TestServer::Context(cm_).get(), request, &p).ok());
  EXPECT_EQ(p.roi().baseline_days(), 31);
  EXPECT_EQ(p.roi().expected_sales(), "6774.19");

  // Every program side by side.
  ListProgramPerformanceResponse all;
  ASSERT_TRUE(performance_
                  ->ListProgramPerformance(TestServer::Context(finance_).get(),
                                           ListProgramPerformanceRequest(), &all)
                  .ok());
  ASSERT_EQ(all.programs_size(), 2);
  EXPECT_EQ(all.programs(0).program_id(), rebate_.id());
  EXPECT_EQ(all.programs(0).roi().roi_percent(), "333.73");
  EXPECT_EQ(all.programs(0).by_partner_size(), 0);
  EXPECT_EQ(all.programs(0).engagement().eligible_partners(), 2);
  EXPECT_EQ(all.programs(1).program_id(), program_.id());
  EXPECT_EQ(all.programs(1).roi().roi_percent(), "");  // points only: no money cost
}

TEST_F(PerformanceRpcTest, CostsAndPerformanceRefuseBadRequestsAndPartners) {
  EXPECT_THAT(AddCost(rep1_token_, PROGRAM_COST_CATEGORY_ADMIN, "10").status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(AddCost(cm_, PROGRAM_COST_CATEGORY_ADMIN, "10").status(),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(AddCost(admin_, PROGRAM_COST_CATEGORY_ADMIN, "-5").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("amount")));
  EXPECT_THAT(AddCost(admin_, PROGRAM_COST_CATEGORY_ADMIN, "1.234").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("amount")));
  EXPECT_THAT(AddCost(admin_, PROGRAM_COST_CATEGORY_UNSPECIFIED, "5").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("category")));
  EXPECT_THAT(AddCost(admin_, PROGRAM_COST_CATEGORY_ADMIN, "5", "2026-01-31").status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("incurred_on")));
  ListProgramCostsRequest list;
  list.set_program_id(rebate_.id());
  ListProgramCostsResponse costs;
  ASSERT_TRUE(performance_->ListProgramCosts(TestServer::Context(cm_).get(), list, &costs).ok());
  EXPECT_EQ(costs.costs_size(), 0);  // nothing stored by the refused calls

  GetProgramPerformanceRequest request;
  request.set_program_id(rebate_.id());
  v1::ProgramPerformance p;
  EXPECT_EQ(performance_->GetProgramPerformance(TestServer::Context(rep1_token_).get(), request, &p)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  request.set_baseline_start("2026-01-31");
  request.set_baseline_end("2026-01-01");
  grpc::Status backwards =
      performance_->GetProgramPerformance(TestServer::Context(cm_).get(), request, &p);
  EXPECT_EQ(backwards.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(backwards.error_message(), HasSubstr("baseline_start"));
  request.set_baseline_end("");
  EXPECT_EQ(
      performance_->GetProgramPerformance(TestServer::Context(cm_).get(), request, &p).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
  request.set_program_id(999);
  request.set_baseline_start("");
  EXPECT_EQ(
      performance_->GetProgramPerformance(TestServer::Context(cm_).get(), request, &p).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

TEST_F(PerformanceRpcTest, SimulationEqualsTheApprovalsItReplaysAndWritesNothing) {
  const long long ledger = server_.database().Count("SELECT COUNT(*) FROM ledger_entries");
  const long long audit = server_.database().Count("SELECT COUNT(*) FROM audit_log");
  SimulateProgramRequest request;
  request.set_program_id(rebate_.id());
  request.set_history_start("2026-02-01");
  request.set_history_end("2026-03-02");
  absl::StatusOr<SimulationResult> same = Simulate(request);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ(same->claims(), 3);
  EXPECT_EQ(same->claim_lines(), 3);
  EXPECT_EQ(same->forecast_money(), "680.00");
  EXPECT_EQ(same->covered_by_budget(), "680.00");
  EXPECT_EQ(same->budget_exhaustion_date(), "");
  EXPECT_EQ(same->money_by_rule().at("rebate"), "680.00");
  // Per partner, what the ledger holds.
  ListLedgerEntriesRequest entries;
  entries.set_program_id(rebate_.id());
  ListLedgerEntriesResponse posted;
  ASSERT_TRUE(
      ledger_->ListLedgerEntries(TestServer::Context(finance_).get(), entries, &posted).ok());
  std::map<int64_t, Decimal> real;
  for (const LedgerEntry& e : posted.entries()) real[e.partner_id()] += *Decimal::Parse(e.amount());
  ASSERT_EQ(same->by_partner_size(), 2);
  for (const SimulatedPartnerRewards& r : same->by_partner()) {
    EXPECT_EQ(*Decimal::Parse(r.money()), real[r.partner_id()]) << r.partner_name();
  }
  EXPECT_EQ(same->by_partner(0).partner_name(), "Alpha Systems");
  EXPECT_EQ(same->by_partner(0).money(), "600.00");

  // What if the top tier paid 8%: Alpha 120 + 480 + 360, Bravo 80 = 1,040 > 700, run out on
  // the day Alpha's second claim was approved.
  request.mutable_program()->add_rules()->CopyFrom(rebate_.rules(0));
  request.mutable_program()->mutable_rules(0)->mutable_rebate()->mutable_tiers(1)->set_percent("8");
  request.mutable_update_mask()->add_paths("rules");
  absl::StatusOr<SimulationResult> richer = Simulate(request);
  ASSERT_TRUE(richer.ok()) << richer.status();
  EXPECT_EQ(richer->forecast_money(), "1040.00");
  EXPECT_EQ(richer->covered_by_budget(), "700.00");
  EXPECT_EQ(richer->budget_exhaustion_date(), "2026-03-02");
  // ROI over the history with the simulated rewards: gross 3,600 − 1,040 = 2,560 → 246.15%.
  EXPECT_EQ(richer->roi().rewards_cost(), "1040.00");
  EXPECT_EQ(richer->roi().roi_percent(), "246.15");

  // Nothing was written, and the program kept its rules.
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM ledger_entries"), ledger);
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM audit_log"), audit);
  GetProgramRequest get;
  get.set_program_id(rebate_.id());
  Program stored;
  ASSERT_TRUE(programs_->GetProgram(TestServer::Context(admin_).get(), get, &stored).ok());
  EXPECT_EQ(stored.rules_version(), 1);
  EXPECT_EQ(stored.rules(0).rebate().tiers(1).percent(), "5");
}

TEST_F(PerformanceRpcTest, SimulatesDraftsOverEligiblePartnersAndRefusesBadRequests) {
  // A draft nobody joined: 1 point per EUR, replayed over every eligible partner's approved
  // sales of January to today: 5,000 + 2,000 + 16,000.
  CreateProgramRequest create;
  ASSERT_TRUE(
      google::protobuf::TextFormat::ParseFromString(R"pb(
                                                      name: "Draft points"
                                                      currency_code: "EUR"
                                                      budget: "1000"
                                                      start_date: "2026-04-01"
                                                      end_date: "2026-12-31"
                                                      period: PROGRAM_PERIOD_MONTH
                                                      terms: "Terms"
                                                      rules {
                                                        id: "pts"
                                                        name: "Points"
                                                        points { points_per_currency_unit: "1" }
                                                      }
                                                    )pb",
                                                    create.mutable_program()));
  Program draft;
  ASSERT_TRUE(programs_->CreateProgram(TestServer::Context(admin_).get(), create, &draft).ok());
  SimulateProgramRequest request;
  request.set_program_id(draft.id());
  request.set_history_start("2026-01-01");
  request.set_history_end("2026-03-02");
  absl::StatusOr<SimulationResult> result = Simulate(request, cm_);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->claims(), 5);
  EXPECT_EQ(result->forecast_points(), "23000");
  EXPECT_EQ(result->forecast_money(), "0.00");

  const auto code = [&](const SimulateProgramRequest& r, const std::string& token = "") {
    return Simulate(r, token).status();
  };
  EXPECT_THAT(code(request, rep1_token_), StatusIs(absl::StatusCode::kPermissionDenied));
  SimulateProgramRequest bad = request;
  bad.set_history_start("2025-01-01");
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("366 days")));
  bad = request;
  bad.set_history_end("2026-03-03");
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("future")));
  bad = request;
  bad.clear_history_start();
  bad.clear_history_end();
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("history_start")));
  bad = request;
  bad.set_program_id(0);
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("program_id")));
  bad = request;
  bad.mutable_program()->add_rules()->set_id("broken");
  bad.mutable_update_mask()->add_paths("rules");
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("rules")));
  bad = request;
  bad.mutable_update_mask()->add_paths("status");
  EXPECT_THAT(code(bad), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("update_mask")));
}

TEST_F(PerformanceRpcTest, ExportsRoundTripStreamAndStayInert) {
  // A customer name a spreadsheet would run as a formula.
  Submit(rep1_token_, rebate_.id(), 1, "2026-02-25", "=HYPERLINK(\"http://x\",\"y\")");
  ExportClaimsRequest request;
  absl::StatusOr<std::pair<std::string, std::string>> file =
      Export(cm_, request, &ExportService::Stub::ExportClaims);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->first, "claims-2026-03-02.csv");
  std::vector<std::vector<std::string>> rows = ParseCsv(file->second);
  ASSERT_EQ(rows.size(), 7u);  // header + 6 claims
  EXPECT_EQ(rows[0][0], "claim_id");
  EXPECT_EQ(rows[0][9], "total_amount");
  // Every row matches ListClaims.
  ListClaimsRequest list;
  ListClaimsResponse listed;
  ASSERT_TRUE(claims_->ListClaims(TestServer::Context(cm_).get(), list, &listed).ok());
  ASSERT_EQ(listed.claims_size(), 6);
  std::map<std::string, const Claim*> by_id;
  for (const Claim& c : listed.claims()) by_id[absl::StrCat(c.id())] = &c;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_TRUE(by_id.count(rows[i][0])) << rows[i][0];
    const Claim& c = *by_id[rows[i][0]];
    EXPECT_EQ(rows[i][4], c.invoice_number());
    EXPECT_EQ(rows[i][9], c.total_amount());
    if (c.customer_name()[0] == '=') {
      EXPECT_EQ(rows[i][6], "'" + c.customer_name());  // shown, not run
    } else {
      EXPECT_EQ(rows[i][6], c.customer_name());
    }
  }

  // Filters and partner isolation: Bravo's admin gets only Bravo's claims; reps get none.
  request.set_status(CLAIM_STATUS_SUBMITTED);
  file = Export(cm_, request, &ExportService::Stub::ExportClaims);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(ParseCsv(file->second).size(), 2u);
  file = Export(server_.Login("admin@bravo.example"), ExportClaimsRequest(),
                &ExportService::Stub::ExportClaims);
  ASSERT_TRUE(file.ok()) << file.status();
  rows = ParseCsv(file->second);
  ASSERT_EQ(rows.size(), 3u);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][2], absl::StrCat(bravo_.id()));
  EXPECT_THAT(
      Export(rep1_token_, ExportClaimsRequest(), &ExportService::Stub::ExportClaims).status(),
      StatusIs(absl::StatusCode::kPermissionDenied));
  ExportClaimsRequest bad;
  bad.set_from_date("2026-13-01");
  EXPECT_THAT(Export(cm_, bad, &ExportService::Stub::ExportClaims).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("from_date")));

  // The ledger: the rewards, their basis and amounts.
  ExportLedgerRequest ledger;
  ledger.set_program_id(rebate_.id());
  file = Export(finance_, ledger, &ExportService::Stub::ExportLedger);
  ASSERT_TRUE(file.ok()) << file.status();
  rows = ParseCsv(file->second);
  ASSERT_EQ(rows.size(), 5u);  // 120, 300, 180, 80
  Decimal sum;
  for (size_t i = 1; i < rows.size(); ++i) sum += *Decimal::Parse(rows[i][12]);
  EXPECT_EQ(sum, *Decimal::Parse("680"));

  // Program performance: the program, 2 partners, 2 types and 1 region.
  ExportProgramPerformanceRequest perf;
  perf.set_program_id(rebate_.id());
  file = Export(cm_, perf, &ExportService::Stub::ExportProgramPerformance);
  ASSERT_TRUE(file.ok()) << file.status();
  rows = ParseCsv(file->second);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[1][0], "program");
  EXPECT_EQ(rows[1][9], "16000.00");
  EXPECT_EQ(rows[0][26], "roi_percent");

  // Statements: none yet (header only).
  file = Export(finance_, ExportStatementsRequest(), &ExportService::Stub::ExportStatements);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(ParseCsv(file->second).size(), 1u);
}

TEST_F(PerformanceRpcTest, LargeExportsStreamInChunks) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 130; ++i) {
        Submit(t % 2 == 0 ? rep1_token_ : bravo_token_, rebate_.id(), 1, "2026-02-27",
               absl::StrCat("A customer with a long enough name to fill the rows ", t, "-", i));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  int chunks = 0;
  absl::StatusOr<std::pair<std::string, std::string>> file =
      Export(cm_, ExportClaimsRequest(), &ExportService::Stub::ExportClaims, &chunks);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(ParseCsv(file->second).size(), 1u + 5 + 520);
  EXPECT_GT(file->second.size(), Exports::kChunkBytes);
  EXPECT_GE(chunks, 3);  // the file's name, then at least two pieces
}

}  // namespace
}  // namespace cim
