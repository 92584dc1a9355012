// The health service reports SERVING only while the database answers, and the server recovers
// (reconnects) when the database comes back. Uses a MariaDB instance of its own so that it can
// stop and restart it.
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/app/server_app.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using grpc::health::v1::HealthCheckResponse;
using ::testing::HasSubstr;

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Runs a ci/ script with this test's database folder and port; returns its last output line.
std::string RunScript(const std::string& script, const std::string& dir, int port) {
  const char* src = std::getenv("CIM_SOURCE_DIR");
  const std::string command =
      absl::StrCat("CIM_DB_DIR=", dir, " CIM_DB_PORT=", port, " CIM_DB_FAST=1 ", src ? src : ".",
                   "/ci/", script, " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[512];
  while (pipe != nullptr && fgets(buffer, sizeof(buffer), pipe) != nullptr) out = buffer;
  if (pipe != nullptr) pclose(pipe);
  return std::string(absl::StripAsciiWhitespace(out));
}

class HealthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        (std::filesystem::temp_directory_path() / absl::StrCat("cim_health_", getpid())).string();
    port_ = FreePort();
    server_ = RunScript("db-start.sh", dir_, port_);
    ASSERT_THAT(server_, HasSubstr("unix_socket="));
  }
  void TearDown() override {
    app_.reset();
    RunScript("db-stop.sh", dir_, port_);
    std::filesystem::remove_all(dir_);
  }

  HealthCheckResponse::ServingStatus Health() {
    auto stub = grpc::health::v1::Health::NewStub(channel_);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    HealthCheckResponse response;
    grpc::Status status = stub->Check(&context, grpc::health::v1::HealthCheckRequest(), &response);
    return status.ok() ? response.status() : HealthCheckResponse::UNKNOWN;
  }

  // Waits up to 20 seconds for the health status to become `want`.
  bool WaitForHealth(HealthCheckResponse::ServingStatus want) {
    const absl::Time deadline = absl::Now() + absl::Seconds(20);
    while (absl::Now() < deadline) {
      if (Health() == want) return true;
      absl::SleepFor(absl::Milliseconds(50));
    }
    return false;
  }

  grpc::Status WhoAmI() {
    auto stub = cim::v1::AuthService::NewStub(channel_);
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer cims_not-a-real-token");
    cim::v1::Principal out;
    return stub->WhoAmI(&context, cim::v1::WhoAmIRequest(), &out);
  }

  std::string dir_;
  int port_ = 0;
  std::string server_;
  std::unique_ptr<ServerApp> app_;
  std::shared_ptr<grpc::Channel> channel_;
};

TEST_F(HealthTest, ServingOnlyWhileTheDatabaseAnswers) {
  const std::string socket = server_.substr(server_.find("unix_socket=") + 12);
  ASSERT_EQ(std::system(absl::StrCat("mariadb --no-defaults --socket=", socket,
                                     " -uroot -e 'CREATE DATABASE IF NOT EXISTS cim'")
                            .c_str()),
            0);
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.db_connect = absl::StrCat(server_, " db=cim");
  options.db_pool_size = 2;
  options.migrations_dir = absl::StrCat(std::getenv("CIM_SOURCE_DIR"), "/db/migrations");
  options.password_hash = PasswordHashParams::Minimum();
  options.health_interval = absl::Milliseconds(100);
  auto app = ServerApp::Start(options);
  ASSERT_TRUE(app.ok()) << app.status();
  app_ = *std::move(app);
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", app_->port()),
                                 grpc::InsecureChannelCredentials());
  EXPECT_TRUE(WaitForHealth(HealthCheckResponse::SERVING));
  EXPECT_THAT(WhoAmI(), StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));

  RunScript("db-stop.sh", dir_, port_);
  EXPECT_TRUE(WaitForHealth(HealthCheckResponse::NOT_SERVING));
  // A call that needs the database says "retry", not "internal error".
  EXPECT_THAT(WhoAmI(), StatusIs(absl::StatusCode::kUnavailable, HasSubstr("retry")));

  ASSERT_THAT(RunScript("db-start.sh", dir_, port_), HasSubstr("unix_socket="));
  EXPECT_TRUE(WaitForHealth(HealthCheckResponse::SERVING));
  // The pool reconnects: the same call works again.
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  grpc::Status status = WhoAmI();
  while (status.error_code() == grpc::StatusCode::UNAVAILABLE && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(50));
    status = WhoAmI();
  }
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));
}

}  // namespace
}  // namespace cim
