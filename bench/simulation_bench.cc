// SimulateProgram over 100,000 historical claim lines (issue 5: under 2 seconds on this
// machine): a retroactive rebate, a SPIF and points replayed over a year of approved claims of
// 50 enrolled partners. Printed next to the time to read the same claims without evaluating
// any rule (measured in the same run), so the figure shows what the rules engine adds.
//
// Runs its own cim-server in process (release build, real gRPC over loopback) on a fresh
// database of the MariaDB named by --db; the history is bulk-loaded with SQL.
#include <grpcpp/grpcpp.h>
#include <soci/mysql/soci-mysql.h>

#include <algorithm>
#include <iostream>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/bench_server.h"
#include "cim/v1/performance_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "server/db/mysql_database.h"
#include "server/performance/mysql_performance_repository.h"

ABSL_FLAG(std::string, db, "", "SOCI connect string of the MariaDB server (without db=)");
ABSL_FLAG(int, lines, 100'000, "historical claim lines (two per claim)");
ABSL_FLAG(int, runs, 5, "simulations to time");

namespace {

using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kPassword[] = "bench-password-1";
constexpr int kPartners = 50;

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "simulation_bench: " << what << std::endl;
  std::exit(1);
}

void Check(const grpc::Status& status, const char* what) {
  if (!status.ok()) Die(absl::StrCat(what, ": ", status.error_message()));
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::string server = absl::GetFlag(FLAGS_db);
  if (server.empty()) Die("--db is required");
  const int claims = absl::GetFlag(FLAGS_lines) / 2;
  cim::bench::BenchServer bench_server(server, "cim_simulation_bench");
  auto channel = grpc::CreateChannel(bench_server.address(), grpc::InsecureChannelCredentials());
  auto programs = ProgramService::NewStub(channel);
  auto performance = PerformanceService::NewStub(channel);
  const std::string admin =
      bench_server.CreateUser("pa@bench.example", ROLE_PROGRAM_ADMIN, 0, kPassword);
  const auto context = [&] {
    auto c = std::make_unique<grpc::ClientContext>();
    c->AddMetadata("authorization", "Bearer " + admin);
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    return c;
  };

  ImportProductsRequest import;
  for (const char* sku : {"ST-200", "SW-48"}) {
    Product* p = import.add_products();
    p->set_sku(sku);
    p->set_name(sku);
    p->set_category("Storage");
    p->set_currency_code("EUR");
    p->set_list_price("1000");
    p->set_unit_cost("600");
  }
  ImportProductsResponse imported;
  Check(programs->ImportProducts(context().get(), import, &imported), "import products");
  CreateProgramRequest create;
  Program* design = create.mutable_program();
  design->set_name("Simulated growth");
  design->set_currency_code("EUR");
  design->set_budget("5000000");
  design->set_start_date("2025-01-01");
  design->set_end_date("2026-12-31");
  design->set_period(PROGRAM_PERIOD_QUARTER);
  design->set_terms("Terms");
  IncentiveRule* rebate = design->add_rules();
  rebate->set_id("rebate");
  rebate->set_name("Rebate");
  rebate->mutable_rebate()->set_mode(REBATE_MODE_RETROACTIVE);
  for (auto [from, percent] :
       {std::pair{"0", "2"}, std::pair{"50000", "3.5"}, std::pair{"150000", "5"}}) {
    RebateTier* tier = rebate->mutable_rebate()->add_tiers();
    tier->set_min_volume(from);
    tier->set_percent(percent);
  }
  IncentiveRule* spif = design->add_rules();
  spif->set_id("spif");
  spif->set_name("Switch SPIF");
  SpifProduct* spif_product = spif->mutable_spif()->add_products();
  spif_product->set_sku("SW-48");
  spif_product->set_amount_per_unit("25");
  spif->mutable_spif()->set_start_date("2025-03-01");
  spif->mutable_spif()->set_end_date("2025-08-31");
  IncentiveRule* points = design->add_rules();
  points->set_id("points");
  points->set_name("Points");
  points->mutable_points()->set_points_per_currency_unit("0.1");
  Program program;
  Check(programs->CreateProgram(context().get(), create, &program), "create program");

  // A year of approved claims: two lines each (ST-200 and SW-48), approved two days after
  // their invoice, in invoice order.
  absl::Time start = absl::Now();
  {
    soci::session s(soci::mysql, bench_server.connect());
    long long id = program.id();
    s << absl::StrCat(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at)"
        " SELECT CONCAT('Partner ', seq), 1 + seq % 3, 'silver', 'EMEA', 1, NOW(), NOW()"
        " FROM seq_1_to_",
        kPartners);
    s << "INSERT INTO enrollments (program_id, partner_id, accepted_terms_version, accepted_by,"
         " accepted_at) SELECT :p, id, 1, 1, NOW() FROM partners",
        soci::use(id);
    s << absl::StrCat(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key,"
        " request_hash, invoice_number, invoice_key, invoice_date, customer_name,"
        " customer_key, customer_country, currency_code, total_amount, notes, status,"
        " created_at, updated_at) SELECT :p, 1 + seq % ",
        kPartners,
        ", 1, CONCAT('bench-', seq), REPEAT('0', 64), CONCAT('INV-', seq),"
        " CONCAT('INV', seq), '2025-01-01' + INTERVAL (seq * 365 DIV ",
        claims + 1,
        ") DAY, 'Customer', 'customer', 'NL', 'EUR', 3000, '', 3, NOW(), NOW()"
        " FROM seq_1_to_",
        claims),
        soci::use(id);
    s << "INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount)"
         " SELECT id, 0, 'ST-200', 2, 1000, 2000 FROM claims";
    s << "INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount)"
         " SELECT id, 1, 'SW-48', 1, 1000, 1000 FROM claims";
    s << "INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment,"
         " created_at) SELECT id, 2, 3, 1, '', invoice_date + INTERVAL 2 DAY FROM claims"
         " ORDER BY invoice_date, id";
    long long lines = 0;
    s << "SELECT COUNT(*) FROM claim_lines", soci::into(lines);
    std::cout << absl::StrFormat("loaded %d claims with %d lines into MariaDB in %.1f s", claims,
                                 lines, absl::ToDoubleSeconds(absl::Now() - start))
              << std::endl;
  }

  SimulateProgramRequest request;
  request.set_program_id(program.id());
  request.set_history_start("2025-01-01");
  request.set_history_end("2025-12-31");

  // The same claims read without evaluating any rule: the floor under the simulation.
  absl::StatusOr<std::unique_ptr<cim::MysqlDatabase>> db =
      cim::MysqlDatabase::Connect(bench_server.connect(), 1);
  if (!db.ok()) Die("connect");
  cim::MysqlPerformanceRepository repository(**db);
  std::vector<int64_t> partner_ids;
  for (int i = 1; i <= kPartners; ++i) partner_ids.push_back(i);
  std::vector<double> reads, sims;
  SimulationResult result;
  for (int run = 0; run < absl::GetFlag(FLAGS_runs); ++run) {
    int64_t seen = 0;
    start = absl::Now();
    absl::Status read = repository.ForEachApprovedClaim(
        cim::SalesQuery{.partner_ids = partner_ids,
                        .currency_code = "EUR",
                        .range = {absl::CivilDay(2025, 1, 1), absl::CivilDay(2025, 12, 31)}},
        [&](cim::HistoricalClaim& claim) {
          seen += static_cast<int64_t>(claim.sale.lines.size());
          return absl::OkStatus();
        });
    if (!read.ok()) Die(absl::StrCat("read: ", read.ToString()));
    reads.push_back(absl::ToDoubleSeconds(absl::Now() - start));
    start = absl::Now();
    Check(performance->SimulateProgram(context().get(), request, &result), "simulate");
    sims.push_back(absl::ToDoubleSeconds(absl::Now() - start));
    if (result.claim_lines() != seen) Die("the simulation saw other lines than the read");
  }
  std::cout << absl::StrFormat(
                   "simulated %d claims / %d lines: %s EUR, %s points, budget exhausted %s",
                   result.claims(), result.claim_lines(), result.forecast_money(),
                   result.forecast_points(),
                   result.budget_exhaustion_date().empty() ? "never"
                                                           : result.budget_exhaustion_date())
            << std::endl;
  std::cout << absl::StrFormat(
                   "SimulateProgram: median %.2f s, best %.2f s over %d runs (target: under 2 s)\n"
                   "reading the same lines without rules: median %.2f s -> simulation at %.2fx "
                   "the read alone",
                   Median(sims), *std::min_element(sims.begin(), sims.end()),
                   static_cast<int>(sims.size()), Median(reads), Median(sims) / Median(reads))
            << std::endl;
  return 0;
}
