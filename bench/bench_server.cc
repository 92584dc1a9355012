#include "bench/bench_server.h"

#include <grpcpp/grpcpp.h>
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
  // What the benchmarks measure is the work of a call, not signing in: their program admins sign
  // in without two-step sign-in.
  options.auth.two_step_roles = {};
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

std::string BenchServer::CreateUser(const std::string& email, cim::v1::Role role,
                                    int64_t partner_id, const std::string& password) {
  cim::v1::User u;
  u.set_email(email);
  u.set_display_name(email);
  u.set_role(role);
  u.set_partner_id(partner_id);
  u.set_status(cim::v1::USER_STATUS_ACTIVE);
  absl::StatusOr<std::string> hash = app_->password_hasher().Hash(password);
  if (!hash.ok() || !app_->users().Create(u, *hash, absl::Now()).ok()) {
    std::cerr << "bench: cannot create user " << email << std::endl;
    std::exit(1);
  }
  if (auth_ == nullptr) {
    auth_ = cim::v1::AuthService::NewStub(
        grpc::CreateChannel(address(), grpc::InsecureChannelCredentials()));
  }
  cim::v1::LoginRequest login;
  login.set_email(email);
  login.set_password(password);
  cim::v1::LoginResponse response;
  grpc::ClientContext context;
  grpc::Status status = auth_->Login(&context, login, &response);
  if (!status.ok()) {
    std::cerr << "bench: login " << email << ": " << status.error_message() << std::endl;
    std::exit(1);
  }
  return response.token();
}

}  // namespace cim::bench
