// GetLeaderboard (top 10, the caller's rank and the 5 rows either side) on one board of
// 1,000,000 participants at N concurrent clients, printed next to the health check's
// throughput in the same run; then how fast approvals' outbox events reach the board.
//
// Runs its own cim-server in process (release build, real gRPC over loopback) on a fresh
// database of the MariaDB named by --db. bench/run_leaderboard_bench.sh also measures Redis on
// the same scores for comparison.
#include <soci/mysql/soci-mysql.h>

#include <atomic>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/bench_server.h"
#include "bench/grpc_load.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/recognition_service.grpc.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"

ABSL_FLAG(std::string, db, "", "SOCI connect string of the MariaDB server (without db=)");
ABSL_FLAG(int, participants, 1'000'000, "participants on the board");
ABSL_FLAG(int, concurrency, 16, "clients (calls in flight)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(5), "measured duration of each phase");
ABSL_FLAG(int, events, 20'000, "approval events for the write phase");
ABSL_FLAG(std::string, scores_file, "",
          "if set, writes 'member score' lines of the board here (for the Redis comparison)");

namespace {

using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here
using grpc::health::v1::Health;
using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

constexpr char kPassword[] = "bench-password-1";
constexpr int kPartners = 10;

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "leaderboard_bench: " << what << std::endl;
  std::exit(1);
}

void Check(const grpc::Status& status, const char* what) {
  if (!status.ok()) Die(absl::StrCat(what, ": ", status.error_message()));
}

double Seconds(absl::Time since) { return absl::ToDoubleSeconds(absl::Now() - since); }

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::string server = absl::GetFlag(FLAGS_db);
  if (server.empty()) Die("--db is required");
  const int participants = absl::GetFlag(FLAGS_participants);
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  cim::bench::BenchServer bench_server(server, "cim_leaderboard_bench");
  cim::ServerApp* app = &bench_server.app();
  auto channel = grpc::CreateChannel(bench_server.address(), grpc::InsecureChannelCredentials());
  auto auth = AuthService::NewStub(channel);
  auto recognition = RecognitionService::NewStub(channel);
  auto health = Health::NewStub(channel);
  const absl::Time now = absl::Now();

  std::vector<int64_t> partner_ids;
  for (int i = 0; i < kPartners; ++i) {
    Partner p;
    p.set_name(absl::StrCat("Partner ", i));
    p.set_type(i % 2 == 0 ? PARTNER_TYPE_RESELLER : PARTNER_TYPE_DISTRIBUTOR);
    p.set_tier(i < 5 ? "silver" : "gold");
    p.set_region(i % 3 == 0 ? "EMEA" : "AMER");
    p.set_status(PARTNER_STATUS_ACTIVE);
    absl::StatusOr<Partner> stored = app->partners().Create(p, now);
    if (!stored.ok()) Die("create partner");
    partner_ids.push_back(stored->id());
  }
  const auto create_user = [&](const std::string& email, Role role, int64_t partner) {
    return bench_server.CreateUser(email, role, partner, kPassword);
  };
  const std::string admin = create_user("pa@bench.example", ROLE_PROGRAM_ADMIN, 0);
  std::vector<std::string> reps;
  for (int i = 0; i < concurrency; ++i) {
    reps.push_back(create_user(absl::StrCat("rep", i, "@bench.example"), ROLE_PARTNER_REP,
                               partner_ids[i % kPartners]));
  }
  CreateLeaderboardRequest create;
  create.mutable_leaderboard()->set_name("All-time points");
  create.mutable_leaderboard()->set_metric(RECOGNITION_METRIC_POINTS);
  create.mutable_leaderboard()->set_scope(LEADERBOARD_SCOPE_INDIVIDUAL);
  create.mutable_leaderboard()->set_period(LEADERBOARD_PERIOD_ALL_TIME);
  Leaderboard board;
  {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", admin));
    Check(recognition->CreateLeaderboard(&context, create, &board), "create leaderboard");
  }

  // The participants: users of the ten partners, each with a score (the bench reps too).
  absl::Time start = absl::Now();
  {
    soci::session s(soci::mysql, bench_server.connect());
    long long first_partner = partner_ids.front(), n = participants - concurrency - 1;
    int role = ROLE_PARTNER_REP, status = USER_STATUS_ACTIVE;
    s << absl::StrCat(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) SELECT CONCAT('p', seq, '@bench.example'), CONCAT('Participant ', seq),"
        " :role, :first + seq % ",
        kPartners, ", :status, NOW(), NOW() FROM seq_1_to_", n),
        soci::use(role), soci::use(first_partner), soci::use(status);
    long long id = board.id();
    s << "INSERT INTO leaderboard_scores (board_id, period_start, participant_id, partner_id,"
         " score, reached_at, seq) SELECT :board, '2000-01-01', id, partner_id,"
         " (id * 7919) % 100003, NOW(6) - INTERVAL (id % 86400) SECOND, 0 FROM users"
         " WHERE partner_id IS NOT NULL",
        soci::use(id);
    long long loaded = 0;
    s << "SELECT COUNT(*) FROM leaderboard_scores", soci::into(loaded);
    std::cout << absl::StrFormat("loaded %d participants into MariaDB in %.1f s", loaded,
                                 Seconds(start))
              << std::endl;
    const std::string file = absl::GetFlag(FLAGS_scores_file);
    if (!file.empty()) {
      s << absl::StrCat(
          "SELECT participant_id, CAST(score AS SIGNED) FROM leaderboard_scores"
          " INTO OUTFILE '",
          file, "' FIELDS TERMINATED BY ' '");
    }
  }

  const auto get_board = [&](const std::string& token) {
    GetLeaderboardRequest request;
    request.set_leaderboard_id(board.id());
    request.set_top(10);
    request.set_around(5);
    return request;
  };
  start = absl::Now();
  {
    grpc::ClientContext context;
    context.AddMetadata("authorization", absl::StrCat("Bearer ", reps[0]));
    GetLeaderboardResponse response;
    Check(recognition->GetLeaderboard(&context, get_board(reps[0]), &response), "first query");
    std::cout << absl::StrFormat(
                     "first GetLeaderboard (this server loads the board): %.2f s; participants=%d"
                     " caller rank=%d",
                     Seconds(start), response.participants(), response.caller().rank())
              << std::endl;
  }

  cim::bench::LoadOptions load;
  load.concurrency = concurrency;
  load.duration = absl::GetFlag(FLAGS_duration);
  std::atomic<int64_t> calls{0};
  const cim::bench::LoadResult baseline = cim::bench::RunLoad(load, [&] {
    return std::make_unique<
        cim::bench::UnaryCall<Health::Stub, HealthCheckRequest, HealthCheckResponse>>(
        health.get(), &Health::Stub::AsyncCheck, reps[0], HealthCheckRequest());
  });
  std::cout << absl::StrFormat("baseline: health check concurrency=%d: %s", concurrency,
                               cim::bench::Describe(baseline))
            << std::endl;
  const cim::bench::LoadResult reads = cim::bench::RunLoad(load, [&] {
    const std::string& token = reps[calls++ % reps.size()];
    return std::make_unique<cim::bench::UnaryCall<RecognitionService::Stub, GetLeaderboardRequest,
                                                  GetLeaderboardResponse>>(
        recognition.get(), &RecognitionService::Stub::AsyncGetLeaderboard, token, get_board(token));
  });
  std::cout << absl::StrFormat(
                   "GetLeaderboard (top 10 + own rank + 5 around, %d participants) "
                   "concurrency=%d: %s; ratio to health check %.2f; p99 target 10 ms",
                   participants, concurrency, cim::bench::Describe(reads),
                   reads.throughput / baseline.throughput)
            << std::endl;

  // Writes: approval events for random participants, applied by the server's processor.
  {
    soci::session s(soci::mysql, bench_server.connect());
    const int events = absl::GetFlag(FLAGS_events);
    long long max_user = 0;
    s << "SELECT MAX(id) FROM users", soci::into(max_user);
    start = absl::Now();
    s << absl::StrCat(
        "INSERT INTO outbox_events (kind, partner_id, user_id, program_id, claim_id, amount,"
        " currency_code, points, occurred_at, created_at) SELECT 1, u.partner_id, u.id, 1, 0,"
        " 1000, 'EUR', 1 + seq % 100, NOW(6), NOW(6) FROM seq_1_to_",
        events, " q JOIN users u ON u.id = 1 + (q.seq * 104729) % ", max_user,
        " WHERE u.partner_id IS NOT NULL");
    const double inserted = Seconds(start);
    long long pending = 1;
    start = absl::Now();
    while (pending > 0) {
      absl::SleepFor(absl::Milliseconds(20));
      s << "SELECT COUNT(*) FROM outbox_events WHERE processed = 0", soci::into(pending);
    }
    std::cout << absl::StrFormat(
                     "writes: %d approval events applied to the board (tallies, scores, badge"
                     " checks) in %.2f s: %.0f events/s (inserting them took %.2f s)",
                     events, Seconds(start), events / Seconds(start), inserted)
              << std::endl;
  }
  return 0;
}
