#include "bench/bench_server.h"

#include <soci/mysql/soci-mysql.h>
#include <unistd.h>

#include <iostream>

#include "absl/strings/str_cat.h"

namespace cim::bench {

BenchServer::BenchServer(const std::string& db_server, const std::string& name)
    : db_server_(db_server),
      db_name_(absl::StrCat(name, "_", getpid())),
      connect_(absl::StrCat(db_server, " db=", db_name_)) {
  {
    soci::session s(soci::mysql, db_server_);
    s << "CREATE DATABASE " << db_name_;
  }
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.db_connect = connect_;
  options.db_pool_size = 32;
  options.migrations_dir = CIM_MIGRATIONS_DIR;
  options.password_hash = PasswordHashParams::Minimum();
  absl::StatusOr<std::unique_ptr<ServerApp>> app = ServerApp::Start(options);
  if (!app.ok()) {
    std::cerr << name << ": server: " << app.status() << std::endl;
    std::exit(1);
  }
  app_ = *std::move(app);
}

BenchServer::~BenchServer() {
  app_.reset();
  soci::session s(soci::mysql, db_server_);
  s << "DROP DATABASE " << db_name_;
}

std::string BenchServer::address() const { return absl::StrCat("127.0.0.1:", app_->port()); }

}  // namespace cim::bench
