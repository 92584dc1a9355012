// AuthServiceImpl through a real gRPC channel (what identity_service_test leaves to the adapter):
// Login is the one RPC open to anonymous callers and records the new session on the audit trail
// as the signing-in user's own change, with the call's request id and client address; Logout
// and API keys are audited as their caller; every other RPC needs credentials; responses carry
// the principal, key and expiry the rules produced; bad key ids are INVALID_ARGUMENT with field
// details. Two-step sign-in end to end: a finance person without it gets a session that may only
// set it up (every other RPC FAILED_PRECONDITION, in the caller's language), sets it up through
// the RPCs, and from then on signs in with a code, the code's field error in Dutch for a Dutch
// caller.
#include "server/rpc/auth_service.h"

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/access_token.h"
#include "server/identity/one_time_code.h"
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

// Anonymous calls reset a forgotten password: the email and the errors are in the caller's
// language, the link works once, and the person's sessions know where they were signed in.
TEST_F(AuthServiceTest, AForgottenPasswordIsResetByLinkInTheCallersLanguage) {
  // A browser's whole User-Agent, longer than other metadata the server keeps.
  static constexpr char kAgent[] =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
      "Safari/537.36";
  const auto dutch = [] {
    auto context = TestServer::Context("");
    context->AddMetadata("accept-language", "nl-NL,nl;q=0.9");
    context->AddMetadata("x-forwarded-for", "198.51.100.23");
    context->AddMetadata("x-client-agent", kAgent);
    return context;
  };
  RequestPasswordResetRequest ask;
  ask.set_email("nobody@alpha.example");
  RequestPasswordResetResponse asked;
  ASSERT_TRUE(auth_->RequestPasswordReset(dutch().get(), ask, &asked).ok());
  ask.set_email("rep@alpha.example");
  ASSERT_TRUE(auth_->RequestPasswordReset(dutch().get(), ask, &asked).ok());
  ASSERT_EQ(server_.database().Count("SELECT COUNT(*) FROM email_outbox"), 1);
  EXPECT_EQ(AuditRecords("rpc = 'RequestPasswordReset' AND entity_type = 'password_resets'"
                         " AND client_address LIKE '198.51.100.23 via %'"),
            1);
  absl::StatusOr<std::string> text =
      server_.database().db().Run([](soci::session& s) -> absl::StatusOr<std::string> {
        std::string body;
        s << "SELECT text_body FROM email_outbox", soci::into(body);
        return body;
      });
  ASSERT_TRUE(text.ok());
  EXPECT_THAT(*text, HasSubstr("Kies een nieuw wachtwoord: "));
  const size_t at = text->find("cimr_");
  ASSERT_NE(at, std::string::npos) << *text;
  const std::string token = text->substr(at, text->find_first_of(" \n", at) - at);

  ResetPasswordRequest reset;
  reset.set_token("cimr_forged");
  reset.set_new_password("purple-giraffe-umbrella");
  ResetPasswordResponse done;
  const grpc::Status forged = auth_->ResetPassword(dutch().get(), reset, &done);
  EXPECT_EQ(forged.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(forged.error_details(), HasSubstr("deze link is verlopen of al gebruikt"));
  reset.set_new_password("short");
  EXPECT_THAT(ViolatedFields(auth_->ResetPassword(dutch().get(), reset, &done)),
              ElementsAre("new_password"));

  reset.set_token(token);
  reset.set_new_password("purple-giraffe-umbrella");
  ASSERT_TRUE(auth_->ResetPassword(dutch().get(), reset, &done).ok());
  EXPECT_EQ(auth_->ResetPassword(dutch().get(), reset, &done).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  LoginRequest login;
  login.set_email("rep@alpha.example");
  login.set_password("purple-giraffe-umbrella");
  LoginResponse signed_in;
  ASSERT_TRUE(auth_->Login(dutch().get(), login, &signed_in).ok());
  ListSessionsResponse sessions;
  ASSERT_TRUE(auth_
                  ->ListSessions(TestServer::Context(signed_in.token()).get(),
                                 ListSessionsRequest(), &sessions)
                  .ok());
  ASSERT_EQ(sessions.sessions_size(), 1);
  EXPECT_EQ(sessions.sessions(0).address(), "198.51.100.23");
  EXPECT_EQ(sessions.sessions(0).agent(), kAgent);
  EXPECT_TRUE(sessions.sessions(0).current());
  ListSignInsResponse sign_ins;
  ASSERT_TRUE(auth_
                  ->ListSignIns(TestServer::Context(signed_in.token()).get(), ListSignInsRequest(),
                                &sign_ins)
                  .ok());
  ASSERT_EQ(sign_ins.sign_ins_size(), 1);
  EXPECT_EQ(sign_ins.sign_ins(0).outcome(), SIGN_IN_OUTCOME_SIGNED_IN);
  // Signed out, nobody lists sessions.
  EXPECT_THAT(auth_->ListSessions(TestServer::Context("").get(), ListSessionsRequest(), &sessions),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(AuthServiceTest, ARoleThatRequiresTwoStepSetsItUpBeforeAnythingElse) {
  // A finance person created without two-step sign-in (as an invitation makes them).
  User finance;
  finance.set_email("fiona@vendor.example");
  finance.set_display_name("Fiona");
  finance.set_role(ROLE_FINANCE);
  finance.set_status(USER_STATUS_ACTIVE);
  ASSERT_TRUE(server_.app()
                  .users()
                  .Create(finance, *server_.app().password_hasher().Hash(testing::kTestPassword),
                          server_.clock().Now())
                  .ok());
  LoginRequest login;
  login.set_email("fiona@vendor.example");
  login.set_password(testing::kTestPassword);
  LoginResponse session;
  ASSERT_TRUE(auth_->Login(TestServer::Context("").get(), login, &session).ok());
  EXPECT_TRUE(session.principal().two_step_setup_required());
  const std::string token = session.token();

  v1::Principal me;
  ASSERT_TRUE(auth_->WhoAmI(TestServer::Context(token).get(), WhoAmIRequest(), &me).ok());
  EXPECT_TRUE(me.two_step_setup_required());
  TwoStep state;
  ASSERT_TRUE(
      auth_->GetTwoStep(TestServer::Context(token).get(), GetTwoStepRequest(), &state).ok());
  EXPECT_TRUE(state.required());
  EXPECT_FALSE(state.enabled());

  // Anything else waits, in the caller's language.
  auto claims = ClaimService::NewStub(server_.channel());
  ListClaimsResponse listed;
  auto dutch = TestServer::Context(token);
  dutch->AddMetadata("accept-language", "nl");
  grpc::Status refused = claims->ListClaims(dutch.get(), ListClaimsRequest(), &listed);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(), HasSubstr("two-step sign-in"));
  ListSessionsResponse sessions;
  EXPECT_THAT(
      auth_->ListSessions(TestServer::Context(token).get(), ListSessionsRequest(), &sessions),
      StatusIs(absl::StatusCode::kFailedPrecondition));

  BeginTwoStepResponse begun;
  ASSERT_TRUE(
      auth_->BeginTwoStep(TestServer::Context(token).get(), BeginTwoStepRequest(), &begun).ok());
  EXPECT_TRUE(absl::StartsWith(begun.otpauth_uri(), "otpauth://totp/")) << begun.otpauth_uri();
  ConfirmTwoStepRequest confirm;
  confirm.set_one_time_code(TotpCode(begun.secret(), server_.clock().Now()));
  ConfirmTwoStepResponse confirmed;
  ASSERT_TRUE(auth_->ConfirmTwoStep(TestServer::Context(token).get(), confirm, &confirmed).ok());
  EXPECT_EQ(confirmed.recovery_codes_size(), 10);
  EXPECT_EQ(AuditRecords(absl::StrCat("rpc = 'ConfirmTwoStep' AND entity_type = 'two_step'"
                                      " AND actor_user_id = ",
                                      me.user_id())),
            1);

  // The same session may now do what finance does.
  EXPECT_TRUE(
      claims->ListClaims(TestServer::Context(token).get(), ListClaimsRequest(), &listed).ok());

  // The next sign-in asks for the code: its field error in the caller's language.
  auto dutch_login = TestServer::Context("");
  dutch_login->AddMetadata("accept-language", "nl");
  grpc::Status asked = auth_->Login(dutch_login.get(), login, &session);
  EXPECT_EQ(asked.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(asked), ElementsAre("one_time_code"));
  EXPECT_THAT(asked.error_details(), HasSubstr("authenticator-app"));
  server_.clock().Advance(kTotpStep);
  login.set_one_time_code(TotpCode(begun.secret(), server_.clock().Now()));
  ASSERT_TRUE(auth_->Login(TestServer::Context("").get(), login, &session).ok());
  EXPECT_FALSE(session.principal().two_step_setup_required());
}

TEST_F(AuthServiceTest, TwoStepRpcsCheckTheirRequests) {
  const std::string token = server_.Login("rep@alpha.example");
  ConfirmTwoStepResponse confirmed;
  grpc::Status no_code =
      auth_->ConfirmTwoStep(TestServer::Context(token).get(), ConfirmTwoStepRequest(), &confirmed);
  EXPECT_EQ(no_code.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(no_code), ElementsAre("one_time_code"));
  TurnOffTwoStepResponse off;
  grpc::Status no_password =
      auth_->TurnOffTwoStep(TestServer::Context(token).get(), TurnOffTwoStepRequest(), &off);
  EXPECT_EQ(no_password.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(no_password), ElementsAre("current_password"));
  RenewRecoveryCodesResponse renewed;
  EXPECT_THAT(auth_->RenewRecoveryCodes(TestServer::Context("").get(), RenewRecoveryCodesRequest(),
                                        &renewed),
              StatusIs(absl::StatusCode::kUnauthenticated));
  // A program admin set up by the test server signs in with codes and may do their work.
  v1::Principal me;
  ASSERT_TRUE(auth_
                  ->WhoAmI(TestServer::Context(server_.Login("pa@vendor.example")).get(),
                           WhoAmIRequest(), &me)
                  .ok());
  EXPECT_FALSE(me.two_step_setup_required());
}

}  // namespace
}  // namespace cim
