// How soon a change shows on the live-update streams (issue 4: "pushed within a second of the
// change, across server replicas"). Two cim-servers share one database; a user watches their
// progress (WatchProgress, with their rank on a points board) on server B while vendor staff
// give them kudos with points on server A. For each gift the bench records when the stream
// first shows the new points, and when it shows the new board score (after the outbox
// processor has applied the event and the server's ranking followed). The same is measured with the
// stream on server A, the baseline.
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <algorithm>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/bench_server.h"
#include "cim/v1/engagement_service.grpc.pb.h"
#include "cim/v1/recognition_service.grpc.pb.h"

ABSL_FLAG(std::string, db, "", "SOCI connect string of the MariaDB server (without db=)");
ABSL_FLAG(int, changes, 30, "kudos given per phase");

namespace {

using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kPassword[] = "bench-password-1";

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "live_update_bench: " << what << std::endl;
  std::exit(1);
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  return context;
}

// Milliseconds at the p-th percentile of sorted `ms`.
double Percentile(const std::vector<double>& ms, double p) {
  return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
}

std::string Summary(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  return absl::StrFormat("p50 %.0f ms, p95 %.0f ms, max %.0f ms", Percentile(ms, 0.5),
                         Percentile(ms, 0.95), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string db = absl::GetFlag(FLAGS_db);
  if (db.empty()) Die("--db is required");
  const int changes = absl::GetFlag(FLAGS_changes);
  cim::bench::BenchServer a(db, "cim_live_update_bench");
  cim::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.db_connect = a.connect();
  options.migrate = false;
  options.migrations_dir = CIM_MIGRATIONS_DIR;
  options.password_hash = cim::PasswordHashParams::Minimum();
  options.auth.two_step_roles = {};  // as bench_server.cc's
  absl::StatusOr<std::unique_ptr<cim::ServerApp>> b = cim::ServerApp::Start(options);
  if (!b.ok()) Die(absl::StrCat("second server: ", b.status().ToString()));

  Partner p;
  p.set_name("Bench partner");
  p.set_type(PARTNER_TYPE_RESELLER);
  p.set_tier("silver");
  p.set_region("EMEA");
  p.set_status(PARTNER_STATUS_ACTIVE);
  absl::StatusOr<Partner> partner = a.app().partners().Create(p, absl::Now());
  if (!partner.ok()) Die("create partner");
  const std::string admin = a.CreateUser("pa@bench.example", ROLE_PROGRAM_ADMIN, 0, kPassword);
  const std::string cm = a.CreateUser("cm@bench.example", ROLE_CHANNEL_MANAGER, 0, kPassword);
  const std::string rep =
      a.CreateUser("rep@bench.example", ROLE_PARTNER_REP, partner->id(), kPassword);

  auto channel_a = grpc::CreateChannel(a.address(), grpc::InsecureChannelCredentials());
  auto channel_b = grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*b)->port()),
                                       grpc::InsecureChannelCredentials());
  auto engagement = EngagementService::NewStub(channel_a);
  auto recognition = RecognitionService::NewStub(channel_a);
  CreateLeaderboardRequest create;
  create.mutable_leaderboard()->set_name("All-time points");
  create.mutable_leaderboard()->set_metric(RECOGNITION_METRIC_POINTS);
  create.mutable_leaderboard()->set_scope(LEADERBOARD_SCOPE_INDIVIDUAL);
  create.mutable_leaderboard()->set_period(LEADERBOARD_PERIOD_ALL_TIME);
  Leaderboard board;
  if (!recognition->CreateLeaderboard(Context(admin).get(), create, &board).ok()) {
    Die("create leaderboard");
  }
  SetKudosBudgetRequest budget;
  budget.set_monthly_points("100000000");
  KudosBudget set;
  if (!engagement->SetKudosBudget(Context(admin).get(), budget, &set).ok()) Die("set budget");
  GetRecognitionSummaryRequest who;
  RecognitionSummary me;
  if (!recognition->GetRecognitionSummary(Context(rep).get(), who, &me).ok()) Die("summary");

  std::cout << "Live updates: kudos given on server A, the receiver's WatchProgress stream on"
               " the server named; "
            << changes << " changes per phase\n";
  const std::vector<std::pair<std::string, std::shared_ptr<grpc::Channel>>> phases = {
      {"same server (A)", channel_a}, {"other replica (B)", channel_b}};
  for (const auto& [name, channel] : phases) {
    auto watcher = RecognitionService::NewStub(channel);
    auto context = Context(rep);
    WatchProgressRequest watch;
    watch.add_leaderboard_ids(board.id());
    auto reader = watcher->WatchProgress(context.get(), watch);
    ProgressUpdate update;
    if (!reader->Read(&update)) Die("no first update");
    std::vector<double> points_ms, rank_ms;
    for (int i = 0; i < changes; ++i) {
      const int64_t before = std::stoll(update.summary().lifetime_points());
      GiveKudosRequest kudos;
      kudos.set_recipient_user_id(me.user_id());
      kudos.set_message("Bench kudos");
      kudos.set_points("10");
      Kudos given;
      if (!engagement->GiveKudos(Context(cm).get(), kudos, &given).ok()) Die("give kudos");
      const absl::Time committed = absl::Now();
      bool points_seen = false;
      while (reader->Read(&update)) {
        const double ms = absl::ToDoubleMilliseconds(absl::Now() - committed);
        if (!points_seen && std::stoll(update.summary().lifetime_points()) == before + 10) {
          points_seen = true;
          points_ms.push_back(ms);
        }
        if (points_seen && update.ranks(0).score() == update.summary().lifetime_points()) {
          rank_ms.push_back(ms);
          break;
        }
      }
      if (rank_ms.size() != static_cast<size_t>(i + 1)) Die("stream ended");
    }
    context->TryCancel();
    std::cout << absl::StrFormat("  %-18s points shown: %s; board score shown: %s\n", name,
                                 Summary(points_ms), Summary(rank_ms));
  }
  return 0;
}
