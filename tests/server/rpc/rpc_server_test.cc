// RpcServer, started directly over the real stores: it listens on the loopback port it is
// given (port 0 picks one; a taken port is UNAVAILABLE), serves every cim.v1 service with
// reflection listing them and the health service answering what SetServing says; its
// interceptors are installed (unparsable bytes are INVALID_ARGUMENT, every call is counted in
// the metrics it was given); after Shutdown it takes no more calls.
#include "server/rpc/rpc_server.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/app/repositories.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using HealthResponse = grpc::health::v1::HealthCheckResponse;

class RpcServerTest : public ::testing::Test {
 protected:
  std::unique_ptr<RpcServer> MustStart() {
    absl::StatusOr<std::unique_ptr<RpcServer>> server =
        RpcServer::Start("127.0.0.1:0", handlers_, metrics_);
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  static std::shared_ptr<grpc::Channel> ChannelTo(int port) {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                               grpc::InsecureChannelCredentials());
  }

  static std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return context;
  }

  // What grpc.health.v1 answers for `service` ("" for the server).
  static grpc::Status Health(int port, const std::string& service, HealthResponse* out) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    return grpc::health::v1::Health::NewStub(ChannelTo(port))->Check(Context().get(), request, out);
  }

  // The services reflection lists, as the raw bytes of its answer: ServerReflectionRequest
  // {list_services: ""} is field 7, an empty string (Debian ships no reflection client protos).
  static std::string ReflectedServices(int port) {
    grpc::GenericStub stub(ChannelTo(port));
    grpc::CompletionQueue cq;
    auto context = Context();
    auto call = stub.PrepareCall(
        context.get(), "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
    int tags[5];
    auto wait = [&cq](void* want) {
      void* tag = nullptr;
      bool ok = false;
      EXPECT_TRUE(cq.Next(&tag, &ok));
      EXPECT_EQ(tag, want);
      return ok;
    };
    call->StartCall(&tags[0]);
    EXPECT_TRUE(wait(&tags[0]));
    grpc::Slice request(std::string("\x3a\x00", 2));
    grpc::ByteBuffer request_buffer(&request, 1);
    call->Write(request_buffer, &tags[1]);
    EXPECT_TRUE(wait(&tags[1]));
    grpc::ByteBuffer reply;
    call->Read(&reply, &tags[2]);
    EXPECT_TRUE(wait(&tags[2]));
    std::vector<grpc::Slice> slices;
    EXPECT_TRUE(reply.Dump(&slices).ok());
    std::string bytes;
    for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    call->WritesDone(&tags[3]);
    wait(&tags[3]);
    grpc::Status status;
    call->Finish(&status, &tags[4]);
    wait(&tags[4]);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return bytes;
  }

  testing::TestDatabase database_;
  FakeClock clock_{absl::FromUnixSeconds(1772442000)};
  Repositories stores_{database_.db(), clock_};
  PasswordHasher hasher_{PasswordHashParams::Minimum()};
  SecretSealer sealer_;
  Authenticator auth_{stores_.partners, stores_.users,    stores_.tokens, stores_.login_throttle,
                      stores_.accounts, stores_.two_step, hasher_,        sealer_,
                      clock_,           AuthConfig()};
  PartnerDirectory directory_{stores_.partners, stores_.users, hasher_, clock_,
                              auth_.credentials()};
  AccountSecurity accounts_{auth_,         directory_,
                            stores_.users, stores_.accounts,
                            hasher_,       MessageCatalogs::Compiled(),
                            clock_,        AccountSecurityOptions()};
  TwoStepSetup two_step_{auth_, directory_, stores_.two_step, sealer_, clock_, "CIM"};
  ProductCatalog catalog_{stores_.products, clock_};
  ProgramDirectory programs_{stores_.programs, stores_.products, stores_.partners,
                             stores_.certifications, clock_};
  LedgerBook ledger_{stores_.ledger, clock_};
  ClaimWorkflow claims_{stores_.claims, stores_.programs, stores_.products, stores_.partners,
                        clock_};
  PartnerProgressReport progress_{programs_, stores_.claims, stores_.partners, stores_.ledger,
                                  clock_};
  FundWorkflow funds_{stores_.funds, stores_.programs, stores_.claims, stores_.partners, clock_};
  DisputeWorkflow disputes_{stores_.disputes, stores_.programs, clock_};
  PayoutWorkflow payouts_{stores_.payouts, clock_};
  LeaderboardIndex leaderboards_{stores_.recognition};
  Recognition recognition_{stores_.recognition, leaderboards_,    stores_.users,
                           programs_,           stores_.training, clock_};
  Training training_{stores_.training, stores_.users, clock_};
  PartnerTiers tiers_{stores_.tiers, stores_.programs, stores_.claims, clock_};
  Engagement engagement_{{.kudos = stores_.kudos,
                          .feed = stores_.feed,
                          .challenges = stores_.challenges,
                          .surveys = stores_.surveys},
                         stores_.users,
                         stores_.partners,
                         programs_,
                         clock_};
  AuditTrail audit_{stores_.audit};
  PerformanceReports performance_{stores_.performance, programs_, clock_};
  Exports exports_{claims_, ledger_, payouts_, performance_, clock_};
  Redemption redemption_{stores_.redemption, stores_.ledger, stores_.partners,
                         stores_.certifications, clock_};
  Notifications notifications_{stores_.notifications, MessageCatalogs::Compiled(), clock_};
  const RpcHandlers handlers_{.auth = auth_,
                              .accounts = accounts_,
                              .two_step = two_step_,
                              .partners = directory_,
                              .catalog = catalog_,
                              .programs = programs_,
                              .progress = progress_,
                              .ledger = ledger_,
                              .claims = claims_,
                              .funds = funds_,
                              .disputes = disputes_,
                              .payouts = payouts_,
                              .recognition = recognition_,
                              .training = training_,
                              .tiers = tiers_,
                              .engagement = engagement_,
                              .audit = audit_,
                              .performance = performance_,
                              .exports = exports_,
                              .redemption = redemption_,
                              .notifications = notifications_};
  RequestMetrics metrics_{"rpc_server_test", {"method", "code"}, "calls"};
};

TEST_F(RpcServerTest, ListensOnTheLoopbackPortItIsGiven) {
  std::unique_ptr<RpcServer> server = MustStart();
  ASSERT_NE(server, nullptr);
  ASSERT_GT(server->port(), 0);
  cim::v1::Principal me;
  EXPECT_THAT(cim::v1::AuthService::NewStub(ChannelTo(server->port()))
                  ->WhoAmI(Context().get(), cim::v1::WhoAmIRequest(), &me),
              StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));

  // A second server cannot have the same port.
  absl::StatusOr<std::unique_ptr<RpcServer>> taken =
      RpcServer::Start(absl::StrCat("127.0.0.1:", server->port()), handlers_, metrics_);
  EXPECT_THAT(taken,
              StatusIs(absl::StatusCode::kUnavailable,
                       HasSubstr(absl::StrCat("cannot listen on 127.0.0.1:", server->port()))));
}

TEST_F(RpcServerTest, ReflectionListsEveryService) {
  std::unique_ptr<RpcServer> server = MustStart();
  ASSERT_NE(server, nullptr);
  const std::string services = ReflectedServices(server->port());
  for (const char* name :
       {"cim.v1.AuthService", "cim.v1.PartnerService", "cim.v1.ProgramService",
        "cim.v1.LedgerService", "cim.v1.ClaimService", "cim.v1.FundService",
        "cim.v1.DisputeService", "cim.v1.PayoutService", "cim.v1.RecognitionService",
        "cim.v1.TierService", "cim.v1.EngagementService", "cim.v1.AuditService",
        "cim.v1.PerformanceService", "cim.v1.ExportService", "grpc.health.v1.Health"}) {
    EXPECT_THAT(services, HasSubstr(name)) << name;
  }
}

TEST_F(RpcServerTest, HealthAnswersWhatSetServingSays) {
  std::unique_ptr<RpcServer> server = MustStart();
  ASSERT_NE(server, nullptr);
  HealthResponse health;
  ASSERT_TRUE(Health(server->port(), "", &health).ok());
  EXPECT_EQ(health.status(), HealthResponse::SERVING);

  server->SetServing(false);
  ASSERT_TRUE(Health(server->port(), "", &health).ok());
  EXPECT_EQ(health.status(), HealthResponse::NOT_SERVING);
  server->SetServing(true);
  ASSERT_TRUE(Health(server->port(), "", &health).ok());
  EXPECT_EQ(health.status(), HealthResponse::SERVING);
}

TEST_F(RpcServerTest, InterceptorsAreInstalled) {
  std::unique_ptr<RpcServer> server = MustStart();
  ASSERT_NE(server, nullptr);
  grpc::GenericStub stub(ChannelTo(server->port()));
  auto context = Context();
  grpc::Slice slice(std::string("\x08\xff\xff", 3));  // a truncated varint
  grpc::ByteBuffer request(&slice, 1), reply;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(context.get(), "/cim.v1.AuthService/Login", grpc::StubOptions(), &request, &reply,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  EXPECT_THAT(status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("could not be parsed")));

  std::string text;
  metrics_.AppendText(text);
  EXPECT_THAT(text, HasSubstr("rpc_server_test_requests_total{method=\"/cim.v1.AuthService/Login\","
                              "code=\"INVALID_ARGUMENT\"} 1\n"));
}

TEST_F(RpcServerTest, TakesNoCallsAfterShutdown) {
  std::unique_ptr<RpcServer> server = MustStart();
  ASSERT_NE(server, nullptr);
  const int port = server->port();
  server->Shutdown(absl::ZeroDuration());
  server->Shutdown(absl::ZeroDuration());  // a second time is harmless
  server->Wait();
  HealthResponse health;
  auto context = Context();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::health::v1::HealthCheckRequest request;
  EXPECT_THAT(
      grpc::health::v1::Health::NewStub(ChannelTo(port))->Check(context.get(), request, &health),
      StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace cim
