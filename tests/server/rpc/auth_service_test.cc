// AuthServiceImpl through a real gRPC channel (what identity_service_test leaves to the adapter):
// Login is the one RPC open to anonymous callers and records the new session on the audit trail
// as the signing-in user's own change, with the call's request id and client address; Logout
// and API keys are audited as their caller; every other RPC needs credentials; responses carry
// the principal, key and expiry the rules produced; bad key ids are INVALID_ARGUMENT with field
// details.
#include "server/rpc/auth_service.h"

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/access_token.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class AuthServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems");
    rep_ = server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    admin_ = server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    service_ = server_.CreateUser("erp@vendor.example", ROLE_SERVICE_ACCOUNT);
    auth_ = AuthService::NewStub(server_.channel());
  }

  // Audit records matching `where` (SQL over audit_log).
  long long AuditRecords(const std::string& where) {
    return server_.database().Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE ", where));
  }

  TestServer server_;
  Partner alpha_;
  User rep_, admin_, service_;
  std::unique_ptr<AuthService::Stub> auth_;
};

TEST_F(AuthServiceTest, LoginIsRecordedAsTheSigningInUsersOwnChange) {
  LoginRequest request;
  request.set_email("rep@alpha.example");
  request.set_password(testing::kTestPassword);
  LoginResponse response;
  auto context = TestServer::Context("");
  context->AddMetadata("x-request-id", "login-42");
  context->AddMetadata("x-forwarded-for", "203.0.113.7");
  ASSERT_TRUE(auth_->Login(context.get(), request, &response).ok());
  EXPECT_TRUE(absl::StartsWith(response.token(), "cims_"));
  EXPECT_EQ(response.expire_time().seconds(),
            absl::ToUnixSeconds(server_.clock().Now() + absl::Hours(12)));
  EXPECT_EQ(response.principal().user_id(), rep_.id());
  EXPECT_EQ(response.principal().partner_name(), "Alpha Systems");

  EXPECT_EQ(AuditRecords(absl::StrCat(
                "entity_type = 'access_tokens' AND rpc = 'Login' AND actor_user_id = ", rep_.id(),
                " AND actor_role = ", ROLE_PARTNER_REP, " AND actor_partner_id = ", alpha_.id(),
                " AND request_id = 'login-42' AND client_address LIKE '203.0.113.7 via %'")),
            1);
  // The token's hash is no part of the record.
  EXPECT_EQ(AuditRecords(absl::StrCat("after_json LIKE '%", HashSecret(response.token()), "%'")),
            0);

  // A refused login records nothing.
  request.set_password("wrong-password");
  EXPECT_THAT(auth_->Login(TestServer::Context("").get(), request, &response),
              StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(AuditRecords("rpc = 'Login'"), 1);
}

TEST_F(AuthServiceTest, EveryRpcButLoginNeedsCredentials) {
  for (const std::string& credential :
       {std::string(""), std::string("cims_forged"), std::string("cimk_forged")}) {
    LogoutResponse logout;
    v1::Principal me;
    IssueApiKeyResponse issued;
    RevokeApiKeyResponse revoked;
    EXPECT_THAT(auth_->Logout(TestServer::Context(credential).get(), LogoutRequest(), &logout),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << credential;
    EXPECT_THAT(auth_->WhoAmI(TestServer::Context(credential).get(), WhoAmIRequest(), &me),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << credential;
    IssueApiKeyRequest issue;
    issue.set_user_id(service_.id());
    issue.set_description("ERP");
    EXPECT_THAT(auth_->IssueApiKey(TestServer::Context(credential).get(), issue, &issued),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << credential;
    RevokeApiKeyRequest revoke;
    revoke.set_key_id(1);
    EXPECT_THAT(auth_->RevokeApiKey(TestServer::Context(credential).get(), revoke, &revoked),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << credential;
    EXPECT_EQ(me.user_id(), 0);
    EXPECT_EQ(issued.api_key(), "");
  }
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM access_tokens"), 0);
}

TEST_F(AuthServiceTest, WhoAmIAnswersWithTheCallersPrincipal) {
  v1::Principal me;
  ASSERT_TRUE(auth_
                  ->WhoAmI(TestServer::Context(server_.Login("pa@vendor.example")).get(),
                           WhoAmIRequest(), &me)
                  .ok());
  EXPECT_EQ(me.user_id(), admin_.id());
  EXPECT_EQ(me.email(), "pa@vendor.example");
  EXPECT_EQ(me.display_name(), "Test pa");
  EXPECT_EQ(me.role(), ROLE_PROGRAM_ADMIN);
  EXPECT_EQ(me.partner_id(), 0);
  EXPECT_EQ(me.partner_name(), "");

  ASSERT_TRUE(auth_
                  ->WhoAmI(TestServer::Context(server_.Login("rep@alpha.example")).get(),
                           WhoAmIRequest(), &me)
                  .ok());
  EXPECT_EQ(me.role(), ROLE_PARTNER_REP);
  EXPECT_EQ(me.partner_id(), alpha_.id());
  EXPECT_EQ(me.partner_name(), "Alpha Systems");
  // Reading who one is changes nothing on the trail.
  EXPECT_EQ(AuditRecords("rpc = 'WhoAmI'"), 0);
}

TEST_F(AuthServiceTest, ApiKeysAndLogoutAreAuditedAsTheirCaller) {
  const std::string admin = server_.Login("pa@vendor.example");
  IssueApiKeyRequest issue;
  issue.set_user_id(service_.id());
  issue.set_description("Nightly ERP sync");
  issue.set_ttl_days(30);
  IssueApiKeyResponse issued;
  auto context = TestServer::Context(admin);
  context->AddMetadata("x-request-id", "issue-7");
  ASSERT_TRUE(auth_->IssueApiKey(context.get(), issue, &issued).ok());
  EXPECT_GT(issued.key_id(), 0);
  EXPECT_TRUE(absl::StartsWith(issued.api_key(), "cimk_"));
  EXPECT_EQ(issued.expire_time().seconds(),
            absl::ToUnixSeconds(server_.clock().Now() + absl::Hours(24 * 30)));
  EXPECT_EQ(AuditRecords(absl::StrCat("rpc = 'IssueApiKey' AND entity_type = 'access_tokens'"
                                      " AND entity_id = '",
                                      issued.key_id(), "' AND actor_user_id = ", admin_.id(),
                                      " AND request_id = 'issue-7'")),
            1);

  v1::Principal me;
  ASSERT_TRUE(
      auth_->WhoAmI(TestServer::Context(issued.api_key()).get(), WhoAmIRequest(), &me).ok());
  EXPECT_EQ(me.role(), ROLE_SERVICE_ACCOUNT);

  RevokeApiKeyRequest revoke;
  RevokeApiKeyResponse revoked;
  grpc::Status missing_id = auth_->RevokeApiKey(TestServer::Context(admin).get(), revoke, &revoked);
  EXPECT_THAT(missing_id, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(missing_id), ElementsAre("key_id"));
  revoke.set_key_id(issued.key_id() + 100);
  EXPECT_THAT(auth_->RevokeApiKey(TestServer::Context(admin).get(), revoke, &revoked),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("API key")));
  revoke.set_key_id(issued.key_id());
  ASSERT_TRUE(auth_->RevokeApiKey(TestServer::Context(admin).get(), revoke, &revoked).ok());
  EXPECT_EQ(AuditRecords(absl::StrCat("rpc = 'RevokeApiKey' AND entity_id = '", issued.key_id(),
                                      "' AND before_json LIKE '%\"revoked_at\":null%'"
                                      " AND actor_user_id = ",
                                      admin_.id())),
            1);
  EXPECT_THAT(auth_->WhoAmI(TestServer::Context(issued.api_key()).get(), WhoAmIRequest(), &me),
              StatusIs(absl::StatusCode::kUnauthenticated));

  // Logging out revokes the caller's own session, recorded as theirs.
  const std::string rep = server_.Login("rep@alpha.example");
  LogoutResponse out;
  ASSERT_TRUE(auth_->Logout(TestServer::Context(rep).get(), LogoutRequest(), &out).ok());
  EXPECT_EQ(AuditRecords(absl::StrCat("rpc = 'Logout' AND entity_type = 'access_tokens'"
                                      " AND actor_user_id = ",
                                      rep_.id())),
            1);
  EXPECT_THAT(auth_->Logout(TestServer::Context(rep).get(), LogoutRequest(), &out),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

}  // namespace
}  // namespace cim
