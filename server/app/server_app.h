// Wires the whole cim-server: database pool, migrations, stores, rules, the gRPC server and the
// background jobs. main.cc and the tests both start servers through this.
#ifndef CIM_SERVER_APP_SERVER_APP_H_
#define CIM_SERVER_APP_SERVER_APP_H_

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "lib/clock.h"
#include "lib/metrics.h"
#include "server/accounts/account_security.h"
#include "server/accounts/two_step_setup.h"
#include "server/app/metrics_endpoint.h"
#include "server/app/repositories.h"
#include "server/audit/audit_trail.h"
#include "server/claim/claim_workflow.h"
#include "server/claim/partner_progress.h"
#include "server/db/mysql_database.h"
#include "server/dispute/dispute_workflow.h"
#include "server/engagement/engagement.h"
#include "server/export/exports.h"
#include "server/fund/fund_workflow.h"
#include "server/identity/authenticator.h"
#include "server/identity/partner_directory.h"
#include "server/identity/secret_sealer.h"
#include "server/jobs/background_jobs.h"
#include "server/money/ledger_book.h"
#include "server/notification/email_delivery.h"
#include "server/notification/notifications.h"
#include "server/notification/smtp_mailer.h"
#include "server/partner_tier/partner_tiers.h"
#include "server/payout/payout_workflow.h"
#include "server/performance/performance_reports.h"
#include "server/program/product_catalog.h"
#include "server/program/program_directory.h"
#include "server/recognition/leaderboard_index.h"
#include "server/recognition/recognition.h"
#include "server/redemption/redemption.h"
#include "server/rpc/rpc_server.h"
#include "server/training/training.h"

namespace cim {

struct ServerOptions {
  // host:port; port 0 picks a free port (see ServerApp::port()).
  std::string listen_address = "127.0.0.1:50051";
  // SOCI MySQL connection string, e.g. "db=cim user=root unix_socket=/path/mysqld.sock".
  std::string db_connect;
  int db_pool_size = 8;
  DatabaseTimeouts db_timeouts;
  std::string migrations_dir;
  // Apply pending migrations at start; otherwise wait (up to schema_wait) until someone else
  // has applied every migration in migrations_dir (replicas of a cluster, see mysql_migrator.h).
  bool migrate = true;
  absl::Duration schema_wait = absl::Minutes(5);
  AuthConfig auth;
  PasswordHashParams password_hash = PasswordHashParams::Interactive();
  // How often the health service re-checks the database.
  absl::Duration health_interval = absl::Seconds(1);
  const Clock* clock = nullptr;  // defaults to the system clock
  // host:port of the Prometheus endpoint (GET /metrics); empty: none. Port 0 picks one.
  std::string metrics_address;
  BackgroundJobsOptions jobs;
  // The relay email goes through; an empty url: the outbox keeps what is queued, unsent.
  SmtpConfig smtp;
  // The portal's address and the digest hour, for the notifications' emails.
  NotificationsOptions notifications;
  // The key two-step sign-in secrets are sealed with (SecretSealer); none: nobody can set
  // two-step sign-in up or sign in with it.
  std::optional<SecretSealer::Key> secrets_key;
};

class ServerApp {
 public:
  // Connects, migrates (if options.migrate) and starts serving. UNAVAILABLE if the database
  // cannot be reached or the address cannot be bound; FAILED_PRECONDITION if an applied
  // migration was changed.
  static absl::StatusOr<std::unique_ptr<ServerApp>> Start(const ServerOptions& options);
  ~ServerApp();

  int port() const { return rpc_->port(); }
  MysqlDatabase& database() { return *db_; }
  PartnerRepository& partners() { return stores_.partners; }
  UserRepository& users() { return stores_.users; }
  const PasswordHasher& password_hasher() const { return hasher_; }
  const SecretSealer& sealer() const { return sealer_; }
  TwoStepRepository& two_step() { return stores_.two_step; }
  // Calls by method and code with latencies, calls in flight, and database pool use, in
  // Prometheus's text format.
  std::string MetricsText() const;
  // The metrics endpoint's port; 0 without one.
  int metrics_port() const { return metrics_endpoint_ ? metrics_endpoint_->port() : 0; }

  // Stops accepting calls, lets in-flight calls finish (up to `grace`), then cancels the rest.
  void Shutdown(absl::Duration grace = absl::Seconds(10));
  // Blocks until the server has shut down.
  void Wait();

 private:
  ServerApp(const ServerOptions& options, std::unique_ptr<MysqlDatabase> db);
  void WatchHealth(absl::Duration interval);

  SystemClock system_clock_;
  const Clock& clock_;
  std::unique_ptr<MysqlDatabase> db_;
  Repositories stores_;
  PasswordHasher hasher_;
  SecretSealer sealer_;
  Authenticator authenticator_;
  PartnerDirectory directory_;
  AccountSecurity account_security_;
  TwoStepSetup two_step_setup_;
  ProductCatalog catalog_;
  ProgramDirectory program_directory_;
  LedgerBook ledger_book_;
  ClaimWorkflow claim_workflow_;
  PartnerProgressReport progress_report_;
  FundWorkflow fund_workflow_;
  DisputeWorkflow dispute_workflow_;
  PayoutWorkflow payout_workflow_;
  LeaderboardIndex leaderboard_index_;
  Recognition recognition_;
  Training training_;
  PartnerTiers tiers_;
  Engagement engagement_;
  AuditTrail audit_trail_;
  PerformanceReports program_performance_;
  Exports exports_;
  Redemption redemption_;
  Notifications notifications_;
  RequestMetrics metrics_{"cim_server_grpc", {"method", "code"}, "gRPC calls"};
  std::unique_ptr<RpcServer> rpc_;
  std::unique_ptr<SmtpMailer> mailer_;
  std::optional<EmailDelivery> email_delivery_;
  std::optional<BackgroundJobs> jobs_;  // after what they use: stop before it goes
  std::unique_ptr<MetricsEndpoint> metrics_endpoint_;
  absl::Notification stopping_;
  std::thread health_thread_;
};

}  // namespace cim

#endif  // CIM_SERVER_APP_SERVER_APP_H_
