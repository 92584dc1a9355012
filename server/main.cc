// cim-server: parses flags, wires the server, serves until SIGTERM/SIGINT.
#include <cstdlib>
#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "lib/messages.h"
#include "lib/termination_signals.h"
#include "server/app/commands.h"
#include "server/app/server_app.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "gRPC listen address (env CIM_LISTEN)");
ABSL_FLAG(std::string, db, "",
          "SOCI MySQL connection string, e.g. \"db=cim user=root unix_socket=/path/mysqld.sock\"; "
          "a cluster lists its nodes in failover order: \"db=cim user=cim "
          "host=10.0.0.1,10.0.0.2,10.0.0.3:3307\" (env CIM_DB)");
ABSL_FLAG(absl::Duration, db_connect_timeout, absl::Seconds(2),
          "how long connecting to a database node may take before trying the next");
ABSL_FLAG(absl::Duration, db_read_timeout, absl::Seconds(60),
          "how long a database node may take to answer before the call fails over");
ABSL_FLAG(absl::Duration, db_write_timeout, absl::Seconds(60),
          "how long sending to a database node may take before the call fails over");
ABSL_FLAG(int, db_pool_size, 8, "database connection pool size (env CIM_DB_POOL_SIZE)");
ABSL_FLAG(absl::Duration, token_ttl, absl::Hours(12), "session token lifetime (env CIM_TOKEN_TTL)");
ABSL_FLAG(absl::Duration, credential_cache_ttl, absl::Seconds(1),
          "How long a resolved token is reused without asking the database; revocations and "
          "user or partner changes made through another server count after at most this (0: "
          "never reuse; env CIM_CREDENTIAL_CACHE_TTL)");
ABSL_FLAG(std::string, migrations_dir, CIM_DEFAULT_MIGRATIONS_DIR,
          "folder of NNNN_name.sql migrations (env CIM_MIGRATIONS_DIR)");
ABSL_FLAG(std::string, metrics_address, "127.0.0.1:9464",
          "host:port serving Prometheus metrics at /metrics (empty: none)");
ABSL_FLAG(bool, migrate, false, "apply pending migrations, then exit");
ABSL_FLAG(bool, migrate_on_start, true,
          "apply pending migrations before serving; false: wait until they have been applied "
          "(cluster replicas: run --migrate once instead; env CIM_MIGRATE_ON_START)");
ABSL_FLAG(bool, seed_demo, false, "load the demo data set into an empty database, then exit");
ABSL_FLAG(bool, verify_audit, false,
          "verify the audit trail's hash chain, print the result, then exit (1 if broken)");
ABSL_FLAG(std::string, smtp_url, "",
          "SMTP relay for email: smtp://[user:password@]host[:port] (STARTTLS when offered, "
          "required for a login to a relay off this machine) or smtps://...; empty: email waits "
          "in the outbox (env CIM_SMTP_URL)");
ABSL_FLAG(std::string, smtp_from, "portal@cim.localhost",
          "the sender address of every email (env CIM_SMTP_FROM)");
ABSL_FLAG(std::string, smtp_from_name, "CIM Partner Portal", "the sender name of every email");
ABSL_FLAG(std::string, portal_url, "http://127.0.0.1:8080",
          "the portal's address as people open it, for the links in emails (env CIM_PORTAL_URL)");
ABSL_FLAG(std::string, secrets_key_file, "",
          "file holding the key (64 hexadecimal digits, e.g. from openssl rand -hex 32; mode 0600) "
          "that seals two-step sign-in secrets in the database; without it nobody can set "
          "two-step sign-in up or sign in with it (env CIM_SECRETS_KEY_FILE)");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "how long in-flight RPCs may run after SIGTERM/SIGINT");

namespace {

int Fail(const absl::Status& status) {
  std::cerr << "cim-server: " << absl::StatusCodeToString(status.code()) << ": "
            << cim::Wording::English().Message(status) << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("CIM gRPC server");
  cim::ApplyEnvironmentOverrides({{"listen", "CIM_LISTEN"},
                                  {"db", "CIM_DB"},
                                  {"db_pool_size", "CIM_DB_POOL_SIZE"},
                                  {"token_ttl", "CIM_TOKEN_TTL"},
                                  {"credential_cache_ttl", "CIM_CREDENTIAL_CACHE_TTL"},
                                  {"migrations_dir", "CIM_MIGRATIONS_DIR"},
                                  {"migrate_on_start", "CIM_MIGRATE_ON_START"},
                                  {"smtp_url", "CIM_SMTP_URL"},
                                  {"smtp_from", "CIM_SMTP_FROM"},
                                  {"portal_url", "CIM_PORTAL_URL"},
                                  {"secrets_key_file", "CIM_SECRETS_KEY_FILE"}});
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves Mutex deadlock detection (a global lock
  // graph updated on every lock) on; tests keep it, running binaries do not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  cim::BlockTerminationSignals();

  cim::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.db_connect = absl::GetFlag(FLAGS_db);
  options.db_pool_size = absl::GetFlag(FLAGS_db_pool_size);
  options.db_timeouts = {.connect = absl::GetFlag(FLAGS_db_connect_timeout),
                         .read = absl::GetFlag(FLAGS_db_read_timeout),
                         .write = absl::GetFlag(FLAGS_db_write_timeout)};
  options.auth.session_ttl = absl::GetFlag(FLAGS_token_ttl);
  options.auth.credential_cache_ttl = absl::GetFlag(FLAGS_credential_cache_ttl);
  options.migrations_dir = absl::GetFlag(FLAGS_migrations_dir);
  options.migrate = absl::GetFlag(FLAGS_migrate) || absl::GetFlag(FLAGS_migrate_on_start);
  if (options.db_connect.empty()) return Fail(absl::InvalidArgumentError("--db is required"));
  if (const std::string key_file = absl::GetFlag(FLAGS_secrets_key_file); !key_file.empty()) {
    absl::StatusOr<cim::SecretSealer::Key> key = cim::SecretSealer::ReadKeyFile(key_file);
    if (!key.ok()) {
      Fail(key.status());
      return 2;  // a configuration error: restarting cannot fix it (RestartPreventExitStatus=2)
    }
    options.secrets_key = *key;
  }

  if (absl::GetFlag(FLAGS_migrate)) {
    absl::Status status = cim::MigrateOnly(options);
    return status.ok() ? 0 : Fail(status);
  }
  if (absl::GetFlag(FLAGS_verify_audit)) {
    absl::StatusOr<bool> intact = cim::VerifyAudit(options, std::cout);
    if (!intact.ok()) return Fail(intact.status());
    return *intact ? 0 : 1;
  }
  if (absl::GetFlag(FLAGS_seed_demo)) {
    absl::Status status = cim::SeedDemo(options, std::cout);
    return status.ok() ? 0 : Fail(status);
  }

  options.metrics_address = absl::GetFlag(FLAGS_metrics_address);
  options.smtp = {.url = absl::GetFlag(FLAGS_smtp_url),
                  .from_address = absl::GetFlag(FLAGS_smtp_from),
                  .from_name = absl::GetFlag(FLAGS_smtp_from_name)};
  options.notifications.portal_url =
      std::string(absl::StripSuffix(absl::GetFlag(FLAGS_portal_url), "/"));
  absl::StatusOr<std::unique_ptr<cim::ServerApp>> app = cim::ServerApp::Start(options);
  if (!app.ok()) return Fail(app.status());
  std::cerr << "cim-server: listening on port " << (*app)->port();
  if ((*app)->metrics_port() != 0) std::cerr << ", metrics on port " << (*app)->metrics_port();
  std::cerr << std::endl;

  std::thread signal_waiter([&] {
    const int signal = cim::WaitForTerminationSignal();
    std::cerr << "cim-server: signal " << signal << ", draining in-flight RPCs" << std::endl;
    (*app)->Shutdown(absl::GetFlag(FLAGS_shutdown_grace));
  });
  (*app)->Wait();
  signal_waiter.join();
  std::cerr << "cim-server: stopped" << std::endl;
  return 0;
}
