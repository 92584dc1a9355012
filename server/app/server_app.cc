#include "server/app/server_app.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/str_cat.h"
#include "server/app/metrics_interceptor.h"
#include "server/common/status_util.h"
#include "server/db/mysql_migrator.h"

namespace cim {

ServerApp::ServerApp(const ServerOptions& options, std::unique_ptr<MysqlDatabase> db)
    : clock_(options.clock != nullptr ? *options.clock : system_clock_),
      db_(std::move(db)),
      partners_(*db_),
      users_(*db_),
      tokens_(*db_),
      throttle_(*db_),
      hasher_(options.password_hash),
      authenticator_(partners_, users_, tokens_, throttle_, hasher_, clock_, options.auth),
      directory_(partners_, users_, hasher_, clock_, authenticator_.credentials()),
      auth_service_(authenticator_),
      partner_service_(authenticator_, directory_),
      products_(*db_),
      programs_(*db_),
      certifications_(*db_, clock_),
      catalog_(products_, clock_),
      program_directory_(programs_, products_, partners_, certifications_, clock_),
      ledger_(*db_),
      claims_(*db_),
      ledger_book_(ledger_, clock_),
      claim_workflow_(claims_, programs_, products_, partners_, clock_),
      progress_report_(program_directory_, claims_, ledger_, clock_),
      program_service_(authenticator_, catalog_, program_directory_, progress_report_),
      ledger_service_(authenticator_, ledger_book_),
      claim_service_(authenticator_, claim_workflow_),
      funds_(*db_),
      fund_workflow_(funds_, programs_, claims_, partners_, clock_),
      fund_service_(authenticator_, fund_workflow_),
      payouts_(*db_),
      payout_workflow_(payouts_, clock_),
      payout_service_(authenticator_, payout_workflow_),
      recognition_repository_(*db_),
      leaderboard_index_(recognition_repository_),
      recognition_(recognition_repository_, leaderboard_index_, users_, program_directory_, clock_),
      recognition_service_(authenticator_, recognition_),
      tier_repository_(*db_),
      tiers_(tier_repository_, clock_),
      tier_service_(authenticator_, tiers_),
      engagement_repository_(*db_),
      engagement_(engagement_repository_, users_, partners_, program_directory_, clock_),
      engagement_service_(authenticator_, engagement_),
      audit_repository_(*db_),
      audit_trail_(audit_repository_),
      audit_service_(authenticator_, audit_trail_),
      performance_repository_(*db_),
      program_performance_(performance_repository_, program_directory_, clock_),
      performance_service_(authenticator_, program_performance_),
      exports_(claim_workflow_, ledger_book_, payout_workflow_, program_performance_, clock_),
      export_service_(authenticator_, exports_) {}

absl::StatusOr<std::unique_ptr<ServerApp>> ServerApp::Start(const ServerOptions& options) {
  CIM_ASSIGN_OR_RETURN(
      std::unique_ptr<MysqlDatabase> db,
      MysqlDatabase::Connect(options.db_connect, options.db_pool_size, options.db_timeouts));
  CIM_ASSIGN_OR_RETURN(std::vector<MigrationFile> files, ReadMigrations(options.migrations_dir));
  if (options.migrate) {
    CIM_RETURN_IF_ERROR(ApplyMigrations(*db, files).status());
  } else {
    CIM_RETURN_IF_ERROR(WaitForMigrations(*db, files, options.schema_wait));
  }
  std::unique_ptr<ServerApp> app(new ServerApp(options, std::move(db)));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address, grpc::InsecureServerCredentials(), &app->port_);
  builder.RegisterService(&app->auth_service_);
  builder.RegisterService(&app->partner_service_);
  builder.RegisterService(&app->program_service_);
  builder.RegisterService(&app->ledger_service_);
  builder.RegisterService(&app->claim_service_);
  builder.RegisterService(&app->fund_service_);
  builder.RegisterService(&app->payout_service_);
  builder.RegisterService(&app->recognition_service_);
  builder.RegisterService(&app->tier_service_);
  builder.RegisterService(&app->audit_service_);
  builder.RegisterService(&app->performance_service_);
  builder.RegisterService(&app->export_service_);
  builder.RegisterService(&app->engagement_service_);
  // Handlers block on the database and on group commits, so many calls are in a handler at
  // once. Keep up to 64 idle handler threads between calls: with gRPC's default of two, every
  // call beyond two in flight would start a thread and end it afterwards.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, 64);
  // Gateways ping idle connections every 10 s to notice a vanished machine; accept that (the
  // default would answer pings more often than every 5 minutes with GOAWAY).
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<MetricsInterceptorFactory>(app->metrics_));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  app->server_ = builder.BuildAndStart();
  if (app->server_ == nullptr || app->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options.listen_address));
  }
  if (!options.metrics_address.empty()) {
    CIM_ASSIGN_OR_RETURN(app->metrics_endpoint_,
                         MetricsEndpoint::Start(options.metrics_address,
                                                [app = app.get()] { return app->MetricsText(); }));
  }
  app->WatchHealth(options.health_interval);
  app->recognition_worker_ = std::make_unique<RecognitionWorker>(
      app->recognition_repository_, app->leaderboard_index_, app->clock_,
      RecognitionWorkerOptions{.interval = options.recognition_interval});
  app->tier_schedule_ = std::make_unique<PeriodicTask>(
      "cim-tiers", options.tier_schedule_interval,
      [tiers = &app->tiers_] { return tiers->RunScheduled().status(); });
  app->audit_sealer_ =
      std::make_unique<PeriodicTask>("cim-audit-seal", options.audit_seal_interval,
                                     [trail = &app->audit_trail_] { return trail->SealPending(); });
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
  grpc::HealthCheckServiceInterface* health = server_->GetHealthCheckService();
  const bool initially_serving = db_->Ping().ok();
  health->SetServingStatus(initially_serving);
  health_thread_ = std::thread([this, health, interval, initially_serving] {
    bool serving = initially_serving;
    while (!stopping_.WaitForNotificationWithTimeout(interval)) {
      const bool ok = db_->Ping().ok();
      if (ok != serving) {
        health->SetServingStatus(ok);
        serving = ok;
      }
    }
  });
}

void ServerApp::Shutdown(absl::Duration grace) {
  if (stopping_.HasBeenNotified()) return;
  stopping_.Notify();
  recognition_worker_.reset();
  tier_schedule_.reset();
  audit_sealer_.reset();
  if (health_thread_.joinable()) health_thread_.join();
  server_->GetHealthCheckService()->Shutdown();
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoSeconds(grace));
}

void ServerApp::Wait() { server_->Wait(); }

ServerApp::~ServerApp() {
  Shutdown(absl::ZeroDuration());
  server_->Wait();
}

}  // namespace cim
