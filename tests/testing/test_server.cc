#include "tests/testing/test_server.h"

#include <cstdlib>

#include "absl/algorithm/container.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/identity/one_time_code.h"
#include "tests/testing/two_step_keys.h"

namespace cim::testing {

namespace {

int ReplicasFromEnv() {
  const char* env = std::getenv("CIM_TEST_REPLICAS");
  int n = 1;
  if (env != nullptr && *env != '\0' && (!absl::SimpleAtoi(env, &n) || n < 1 || n > 8)) {
    ADD_FAILURE() << "CIM_TEST_REPLICAS must be 1 to 8, not " << env;
    std::abort();
  }
  return n;
}

}  // namespace

TestServer::TestServer()
    : clock_(absl::FromCivil(absl::CivilSecond(2026, 3, 2, 9, 0, 0), absl::UTCTimeZone())) {
  const int replicas = ReplicasFromEnv();
  for (int i = 0; i < replicas; ++i) {
    auto app = ServerApp::Start(Options(i, replicas));
    if (!app.ok()) {
      ADD_FAILURE() << "server did not start: " << app.status();
      std::abort();
    }
    replicas_.push_back(*std::move(app));
  }
}

ServerOptions TestServer::Options(int index, int count) {
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.db_connect = database_.connect_string();
  options.db_pool_size = 4;
  options.migrations_dir = TestDatabase::MigrationsDir();
  // One server migrates; the others wait for the schema, as replicas of a cluster do.
  options.migrate = index == 0;
  options.password_hash = PasswordHashParams::Minimum();
  options.clock = &clock_;
  options.health_interval = absl::Milliseconds(100);
  options.secrets_key = TestSecretsKey();
  // The suites check what one server answers right after a change made through another (a
  // logout, a disabled user); how long a replica's credential cache may lag is tested on its
  // own (IdentityRpcTest.ChangesMadeThroughAnotherReplica...).
  if (count > 1) options.auth.credential_cache_ttl = absl::ZeroDuration();
  return options;
}

std::unique_ptr<ServerApp> TestServer::StartReplica(
    const std::function<void(ServerOptions&)>& configure) {
  ServerOptions options = Options(static_cast<int>(replicas_.size()), 1);
  options.migrate = false;
  if (configure) configure(options);
  absl::StatusOr<std::unique_ptr<ServerApp>> replica = ServerApp::Start(options);
  EXPECT_TRUE(replica.ok()) << replica.status();
  return replica.ok() ? *std::move(replica) : nullptr;
}

std::shared_ptr<grpc::Channel> TestServer::ChannelTo(const ServerApp& app) {
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", app.port()),
                             grpc::InsecureChannelCredentials());
}

TestServer::~TestServer() {
  channel_.reset();
  replicas_.clear();
}

std::string TestServer::address() const {
  return absl::StrCat("127.0.0.1:", replicas_.front()->port());
}

std::shared_ptr<grpc::Channel> TestServer::channel() {
  if (channel_ == nullptr) {
    if (replicas_.size() == 1) {
      channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
    } else {
      std::vector<std::string> addresses;
      for (const auto& replica : replicas_) {
        addresses.push_back(absl::StrCat("127.0.0.1:", replica->port()));
      }
      grpc::ChannelArguments args;
      args.SetLoadBalancingPolicyName("round_robin");
      channel_ = grpc::CreateCustomChannel(absl::StrCat("ipv4:", absl::StrJoin(addresses, ",")),
                                           grpc::InsecureChannelCredentials(), args);
    }
  }
  return channel_;
}

cim::v1::Partner TestServer::CreatePartner(const std::string& name, cim::v1::PartnerType type,
                                           int64_t parent_partner_id) {
  cim::v1::Partner p;
  p.set_name(name);
  p.set_type(type);
  p.set_tier("silver");
  p.set_region("EMEA-NL");
  p.set_parent_partner_id(parent_partner_id);
  p.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
  auto stored = app().partners().Create(p, clock_.Now());
  EXPECT_TRUE(stored.ok()) << stored.status();
  return stored.value_or(p);
}

cim::v1::User TestServer::CreateUser(const std::string& email, cim::v1::Role role,
                                     int64_t partner_id, const std::string& password) {
  cim::v1::User u;
  u.set_email(email);
  u.set_display_name(absl::StrCat("Test ", email.substr(0, email.find('@'))));
  u.set_role(role);
  u.set_partner_id(partner_id);
  u.set_status(cim::v1::USER_STATUS_ACTIVE);
  std::optional<std::string> hash;
  if (role != cim::v1::ROLE_SERVICE_ACCOUNT) hash = *app().password_hasher().Hash(password);
  auto stored = app().users().Create(u, hash, clock_.Now());
  EXPECT_TRUE(stored.ok()) << stored.status();
  if (stored.ok() && absl::c_linear_search(ServerOptions().auth.two_step_roles, role)) {
    EXPECT_TRUE(SetUpTwoStep(app().two_step(), app().sealer(), stored->id(), clock_.Now()).ok());
    two_step_steps_[stored->email()] = 0;
  }
  return stored.value_or(u);
}

std::string TestServer::Login(const std::string& email, const std::string& password) {
  auto stub = cim::v1::AuthService::NewStub(channel());
  cim::v1::LoginRequest request;
  request.set_email(email);
  request.set_password(password);
  request.set_one_time_code(OneTimeCode(email));
  cim::v1::LoginResponse response;
  auto context = Context("");
  grpc::Status status = stub->Login(context.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.token();
}

std::string TestServer::OneTimeCode(const std::string& email) {
  auto two_step = two_step_steps_.find(email);
  if (two_step == two_step_steps_.end()) return "";
  const int64_t step_seconds = absl::ToInt64Seconds(kTotpStep);
  int64_t step = absl::ToUnixSeconds(clock_.Now()) / step_seconds;
  if (step <= two_step->second) {
    step = two_step->second + 1;
    clock_.Advance(absl::FromUnixSeconds(step * step_seconds) - clock_.Now());
  }
  two_step->second = step;
  return TotpCode(kTestTwoStepSecret, clock_.Now());
}

std::unique_ptr<grpc::ClientContext> TestServer::Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

}  // namespace cim::testing
