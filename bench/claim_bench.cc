// Claim submission and approval throughput (with every side effect) at N concurrent clients,
// each printed as a ratio to a baseline measured in the same run on the same MariaDB: plain
// single-row INSERT transactions into a table as wide as `claims`, at the same concurrency.
//
// Runs its own cim-server in process (release build, real gRPC over loopback) on a fresh
// database of the MariaDB named by --db. See bench/run_claim_bench.sh.
#include <soci/mysql/soci-mysql.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "bench/bench_server.h"
#include "bench/grpc_load.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/partner_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"

ABSL_FLAG(std::string, db, "", "SOCI connect string of the MariaDB server (without db=)");
ABSL_FLAG(int, concurrency, 16, "clients (calls in flight)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(5), "measured duration of each phase");
ABSL_FLAG(int, partners, 16, "partners submitting claims");

namespace {

using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kPassword[] = "bench-password-1";

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "claim_bench: " << what << std::endl;
  std::exit(1);
}

void Check(const grpc::Status& status, const char* what) {
  if (!status.ok()) Die(absl::StrCat(what, ": ", status.error_message()));
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

// Single-row autocommit INSERTs into a copy of the claims table from `threads` sessions.
double BaselineInsertsPerSecond(const std::string& connect, int threads, absl::Duration duration) {
  {
    soci::session s(soci::mysql, connect);
    s << "CREATE TABLE bench_baseline LIKE claims";
  }
  std::atomic<int64_t> next{0}, done{0};
  std::atomic<bool> counting{false}, stop{false};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      soci::session s(soci::mysql, connect);
      while (!stop) {
        const std::string key = absl::StrCat("k", next++);
        long long partner = 1, program = 1, by = 1;
        int status = 1;
        std::tm now = cim::ToSqlTime(absl::Now());
        s << "INSERT INTO bench_baseline (program_id, partner_id, submitted_by, idempotency_key,"
             " request_hash, invoice_number, invoice_key, invoice_date, customer_name,"
             " customer_key, customer_country, currency_code, total_amount, notes, status,"
             " created_at, updated_at) VALUES (:program, :partner, :by, :key, :hash, :invoice,"
             " :invoice_key, '2026-02-15', 'Acme B.V.', 'acmebv', 'NL', 'EUR', 1234.5, '',"
             " :status, :c, :u)",
            soci::use(program), soci::use(partner), soci::use(by), soci::use(key), soci::use(key),
            soci::use(key), soci::use(key), soci::use(status), soci::use(now), soci::use(now);
        if (counting) ++done;
      }
    });
  }
  absl::SleepFor(absl::Seconds(1));  // warm-up
  counting = true;
  const absl::Time start = absl::Now();
  absl::SleepFor(duration);
  const int64_t count = done.load();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  stop = true;
  for (std::thread& w : workers) w.join();
  return count / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves Mutex deadlock detection (a global lock
  // graph updated on every lock) on; tests keep it, running binaries do not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::string server = absl::GetFlag(FLAGS_db);
  if (server.empty()) Die("--db is required");
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration duration = absl::GetFlag(FLAGS_duration);
  cim::bench::BenchServer bench_server(server, "cim_claim_bench");
  cim::ServerApp* app = &bench_server.app();
  const std::string& connect = bench_server.connect();
  auto channel = grpc::CreateChannel(bench_server.address(), grpc::InsecureChannelCredentials());
  auto auth = AuthService::NewStub(channel);
  auto programs = ProgramService::NewStub(channel);
  auto claims = ClaimService::NewStub(channel);
  auto partners = PartnerService::NewStub(channel);
  const absl::Time now = absl::Now();
  const auto create_user = [&](const std::string& email, Role role, int64_t partner) {
    return bench_server.CreateUser(email, role, partner, kPassword);
  };
  const std::string admin = create_user("pa@bench.example", ROLE_PROGRAM_ADMIN, 0);
  const std::string reviewer = create_user("cm@bench.example", ROLE_CHANNEL_MANAGER, 0);

  ImportProductsRequest import;
  for (int i = 0; i < 10; ++i) {
    Product* p = import.add_products();
    p->set_sku(absl::StrCat("SKU-", i));
    p->set_name(absl::StrCat("Product ", i));
    p->set_currency_code("EUR");
    p->set_list_price("1000");
    p->set_unit_cost("600");
  }
  ImportProductsResponse imported;
  Check(programs->ImportProducts(Context(admin).get(), import, &imported), "import");
  CreateProgramRequest create;
  Program* design = create.mutable_program();
  design->set_name("Bench rebate");
  design->set_currency_code("EUR");
  design->set_budget("1000000000");
  design->set_start_date("2026-01-01");
  design->set_end_date("2026-12-31");
  design->set_period(PROGRAM_PERIOD_QUARTER);
  design->set_terms("Terms");
  IncentiveRule* rebate = design->add_rules();
  rebate->set_id("rebate");
  rebate->set_name("Rebate");
  rebate->mutable_rebate()->set_mode(REBATE_MODE_RETROACTIVE);
  for (auto [from, pct] : {std::pair{"0", "2"}, {"100000", "3"}, {"500000", "4"}}) {
    RebateTier* tier = rebate->mutable_rebate()->add_tiers();
    tier->set_min_volume(from);
    tier->set_percent(pct);
  }
  IncentiveRule* points = design->add_rules();
  points->set_id("points");
  points->set_name("Points");
  points->mutable_points()->set_points_per_currency_unit("0.1");
  IncentiveRule* coop = design->add_rules();
  coop->set_id("coop");
  coop->set_name("Co-op");
  coop->mutable_coop_accrual()->set_percent("1");
  Program program;
  Check(programs->CreateProgram(Context(admin).get(), create, &program), "create program");
  ChangeProgramStatusRequest activate;
  activate.set_program_id(program.id());
  Check(programs->ActivateProgram(Context(admin).get(), activate, &program), "activate");

  std::vector<std::string> reps;
  std::vector<int64_t> partner_ids;
  for (int i = 0; i < absl::GetFlag(FLAGS_partners); ++i) {
    Partner partner;
    partner.set_name(absl::StrCat("Bench partner ", i));
    partner.set_type(PARTNER_TYPE_RESELLER);
    partner.set_tier("silver");
    partner.set_region("EMEA-NL");
    partner.set_status(PARTNER_STATUS_ACTIVE);
    auto stored = app->partners().Create(partner, now);
    if (!stored.ok()) Die("create partner");
    const std::string partner_admin =
        create_user(absl::StrCat("admin", i, "@bench.example"), ROLE_PARTNER_ADMIN, stored->id());
    EnrollPartnerRequest enroll;
    enroll.set_program_id(program.id());
    enroll.set_accepted_terms_version(1);
    Enrollment enrollment;
    Check(programs->EnrollPartner(Context(partner_admin).get(), enroll, &enrollment), "enroll");
    reps.push_back(
        create_user(absl::StrCat("rep", i, "@bench.example"), ROLE_PARTNER_REP, stored->id()));
    partner_ids.push_back(stored->id());
  }

  const double baseline = BaselineInsertsPerSecond(connect, concurrency, duration);
  std::cout << absl::StrFormat("baseline single-row INSERT transactions concurrency=%d: %.0f/s",
                               concurrency, baseline)
            << std::endl;

  cim::bench::LoadOptions load;
  load.concurrency = concurrency;
  load.duration = duration;

  // For reference, not a target: the cheapest authenticated call there is (WhoAmI: gRPC and
  // the credential check, nothing else), and a one-row read (each rep reads its own partner).
  std::atomic<int64_t> calls{0};
  cim::bench::LoadResult who = cim::bench::RunLoad(load, [&] {
    return std::make_unique<cim::bench::UnaryCall<AuthService::Stub, WhoAmIRequest, Principal>>(
        auth.get(), &AuthService::Stub::AsyncWhoAmI, reps[calls++ % reps.size()], WhoAmIRequest());
  });
  std::cout << absl::StrFormat(
                   "reference: authenticated call (WhoAmI) concurrency=%d: %s; ratio to baseline "
                   "%.2f",
                   concurrency, cim::bench::Describe(who), who.throughput / baseline)
            << std::endl;
  cim::bench::LoadResult read = cim::bench::RunLoad(load, [&] {
    const size_t i = calls++ % reps.size();
    GetPartnerRequest request;
    request.set_partner_id(partner_ids[i]);
    return std::make_unique<
        cim::bench::UnaryCall<PartnerService::Stub, GetPartnerRequest, Partner>>(
        partners.get(), &PartnerService::Stub::AsyncGetPartner, reps[i], std::move(request));
  });
  std::cout << absl::StrFormat(
                   "reference: authenticated one-row read (GetPartner) concurrency=%d: %s; ratio "
                   "to baseline %.2f",
                   concurrency, cim::bench::Describe(read), read.throughput / baseline)
            << std::endl;
  std::mutex mu;
  std::vector<int64_t> submitted;
  std::atomic<int64_t> sequence{0};
  cim::bench::LoadResult submit = cim::bench::RunLoad(load, [&] {
    const int64_t n = sequence++;
    SubmitClaimRequest request;
    request.set_idempotency_key(absl::StrCat("bench-", n));
    Claim* c = request.mutable_claim();
    c->set_program_id(program.id());
    c->set_invoice_number(absl::StrCat("INV-", n));
    c->set_invoice_date("2026-02-15");
    c->set_customer_name(absl::StrCat("Customer ", n % 500));
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    for (int line = 0; line < 3; ++line) {
      ClaimLine* l = c->add_lines();
      l->set_sku(absl::StrCat("SKU-", (n + line) % 10));
      l->set_quantity(1 + line);
      l->set_unit_price("1234.50");
    }
    return std::make_unique<cim::bench::UnaryCall<ClaimService::Stub, SubmitClaimRequest, Claim>>(
        claims.get(), &ClaimService::Stub::AsyncSubmitClaim, reps[n % reps.size()],
        std::move(request), [&](const Claim& claim) {
          std::lock_guard<std::mutex> lock(mu);
          submitted.push_back(claim.id());
        });
  });
  std::cout << absl::StrFormat("submit claim concurrency=%d: %s; ratio to baseline %.2f",
                               concurrency, cim::bench::Describe(submit),
                               submit.throughput / baseline)
            << std::endl;

  std::atomic<size_t> next_claim{0};
  cim::bench::LoadResult approve = cim::bench::RunLoad(load, [&] {
    const size_t i = next_claim++;
    ReviewClaimRequest request;
    request.set_claim_id(i < submitted.size() ? submitted[i] : 0);
    return std::make_unique<cim::bench::UnaryCall<ClaimService::Stub, ReviewClaimRequest, Claim>>(
        claims.get(), &ClaimService::Stub::AsyncApproveClaim, reviewer, std::move(request));
  });
  if (next_claim > submitted.size()) {
    std::cout << "note: approvals ran out of submitted claims; the approval figure is low"
              << std::endl;
  }
  std::cout << absl::StrFormat(
                   "approve claim (rules, ledger, totals, budget) concurrency=%d: %s; ratio to "
                   "baseline %.2f",
                   concurrency, cim::bench::Describe(approve), approve.throughput / baseline)
            << std::endl;

  return who.errors == 0 && read.errors == 0 && submit.errors == 0 && approve.errors == 0 ? 0 : 1;
}
