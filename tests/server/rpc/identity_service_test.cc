// AuthService and PartnerService through a real gRPC channel against a real server and MariaDB.
#include <grpcpp/generic/generic_stub.h>

#include <atomic>
#include <functional>
#include <thread>

#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/partner_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class IdentityRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    partner_a_ = server_.CreatePartner("Alpha Distribution", PARTNER_TYPE_DISTRIBUTOR);
    partner_a1_ =
        server_.CreatePartner("Alpha Reseller One", PARTNER_TYPE_RESELLER, partner_a_.id());
    partner_b_ = server_.CreatePartner("Bravo Systems", PARTNER_TYPE_RESELLER);
    rep_a_ = server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, partner_a_.id());
    admin_a_ = server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, partner_a_.id());
    rep_b_ = server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, partner_b_.id());
    admin_b_ = server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, partner_b_.id());
    manager_ = server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    program_admin_ = server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    finance_ = server_.CreateUser("fin@vendor.example", ROLE_FINANCE);
    service_ = server_.CreateUser("erp@service.example", ROLE_SERVICE_ACCOUNT);
    auth_ = AuthService::NewStub(server_.channel());
    partners_ = PartnerService::NewStub(server_.channel());
  }

  grpc::Status Login(const std::string& email, const std::string& password,
                     LoginResponse* response) {
    LoginRequest request;
    request.set_email(email);
    request.set_password(password);
    return auth_->Login(TestServer::Context("").get(), request, response);
  }

  grpc::Status WhoAmI(const std::string& token, v1::Principal* out) {
    return auth_->WhoAmI(TestServer::Context(token).get(), WhoAmIRequest(), out);
  }

  std::string ApiKeyForService() {
    IssueApiKeyRequest request;
    request.set_user_id(service_.id());
    request.set_description("ERP import");
    IssueApiKeyResponse response;
    grpc::Status status = auth_->IssueApiKey(
        TestServer::Context(server_.Login("pa@vendor.example")).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.api_key();
  }

  TestServer server_;
  Partner partner_a_, partner_a1_, partner_b_;
  User rep_a_, admin_a_, rep_b_, admin_b_, manager_, program_admin_, finance_, service_;
  std::unique_ptr<AuthService::Stub> auth_;
  std::unique_ptr<PartnerService::Stub> partners_;
};

TEST_F(IdentityRpcTest, LoginReturnsTokenExpiryAndPrincipal) {
  LoginResponse response;
  ASSERT_TRUE(Login("REP@alpha.example ", testing::kTestPassword, &response).ok());
  EXPECT_THAT(response.token(), HasSubstr("cims_"));
  EXPECT_EQ(response.expire_time().seconds(),
            absl::ToUnixSeconds(server_.clock().Now() + absl::Hours(12)));
  EXPECT_EQ(response.principal().user_id(), rep_a_.id());
  EXPECT_EQ(response.principal().role(), ROLE_PARTNER_REP);
  EXPECT_EQ(response.principal().partner_id(), partner_a_.id());
  EXPECT_EQ(response.principal().partner_name(), "Alpha Distribution");

  v1::Principal me;
  ASSERT_TRUE(WhoAmI(response.token(), &me).ok());
  EXPECT_EQ(me.email(), "rep@alpha.example");
  EXPECT_EQ(me.display_name(), "Test rep");
}

TEST_F(IdentityRpcTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  LoginResponse response;
  grpc::Status wrong = Login("rep@alpha.example", "not-the-password", &response);
  grpc::Status unknown = Login("nobody@alpha.example", "not-the-password", &response);
  EXPECT_THAT(wrong, StatusIs(absl::StatusCode::kUnauthenticated, "invalid email or password"));
  EXPECT_THAT(unknown, StatusIs(absl::StatusCode::kUnauthenticated, "invalid email or password"));
  EXPECT_TRUE(response.token().empty());
}

TEST_F(IdentityRpcTest, ServiceAccountsCannotLogInWithPasswords) {
  LoginResponse response;
  EXPECT_THAT(Login("erp@service.example", "", &response),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("password: required")));
  EXPECT_THAT(Login("erp@service.example", testing::kTestPassword, &response),
              StatusIs(absl::StatusCode::kUnauthenticated, "invalid email or password"));
}

TEST_F(IdentityRpcTest, LocksOutAfterFiveFailuresThenRecovers) {
  LoginResponse response;
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(Login("rep@alpha.example", "wrong-password", &response),
                StatusIs(absl::StatusCode::kUnauthenticated, "invalid email or password"));
  }
  // Even the right password is refused while locked.
  EXPECT_THAT(Login("rep@alpha.example", testing::kTestPassword, &response),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("too many failed logins for this account; try again in 15")));
  // Other accounts are unaffected.
  EXPECT_TRUE(Login("rep@bravo.example", testing::kTestPassword, &response).ok());

  server_.clock().Advance(absl::Minutes(15));
  EXPECT_TRUE(Login("rep@alpha.example", testing::kTestPassword, &response).ok());
}

TEST_F(IdentityRpcTest, UnknownEmailsLockOutTooSoLockoutRevealsNothing) {
  LoginResponse response;
  for (int i = 0; i < 5; ++i) Login("ghost@nowhere.example", "whatever-pass", &response);
  EXPECT_THAT(Login("ghost@nowhere.example", "whatever-pass", &response),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("too many failed logins")));
}

TEST_F(IdentityRpcTest, MalformedLoginIsInvalidArgumentWithFieldDetails) {
  LoginResponse response;
  grpc::Status status = Login("", "", &response);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("email: required")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("email", "password"));
}

TEST_F(IdentityRpcTest, ExpiredTokenIsRejected) {
  const std::string token = server_.Login("rep@alpha.example");
  v1::Principal me;
  server_.clock().Advance(absl::Hours(12) - absl::Seconds(1));
  EXPECT_TRUE(WhoAmI(token, &me).ok());
  server_.clock().Advance(absl::Seconds(1));
  EXPECT_THAT(WhoAmI(token, &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid or expired")));
}

// A logout, a revoked API key and a disabled user, each done through one server, are refused by
// another server (replica) once its cached credential is older than the cache's time to live:
// 1 s by default (--credential_cache_ttl), the bound ARCHITECTURE.md states.
TEST_F(IdentityRpcTest, ChangesMadeThroughAnotherReplicaCountWithinTheCredentialCacheTime) {
  const std::unique_ptr<ServerApp> replica = server_.StartReplica();
  ASSERT_NE(replica, nullptr);
  auto other = AuthService::NewStub(TestServer::ChannelTo(*replica));
  const auto who_on_replica = [&](const std::string& token) {
    v1::Principal me;
    return other->WhoAmI(TestServer::Context(token).get(), WhoAmIRequest(), &me);
  };
  const std::string pa = server_.Login("pa@vendor.example");
  IssueApiKeyRequest issue;
  issue.set_user_id(service_.id());
  issue.set_description("ERP import");
  IssueApiKeyResponse issued;
  ASSERT_TRUE(auth_->IssueApiKey(TestServer::Context(pa).get(), issue, &issued).ok());
  const std::string session = server_.Login("rep@alpha.example");
  const std::string key = issued.api_key();
  const std::string admin = server_.Login("admin@alpha.example");
  ASSERT_TRUE(who_on_replica(session).ok());
  ASSERT_TRUE(who_on_replica(key).ok());
  ASSERT_TRUE(who_on_replica(admin).ok());

  LogoutResponse out;
  ASSERT_TRUE(auth_->Logout(TestServer::Context(session).get(), LogoutRequest(), &out).ok());
  RevokeApiKeyRequest revoke;
  revoke.set_key_id(issued.key_id());
  RevokeApiKeyResponse revoked;
  ASSERT_TRUE(auth_->RevokeApiKey(TestServer::Context(pa).get(), revoke, &revoked).ok());
  UpdateUserRequest disable;
  disable.mutable_user()->set_id(admin_a_.id());
  disable.mutable_user()->set_status(USER_STATUS_DISABLED);
  disable.mutable_update_mask()->add_paths("status");
  User updated;
  ASSERT_TRUE(partners_
                  ->UpdateUser(TestServer::Context(server_.Login("cm@vendor.example")).get(),
                               disable, &updated)
                  .ok());

  // The replica's cache still holds them for up to the time to live ...
  server_.clock().Advance(absl::Milliseconds(999));
  EXPECT_TRUE(who_on_replica(session).ok()) << "within the cache time";
  // ... and refuses all three once it has passed.
  server_.clock().Advance(absl::Milliseconds(1));
  EXPECT_THAT(who_on_replica(session), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(who_on_replica(key), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(who_on_replica(admin), StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(IdentityRpcTest, LogoutRevokesTheToken) {
  const std::string token = server_.Login("rep@alpha.example");
  const std::string other_session = server_.Login("rep@alpha.example");
  LogoutResponse out;
  ASSERT_TRUE(auth_->Logout(TestServer::Context(token).get(), LogoutRequest(), &out).ok());
  v1::Principal me;
  EXPECT_THAT(WhoAmI(token, &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));
  EXPECT_TRUE(WhoAmI(other_session, &me).ok());  // only that session ended
}

TEST_F(IdentityRpcTest, AnonymousAndForgedCallersReachNothingButLogin) {
  v1::Principal me;
  EXPECT_THAT(WhoAmI("", &me),
              StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));
  EXPECT_THAT(WhoAmI("cims_forged-token-value", &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));
  ListPartnersResponse list;
  EXPECT_THAT(partners_->ListPartners(TestServer::Context("").get(), ListPartnersRequest(), &list),
              StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));
  EXPECT_EQ(list.partners_size(), 0);
}

TEST_F(IdentityRpcTest, DisabledUserAndSuspendedPartnerLoseAccess) {
  const std::string rep_token = server_.Login("rep@bravo.example");
  const std::string admin_token = server_.Login("admin@bravo.example");
  const std::string cm = server_.Login("cm@vendor.example");

  UpdateUserRequest disable;
  disable.mutable_user()->set_id(rep_b_.id());
  disable.mutable_user()->set_status(USER_STATUS_DISABLED);
  disable.mutable_update_mask()->add_paths("status");
  User updated;
  ASSERT_TRUE(partners_->UpdateUser(TestServer::Context(cm).get(), disable, &updated).ok());
  EXPECT_EQ(updated.status(), USER_STATUS_DISABLED);
  v1::Principal me;
  EXPECT_THAT(WhoAmI(rep_token, &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));

  UpdatePartnerRequest suspend;
  suspend.mutable_partner()->set_id(partner_b_.id());
  suspend.mutable_partner()->set_status(PARTNER_STATUS_SUSPENDED);
  suspend.mutable_update_mask()->add_paths("status");
  Partner partner;
  ASSERT_TRUE(partners_->UpdatePartner(TestServer::Context(cm).get(), suspend, &partner).ok());
  EXPECT_THAT(WhoAmI(admin_token, &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));
  LoginResponse response;
  EXPECT_THAT(Login("admin@bravo.example", testing::kTestPassword, &response),
              StatusIs(absl::StatusCode::kUnauthenticated, "invalid email or password"));
}

TEST_F(IdentityRpcTest, ApiKeysAuthenticateServiceAccountsAndCanBeRevoked) {
  const std::string key = ApiKeyForService();
  EXPECT_THAT(key, HasSubstr("cimk_"));
  v1::Principal me;
  ASSERT_TRUE(WhoAmI(key, &me).ok());
  EXPECT_EQ(me.role(), ROLE_SERVICE_ACCOUNT);
  EXPECT_EQ(me.user_id(), service_.id());

  // Service accounts read partners (ERP sync) but cannot change them.
  ListPartnersResponse list;
  ASSERT_TRUE(
      partners_->ListPartners(TestServer::Context(key).get(), ListPartnersRequest(), &list).ok());
  EXPECT_EQ(list.partners_size(), 3);

  IssueApiKeyRequest issue;
  issue.set_user_id(service_.id());
  issue.set_description("x");
  IssueApiKeyResponse issued;
  EXPECT_THAT(auth_->IssueApiKey(TestServer::Context(server_.Login("cm@vendor.example")).get(),
                                 issue, &issued),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("ROLE_CHANNEL_MANAGER")));
  issue.set_user_id(rep_a_.id());
  const std::string pa = server_.Login("pa@vendor.example");
  EXPECT_THAT(auth_->IssueApiKey(TestServer::Context(pa).get(), issue, &issued),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not a service account")));
  issue.set_user_id(0);
  issue.set_description("");
  issue.set_ttl_days(1000);
  grpc::Status bad = auth_->IssueApiKey(TestServer::Context(pa).get(), issue, &issued);
  EXPECT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ttl_days")));
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("user_id", "description", "ttl_days"));

  // Revoke via the key id of a fresh key.
  IssueApiKeyRequest again;
  again.set_user_id(service_.id());
  again.set_description("to revoke");
  ASSERT_TRUE(auth_->IssueApiKey(TestServer::Context(pa).get(), again, &issued).ok());
  ASSERT_TRUE(WhoAmI(issued.api_key(), &me).ok());
  RevokeApiKeyRequest revoke;
  revoke.set_key_id(issued.key_id());
  RevokeApiKeyResponse revoked;
  ASSERT_TRUE(auth_->RevokeApiKey(TestServer::Context(pa).get(), revoke, &revoked).ok());
  EXPECT_THAT(WhoAmI(issued.api_key(), &me),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("invalid")));
  EXPECT_TRUE(WhoAmI(key, &me).ok());
}

// Every role against every identity RPC: the code each must get.
TEST_F(IdentityRpcTest, EveryRoleAgainstEveryIdentityRpc) {
  using Code = absl::StatusCode;
  const std::string key = ApiKeyForService();
  struct Caller {
    const char* name;
    std::string token;
  };
  const std::vector<Caller> callers = {
      {"rep", server_.Login("rep@alpha.example")},
      {"partner_admin", server_.Login("admin@alpha.example")},
      {"channel_manager", server_.Login("cm@vendor.example")},
      {"program_admin", server_.Login("pa@vendor.example")},
      {"finance", server_.Login("fin@vendor.example")},
      {"service", key},
  };
  int created = 0;
  using Call = std::function<grpc::Status(const std::string& token)>;
  struct Rpc {
    const char* name;
    Call call;
    // Expected code per caller, in the order of `callers`.
    std::vector<Code> want;
  };
  const Code kOk = Code::kOk, kDenied = Code::kPermissionDenied, kNotFound = Code::kNotFound;
  const std::vector<Rpc> rpcs = {
      {"CreatePartner",
       [&](const std::string& t) {
         CreatePartnerRequest r;
         r.mutable_partner()->set_name(absl::StrCat("New Partner ", ++created));
         r.mutable_partner()->set_type(PARTNER_TYPE_MSP);
         r.mutable_partner()->set_tier("registered");
         r.mutable_partner()->set_region("NA-US");
         Partner out;
         return partners_->CreatePartner(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kOk, kOk, kDenied, kDenied}},
      {"GetPartner(own partner A)",
       [&](const std::string& t) {
         GetPartnerRequest r;
         r.set_partner_id(partner_a_.id());
         Partner out;
         return partners_->GetPartner(TestServer::Context(t).get(), r, &out);
       },
       {kOk, kOk, kOk, kOk, kOk, kOk}},
      {"GetPartner(other partner B)",
       [&](const std::string& t) {
         GetPartnerRequest r;
         r.set_partner_id(partner_b_.id());
         Partner out;
         return partners_->GetPartner(TestServer::Context(t).get(), r, &out);
       },
       {kNotFound, kNotFound, kOk, kOk, kOk, kOk}},
      {"ListPartners",
       [&](const std::string& t) {
         ListPartnersResponse out;
         return partners_->ListPartners(TestServer::Context(t).get(), ListPartnersRequest(), &out);
       },
       {kOk, kOk, kOk, kOk, kOk, kOk}},
      {"UpdatePartner",
       [&](const std::string& t) {
         UpdatePartnerRequest r;
         r.mutable_partner()->set_id(partner_a1_.id());
         r.mutable_partner()->set_tier("gold");
         r.mutable_update_mask()->add_paths("tier");
         Partner out;
         return partners_->UpdatePartner(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kOk, kOk, kDenied, kDenied}},
      {"CreateUser(rep of partner A)",
       [&](const std::string& t) {
         CreateUserRequest r;
         r.mutable_user()->set_email(absl::StrCat("new", ++created, "@alpha.example"));
         r.mutable_user()->set_display_name("New Rep");
         r.mutable_user()->set_role(ROLE_PARTNER_REP);
         r.mutable_user()->set_partner_id(partner_a_.id());
         r.set_initial_password("a-long-enough-password");
         User out;
         return partners_->CreateUser(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kOk, kOk, kOk, kDenied, kDenied}},
      {"CreateUser(service account)",
       [&](const std::string& t) {
         CreateUserRequest r;
         r.mutable_user()->set_email(absl::StrCat("svc", ++created, "@service.example"));
         r.mutable_user()->set_display_name("LMS");
         r.mutable_user()->set_role(ROLE_SERVICE_ACCOUNT);
         User out;
         return partners_->CreateUser(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kDenied, kOk, kDenied, kDenied}},
      {"GetUser(rep of partner A)",
       [&](const std::string& t) {
         GetUserRequest r;
         r.set_user_id(rep_a_.id());
         User out;
         return partners_->GetUser(TestServer::Context(t).get(), r, &out);
       },
       {kOk, kOk, kOk, kOk, kOk, kOk}},
      {"GetUser(admin of partner A)",
       [&](const std::string& t) {
         GetUserRequest r;
         r.set_user_id(admin_a_.id());
         User out;
         return partners_->GetUser(TestServer::Context(t).get(), r, &out);
       },
       {kNotFound, kOk, kOk, kOk, kOk, kOk}},
      {"GetUser(rep of partner B)",
       [&](const std::string& t) {
         GetUserRequest r;
         r.set_user_id(rep_b_.id());
         User out;
         return partners_->GetUser(TestServer::Context(t).get(), r, &out);
       },
       {kNotFound, kNotFound, kOk, kOk, kOk, kOk}},
      {"ListUsers(partner A)",
       [&](const std::string& t) {
         ListUsersRequest r;
         r.set_partner_id(partner_a_.id());
         ListUsersResponse out;
         return partners_->ListUsers(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kOk, kOk, kOk, kOk, kOk}},
      {"ListUsers(partner B)",
       [&](const std::string& t) {
         ListUsersRequest r;
         r.set_partner_id(partner_b_.id());
         ListUsersResponse out;
         return partners_->ListUsers(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kOk, kOk, kOk, kOk}},
      {"UpdateUser(rep of partner A: display_name)",
       [&](const std::string& t) {
         UpdateUserRequest r;
         r.mutable_user()->set_id(rep_a_.id());
         r.mutable_user()->set_display_name("Renamed Rep");
         r.mutable_update_mask()->add_paths("display_name");
         User out;
         return partners_->UpdateUser(TestServer::Context(t).get(), r, &out);
       },
       {kOk, kOk, kOk, kOk, kDenied, kDenied}},
      {"UpdateUser(rep of partner B: role)",
       [&](const std::string& t) {
         UpdateUserRequest r;
         r.mutable_user()->set_id(rep_b_.id());
         r.mutable_user()->set_role(ROLE_PARTNER_ADMIN);
         r.mutable_update_mask()->add_paths("role");
         User out;
         return partners_->UpdateUser(TestServer::Context(t).get(), r, &out);
       },
       {kNotFound, kNotFound, kOk, kOk, kDenied, kDenied}},
      {"IssueApiKey",
       [&](const std::string& t) {
         IssueApiKeyRequest r;
         r.set_user_id(service_.id());
         r.set_description("matrix");
         IssueApiKeyResponse out;
         return auth_->IssueApiKey(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kDenied, kOk, kDenied, kDenied}},
      {"RevokeApiKey(unknown key)",
       [&](const std::string& t) {
         RevokeApiKeyRequest r;
         r.set_key_id(987654);
         RevokeApiKeyResponse out;
         return auth_->RevokeApiKey(TestServer::Context(t).get(), r, &out);
       },
       {kDenied, kDenied, kDenied, kNotFound, kDenied, kDenied}},
      {"WhoAmI",
       [&](const std::string& t) {
         v1::Principal out;
         return auth_->WhoAmI(TestServer::Context(t).get(), WhoAmIRequest(), &out);
       },
       {kOk, kOk, kOk, kOk, kOk, kOk}},
  };
  for (const Rpc& rpc : rpcs) {
    ASSERT_EQ(rpc.want.size(), callers.size()) << rpc.name;
    for (size_t i = 0; i < callers.size(); ++i) {
      grpc::Status status = rpc.call(callers[i].token);
      EXPECT_EQ(static_cast<int>(status.error_code()), static_cast<int>(rpc.want[i]))
          << rpc.name << " as " << callers[i].name << ": " << status.error_message();
    }
  }
}

TEST_F(IdentityRpcTest, PartnerAdminCannotSeeAnotherPartnersUsers) {
  const std::string admin_a = server_.Login("admin@alpha.example");
  ListUsersRequest request;
  request.set_partner_id(partner_b_.id());
  ListUsersResponse response;
  EXPECT_THAT(partners_->ListUsers(TestServer::Context(admin_a).get(), request, &response),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("own partner")));
  EXPECT_EQ(response.users_size(), 0);

  // Without a partner filter a partner admin gets their own partner's users only.
  request.clear_partner_id();
  ASSERT_TRUE(partners_->ListUsers(TestServer::Context(admin_a).get(), request, &response).ok());
  std::vector<std::string> emails;
  for (const User& u : response.users()) emails.push_back(u.email());
  EXPECT_THAT(emails, UnorderedElementsAre("rep@alpha.example", "admin@alpha.example"));

  // Partner roles listing partners see only their own.
  ListPartnersResponse partners;
  ASSERT_TRUE(
      partners_->ListPartners(TestServer::Context(admin_a).get(), ListPartnersRequest(), &partners)
          .ok());
  ASSERT_EQ(partners.partners_size(), 1);
  EXPECT_EQ(partners.partners(0).id(), partner_a_.id());

  // Creating a user in partner B is refused and writes nothing.
  CreateUserRequest create;
  create.mutable_user()->set_email("intruder@bravo.example");
  create.mutable_user()->set_display_name("Intruder");
  create.mutable_user()->set_role(ROLE_PARTNER_ADMIN);
  create.mutable_user()->set_partner_id(partner_b_.id());
  create.set_initial_password("a-long-enough-password");
  User user;
  EXPECT_THAT(partners_->CreateUser(TestServer::Context(admin_a).get(), create, &user),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("own partner")));
  EXPECT_TRUE(
      absl::IsNotFound(server_.app().users().GetByEmail("intruder@bravo.example").status()));
}

TEST_F(IdentityRpcTest, MalformedCreatePartnerWritesNothing) {
  const std::string cm = server_.Login("cm@vendor.example");
  CreatePartnerRequest request;
  request.mutable_partner()->set_name("   ");
  request.mutable_partner()->set_tier("Gold Star");
  request.mutable_partner()->set_region("");
  request.mutable_partner()->set_parent_partner_id(999999);
  Partner out;
  grpc::Status status = partners_->CreatePartner(TestServer::Context(cm).get(), request, &out);
  EXPECT_THAT(status,
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner.name: required")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("partner.name", "partner.type", "partner.tier",
                                                  "partner.region", "partner.parent_partner_id"));
  ListPartnersResponse list;
  ASSERT_TRUE(
      partners_->ListPartners(TestServer::Context(cm).get(), ListPartnersRequest(), &list).ok());
  EXPECT_EQ(list.partners_size(), 3);
}

TEST_F(IdentityRpcTest, MalformedCreateUserWritesNothing) {
  const std::string cm = server_.Login("cm@vendor.example");
  CreateUserRequest request;
  request.mutable_user()->set_email("not-an-email");
  request.mutable_user()->set_role(ROLE_PARTNER_REP);
  request.set_initial_password("short");
  User out;
  grpc::Status status = partners_->CreateUser(TestServer::Context(cm).get(), request, &out);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user.email")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("user.email", "user.display_name",
                                                  "user.partner_id", "initial_password"));
  EXPECT_TRUE(absl::IsNotFound(server_.app().users().GetByEmail("not-an-email").status()));

  request.mutable_user()->set_email("rep@alpha.example");  // taken
  request.mutable_user()->set_display_name("Dup");
  request.mutable_user()->set_partner_id(partner_a_.id());
  request.set_initial_password("a-long-enough-password");
  EXPECT_THAT(partners_->CreateUser(TestServer::Context(cm).get(), request, &out),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("rep@alpha.example")));
}

TEST_F(IdentityRpcTest, UpdatePartnerRefusesCyclesAndUnknownPaths) {
  const std::string cm = server_.Login("cm@vendor.example");
  UpdatePartnerRequest request;
  request.mutable_partner()->set_id(partner_a_.id());
  request.mutable_partner()->set_parent_partner_id(partner_a1_.id());  // A1 is below A
  request.mutable_update_mask()->add_paths("parent_partner_id");
  Partner out;
  EXPECT_THAT(partners_->UpdatePartner(TestServer::Context(cm).get(), request, &out),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("own ancestor")));
  request.mutable_update_mask()->add_paths("create_time");
  grpc::Status status = partners_->UpdatePartner(TestServer::Context(cm).get(), request, &out);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("'create_time' cannot be updated")));
  request.mutable_partner()->set_id(424242);
  request.mutable_update_mask()->Clear();
  request.mutable_update_mask()->add_paths("tier");
  request.mutable_partner()->set_tier("gold");
  EXPECT_THAT(partners_->UpdatePartner(TestServer::Context(cm).get(), request, &out),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("424242")));
}

TEST_F(IdentityRpcTest, ListPartnersPaginatesAndFilters) {
  const std::string cm = server_.Login("cm@vendor.example");
  for (int i = 0; i < 5; ++i) server_.CreatePartner(absl::StrCat("Paged ", i), PARTNER_TYPE_DEALER);
  ListPartnersRequest request;
  request.set_page_size(3);
  std::vector<std::string> names;
  for (int page = 0; page < 10; ++page) {
    ListPartnersResponse response;
    ASSERT_TRUE(partners_->ListPartners(TestServer::Context(cm).get(), request, &response).ok());
    for (const Partner& p : response.partners()) names.push_back(p.name());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  EXPECT_EQ(names.size(), 8u);

  ListPartnersRequest filtered;
  filtered.set_type(PARTNER_TYPE_DEALER);
  filtered.set_name_contains("ged 3");
  ListPartnersResponse response;
  ASSERT_TRUE(partners_->ListPartners(TestServer::Context(cm).get(), filtered, &response).ok());
  ASSERT_EQ(response.partners_size(), 1);
  EXPECT_EQ(response.partners(0).name(), "Paged 3");

  ListPartnersRequest children;
  children.set_parent_partner_id(partner_a_.id());
  ASSERT_TRUE(partners_->ListPartners(TestServer::Context(cm).get(), children, &response).ok());
  ASSERT_EQ(response.partners_size(), 1);
  EXPECT_EQ(response.partners(0).id(), partner_a1_.id());

  ListPartnersRequest bad;
  bad.set_page_token("garbage!");
  bad.set_page_size(10000);
  grpc::Status status = partners_->ListPartners(TestServer::Context(cm).get(), bad, &response);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
  bad.set_page_size(10);
  status = partners_->ListPartners(TestServer::Context(cm).get(), bad, &response);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_token"));
}

TEST_F(IdentityRpcTest, UsersCannotChangeTheirOwnRole) {
  const std::string admin_a = server_.Login("admin@alpha.example");
  UpdateUserRequest request;
  request.mutable_user()->set_id(admin_a_.id());
  request.mutable_user()->set_role(ROLE_CHANNEL_MANAGER);
  request.mutable_update_mask()->add_paths("role");
  User out;
  EXPECT_THAT(partners_->UpdateUser(TestServer::Context(admin_a).get(), request, &out),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("their own role")));
  // A partner admin cannot promote their rep to a vendor role either.
  request.mutable_user()->set_id(rep_a_.id());
  EXPECT_THAT(partners_->UpdateUser(TestServer::Context(admin_a).get(), request, &out),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("only program admins")));
}

TEST_F(IdentityRpcTest, OnlyProgramAdminsGrantVendorRoles) {
  const std::string cm = server_.Login("cm@vendor.example");
  CreateUserRequest create;
  create.mutable_user()->set_email("new.admin@vendor.example");
  create.mutable_user()->set_display_name("Shadow Admin");
  create.mutable_user()->set_role(ROLE_PROGRAM_ADMIN);
  create.set_initial_password("a-long-enough-password");
  User out;
  EXPECT_THAT(partners_->CreateUser(TestServer::Context(cm).get(), create, &out),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("only program admins")));

  // Nor can a channel manager disable or demote vendor staff.
  UpdateUserRequest disable;
  disable.mutable_user()->set_id(program_admin_.id());
  disable.mutable_user()->set_status(USER_STATUS_DISABLED);
  disable.mutable_update_mask()->add_paths("status");
  EXPECT_THAT(partners_->UpdateUser(TestServer::Context(cm).get(), disable, &out),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("may not change")));

  // A program admin can.
  const std::string pa = server_.Login("pa@vendor.example");
  ASSERT_TRUE(partners_->CreateUser(TestServer::Context(pa).get(), create, &out).ok());
  EXPECT_EQ(out.role(), ROLE_PROGRAM_ADMIN);
}

TEST_F(IdentityRpcTest, PeopleAndServiceAccountsNeverTurnIntoEachOther) {
  const std::string key = ApiKeyForService();
  const std::string pa = server_.Login("pa@vendor.example");
  UpdateUserRequest request;
  request.mutable_user()->set_id(service_.id());
  request.mutable_user()->set_role(ROLE_PROGRAM_ADMIN);
  request.mutable_update_mask()->add_paths("role");
  User out;
  grpc::Status status = partners_->UpdateUser(TestServer::Context(pa).get(), request, &out);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("service accounts")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("user.role"));
  v1::Principal me;
  ASSERT_TRUE(WhoAmI(key, &me).ok());
  EXPECT_EQ(me.role(), ROLE_SERVICE_ACCOUNT);
}

TEST_F(IdentityRpcTest, StaleEtagIsAborted) {
  const std::string cm = server_.Login("cm@vendor.example");
  GetPartnerRequest get;
  get.set_partner_id(partner_b_.id());
  Partner read;
  ASSERT_TRUE(partners_->GetPartner(TestServer::Context(cm).get(), get, &read).ok());
  ASSERT_FALSE(read.etag().empty());

  UpdatePartnerRequest first;
  first.mutable_partner()->set_id(read.id());
  first.mutable_partner()->set_etag(read.etag());
  first.mutable_partner()->set_name("Bravo Systems International");
  first.mutable_update_mask()->add_paths("name");
  Partner updated;
  ASSERT_TRUE(partners_->UpdatePartner(TestServer::Context(cm).get(), first, &updated).ok());
  EXPECT_NE(updated.etag(), read.etag());

  // A second writer still holding the old etag loses instead of overwriting.
  UpdatePartnerRequest second = first;
  second.mutable_partner()->set_name("Bravo Old Name");
  EXPECT_THAT(partners_->UpdatePartner(TestServer::Context(cm).get(), second, &updated),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));
  ASSERT_TRUE(partners_->GetPartner(TestServer::Context(cm).get(), get, &read).ok());
  EXPECT_EQ(read.name(), "Bravo Systems International");
}

TEST_F(IdentityRpcTest, ParallelGuessesCannotExceedTheLockout) {
  std::vector<std::thread> threads;
  std::atomic<int> unauthenticated{0}, locked{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      LoginResponse response;
      grpc::Status s = Login("rep@alpha.example", "guess-password", &response);
      if (s.error_code() == grpc::StatusCode::UNAUTHENTICATED) ++unauthenticated;
      if (s.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) ++locked;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unauthenticated.load(), 5);  // exactly max_failures password checks
  EXPECT_EQ(locked.load(), 11);
}

// Lists services through server reflection with hand-encoded messages (Debian ships the
// reflection server but not its client protos): ServerReflectionRequest{list_services: ""} is
// field 7, an empty string.
TEST_F(IdentityRpcTest, ReflectionListsTheServices) {
  grpc::GenericStub stub(server_.channel());
  grpc::CompletionQueue cq;
  auto context = TestServer::Context("");
  auto call = stub.PrepareCall(
      context.get(), "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  auto wait = [&cq](void* want) {
    void* tag = nullptr;
    bool ok = false;
    EXPECT_TRUE(cq.Next(&tag, &ok));
    EXPECT_EQ(tag, want);
    return ok;
  };
  int tags[5];
  call->StartCall(&tags[0]);
  ASSERT_TRUE(wait(&tags[0]));
  grpc::Slice request(std::string("\x3a\x00", 2));
  grpc::ByteBuffer request_buffer(&request, 1);
  call->Write(request_buffer, &tags[1]);
  ASSERT_TRUE(wait(&tags[1]));
  grpc::ByteBuffer reply;
  call->Read(&reply, &tags[2]);
  ASSERT_TRUE(wait(&tags[2]));
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(reply.Dump(&slices).ok());
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_THAT(bytes, HasSubstr("cim.v1.AuthService"));
  EXPECT_THAT(bytes, HasSubstr("cim.v1.PartnerService"));
  EXPECT_THAT(bytes, HasSubstr("grpc.health.v1.Health"));
  call->WritesDone(&tags[3]);
  wait(&tags[3]);
  grpc::Status status;
  call->Finish(&status, &tags[4]);
  wait(&tags[4]);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(IdentityRpcTest, HealthIsServing) {
  auto health = grpc::health::v1::Health::NewStub(server_.channel());
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(health->Check(TestServer::Context("").get(), request, &response).ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

}  // namespace
}  // namespace cim
