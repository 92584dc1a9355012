// call_auth against real calls on a loopback server: the bearer secret is read from
// "authorization: Bearer <secret>" (scheme in any case, whitespace trimmed; anything else is no
// secret); the audit actor carries the principal, the RPC, the caller's x-request-id (at most 80
// characters; a fresh 16-hex-digit id when none came) and "<x-forwarded-for> via <peer>";
// WaitUnlessCancelled waits out its time unless the client goes away; Assign copies a value or
// passes an error on.
#include "server/rpc/call_auth.h"

#include <memory>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/rpc/probe_server.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::ProbeServer;
using ::cim::testing::StatusIs;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class CallAuthTest : public ::testing::Test {
 protected:
  // Calls WhoAmI with `metadata` (key, value pairs).
  void Call(std::initializer_list<std::pair<const char*, std::string>> metadata) {
    grpc::ClientContext context;
    for (const auto& [key, value] : metadata) context.AddMetadata(key, value);
    cim::v1::Principal out;
    const grpc::Status status = stub_->WhoAmI(&context, cim::v1::WhoAmIRequest(), &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
  }

  ProbeServer server_;
  std::unique_ptr<cim::v1::AuthService::Stub> stub_ =
      cim::v1::AuthService::NewStub(server_.channel());
};

TEST_F(CallAuthTest, TheBearerSecretComesFromTheAuthorizationHeader) {
  const struct {
    const char* name;
    std::optional<std::string> header;
    const char* secret;
  } kCases[] = {
      {"bearer", "Bearer cims_abc", "cims_abc"},
      {"scheme in lower case", "bearer cims_abc", "cims_abc"},
      {"scheme in upper case", "BEARER cims_abc", "cims_abc"},
      {"padded secret", "Bearer    cims_abc", "cims_abc"},
      {"another scheme", "Basic dXNlcjpwYXNz", ""},
      {"scheme without secret", "Bearer", ""},
      {"scheme glued to secret", "Bearercims_abc", ""},
      {"no header", std::nullopt, ""},
  };
  for (const auto& c : kCases) {
    if (c.header.has_value()) {
      Call({{"authorization", *c.header}});
    } else {
      Call({});
    }
    EXPECT_EQ(server_.auth.bearer(), c.secret) << c.name;
  }
}

TEST_F(CallAuthTest, TheAuditActorNamesCallerRequestAndAddress) {
  Principal rep;
  rep.user_id = 42;
  rep.role = cim::v1::ROLE_PARTNER_REP;
  rep.partner_id = 7;
  server_.auth.principal = rep;
  Call({{"x-request-id", "req-123"}});
  AuditActor actor = server_.auth.actor();
  EXPECT_EQ(actor.user_id, 42);
  EXPECT_EQ(actor.role, cim::v1::ROLE_PARTNER_REP);
  EXPECT_EQ(actor.partner_id, 7);
  EXPECT_EQ(actor.rpc, "WhoAmI");
  EXPECT_EQ(actor.request_id, "req-123");
  const std::string peer = actor.client_address;
  EXPECT_THAT(peer, StartsWith("ipv4:127.0.0.1:"));

  // Forwarded by a gateway: its client's address first; long request ids cut at 80.
  Call({{"x-forwarded-for", "198.51.100.4"}, {"x-request-id", std::string(100, 'r')}});
  actor = server_.auth.actor();
  EXPECT_EQ(actor.request_id, std::string(80, 'r'));
  EXPECT_THAT(actor.client_address, StartsWith("198.51.100.4 via ipv4:127.0.0.1:"));

  // Before sign-in there is no one; without an id the call gets a fresh one.
  server_.auth.principal.reset();
  Call({});
  actor = server_.auth.actor();
  EXPECT_EQ(actor.user_id, 0);
  EXPECT_EQ(actor.role, 0);
  EXPECT_EQ(actor.partner_id, 0);
  EXPECT_THAT(actor.request_id, MatchesRegex("[0-9a-f]{16}"));
  const std::string first_id = actor.request_id;
  Call({});
  EXPECT_NE(server_.auth.actor().request_id, first_id);
}

TEST_F(CallAuthTest, WaitUnlessCancelledWaitsOutItsTime) {
  server_.exports.poll = absl::Milliseconds(300);
  grpc::ClientContext context;
  auto exports = cim::v1::ExportService::NewStub(server_.channel());
  auto reader = exports->ExportClaims(&context, cim::v1::ExportClaimsRequest());
  cim::v1::FileChunk chunk;
  while (reader->Read(&chunk)) {
  }
  EXPECT_THAT(reader->Finish(), StatusIs(absl::StatusCode::kOk));
  ASSERT_TRUE(server_.exports.done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_TRUE(server_.exports.result);
  EXPECT_GE(server_.exports.waited, absl::Milliseconds(300));
}

TEST_F(CallAuthTest, WaitUnlessCancelledReturnsSoonAfterTheClientGoesAway) {
  server_.exports.poll = absl::Seconds(30);
  grpc::ClientContext context;
  auto exports = cim::v1::ExportService::NewStub(server_.channel());
  auto reader = exports->ExportClaims(&context, cim::v1::ExportClaimsRequest());
  cim::v1::FileChunk chunk;
  ASSERT_TRUE(reader->Read(&chunk));  // the handler is waiting now
  context.TryCancel();
  ASSERT_TRUE(server_.exports.done.WaitForNotificationWithTimeout(absl::Seconds(10)));
  EXPECT_FALSE(server_.exports.result);
  EXPECT_LT(server_.exports.waited, absl::Seconds(5));
  reader->Finish();
}

TEST(CallAuthAssignTest, CopiesTheValueOrPassesTheErrorOn) {
  cim::v1::Partner out;
  cim::v1::Partner value;
  value.set_name("Alpha");
  EXPECT_THAT(Assign(absl::StatusOr<cim::v1::Partner>(value), &out), IsOk());
  EXPECT_EQ(out.name(), "Alpha");

  out.set_name("unchanged");
  EXPECT_THAT(
      Assign(absl::StatusOr<cim::v1::Partner>(absl::NotFoundError("partner 9 not found")), &out),
      StatusIs(absl::StatusCode::kNotFound, "partner 9 not found"));
  EXPECT_EQ(out.name(), "unchanged");
}

}  // namespace
}  // namespace cim
