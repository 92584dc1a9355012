#include "server/app/server_app.h"

#include <unistd.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"
#include "server/db/mysql_migrator.h"

namespace cim {

ServerApp::ServerApp(const ServerOptions& options, std::unique_ptr<MysqlDatabase> db)
    : clock_(options.clock != nullptr ? *options.clock : system_clock_),
      db_(std::move(db)),
      stores_(*db_, clock_),
      hasher_(options.password_hash),
      sealer_(options.secrets_key),
      authenticator_(stores_.partners, stores_.users, stores_.tokens, stores_.login_throttle,
                     stores_.accounts, stores_.two_step, hasher_, sealer_, clock_, options.auth),
      directory_(stores_.partners, stores_.users, hasher_, clock_, authenticator_.credentials()),
      account_security_(authenticator_, directory_, stores_.users, stores_.accounts, hasher_,
                        MessageCatalogs::Compiled(), clock_,
                        {.portal_url = options.notifications.portal_url}),
      two_step_setup_(authenticator_, directory_, stores_.two_step, sealer_, clock_,
                      "CIM Partner Portal"),
      catalog_(stores_.products, clock_),
      program_directory_(stores_.programs, stores_.products, stores_.partners,
                         stores_.certifications, clock_),
      ledger_book_(stores_.ledger, clock_),
      claim_workflow_(stores_.claims, stores_.programs, stores_.products, stores_.partners, clock_),
      progress_report_(program_directory_, stores_.claims, stores_.partners, stores_.ledger,
                       clock_),
      fund_workflow_(stores_.funds, stores_.programs, stores_.claims, stores_.partners, clock_),
      dispute_workflow_(stores_.disputes, stores_.programs, clock_),
      payout_workflow_(stores_.payouts, clock_),
      leaderboard_index_(stores_.recognition),
      recognition_(stores_.recognition, leaderboard_index_, stores_.users, program_directory_,
                   stores_.training, clock_),
      training_(stores_.training, stores_.users, clock_),
      tiers_(stores_.tiers, stores_.programs, stores_.claims, clock_),
      engagement_({.kudos = stores_.kudos,
                   .feed = stores_.feed,
                   .challenges = stores_.challenges,
                   .surveys = stores_.surveys},
                  stores_.users, stores_.partners, program_directory_, clock_),
      audit_trail_(stores_.audit),
      program_performance_(stores_.performance, program_directory_, clock_),
      exports_(claim_workflow_, ledger_book_, payout_workflow_, program_performance_, clock_),
      redemption_(stores_.redemption, stores_.ledger, stores_.partners, stores_.certifications,
                  clock_),
      notifications_(stores_.notifications, MessageCatalogs::Compiled(), clock_,
                     options.notifications, &authenticator_.credentials()) {}

absl::StatusOr<std::unique_ptr<ServerApp>> ServerApp::Start(const ServerOptions& options) {
  CIM_ASSIGN_OR_RETURN(std::unique_ptr<MysqlDatabase> db,
                       OpenDatabase(options.db_connect, options.db_pool_size, options.db_timeouts));
  CIM_ASSIGN_OR_RETURN(std::vector<MigrationFile> files, ReadMigrations(options.migrations_dir));
  if (options.migrate) {
    CIM_RETURN_IF_ERROR(ApplyMigrations(*db, files).status());
  } else {
    CIM_RETURN_IF_ERROR(WaitForMigrations(*db, files, options.schema_wait));
  }
  std::unique_ptr<ServerApp> app(new ServerApp(options, std::move(db)));
  const RpcHandlers handlers{.auth = app->authenticator_,
                             .accounts = app->account_security_,
                             .two_step = app->two_step_setup_,
                             .partners = app->directory_,
                             .catalog = app->catalog_,
                             .programs = app->program_directory_,
                             .progress = app->progress_report_,
                             .ledger = app->ledger_book_,
                             .claims = app->claim_workflow_,
                             .funds = app->fund_workflow_,
                             .disputes = app->dispute_workflow_,
                             .payouts = app->payout_workflow_,
                             .recognition = app->recognition_,
                             .training = app->training_,
                             .tiers = app->tiers_,
                             .engagement = app->engagement_,
                             .audit = app->audit_trail_,
                             .performance = app->program_performance_,
                             .exports = app->exports_,
                             .redemption = app->redemption_,
                             .notifications = app->notifications_};
  CIM_ASSIGN_OR_RETURN(app->rpc_,
                       RpcServer::Start(options.listen_address, handlers, app->metrics_));
  if (!options.metrics_address.empty()) {
    CIM_ASSIGN_OR_RETURN(app->metrics_endpoint_,
                         MetricsEndpoint::Start(options.metrics_address,
                                                [app = app.get()] { return app->MetricsText(); }));
  }
  app->WatchHealth(options.health_interval);
  if (!options.smtp.url.empty()) {
    absl::StatusOr<std::unique_ptr<SmtpMailer>> mailer = SmtpMailer::Create(options.smtp);
    if (!mailer.ok()) return mailer.status();
    app->mailer_ = *std::move(mailer);
    // Leases name the server: host, process and port.
    char host[256] = {0};
    gethostname(host, sizeof(host) - 1);
    app->email_delivery_.emplace(app->stores_.email_outbox, *app->mailer_, app->clock_,
                                 absl::StrCat(host, ":", getpid(), ":", app->port()),
                                 EmailDeliveryOptions{.send_timeout = options.smtp.timeout});
  }
  app->jobs_.emplace(app->stores_.recognition, app->leaderboard_index_, app->tiers_,
                     app->audit_trail_, app->notifications_,
                     app->email_delivery_ ? &*app->email_delivery_ : nullptr, app->clock_,
                     options.jobs);
  return app;
}

std::string ServerApp::MetricsText() const {
  std::string out;
  metrics_.AppendText(out);
  AppendGauge(out, "cim_server_db_pool_size", "Database sessions in the pool.", db_->pool_size());
  AppendGauge(out, "cim_server_db_pool_in_use", "Database sessions running statements.",
              db_->sessions_in_use());
  AppendGauge(out, "cim_server_db_pool_waiting", "Callers waiting for a free database session.",
              db_->sessions_waiting());
  AppendGauge(out, "cim_server_db_node", "Index of the database node written to (0: first).",
              db_->current_node());
  AppendGauge(out, "cim_server_db_failovers", "Times the server moved to another database node.",
              static_cast<double>(db_->failovers()));
  AppendGauge(out, "cim_server_db_transaction_retries",
              "Transactions run again after a conflict or a connection lost before commit.",
              static_cast<double>(db_->transaction_retries()));
  return out;
}

void ServerApp::WatchHealth(absl::Duration interval) {
  const bool initially_serving = db_->Ping().ok();
  rpc_->SetServing(initially_serving);
  health_thread_ = std::thread([this, interval, initially_serving] {
    bool serving = initially_serving;
    while (!stopping_.WaitForNotificationWithTimeout(interval)) {
      const bool ok = db_->Ping().ok();
      if (ok != serving) {
        rpc_->SetServing(ok);
        serving = ok;
      }
    }
  });
}

void ServerApp::Shutdown(absl::Duration grace) {
  if (stopping_.HasBeenNotified()) return;
  stopping_.Notify();
  jobs_.reset();
  if (health_thread_.joinable()) health_thread_.join();
  rpc_->Shutdown(grace);
}

void ServerApp::Wait() { rpc_->Wait(); }

ServerApp::~ServerApp() {
  if (rpc_ == nullptr) return;
  Shutdown(absl::ZeroDuration());
  rpc_->Wait();
}

}  // namespace cim
