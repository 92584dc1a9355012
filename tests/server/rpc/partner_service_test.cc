// PartnerServiceImpl through a real gRPC channel (what identity_service_test leaves to the
// adapter): every RPC needs credentials; update masks and timestamps are checked against the
// proto before any rule runs (INVALID_ARGUMENT naming the field, nothing stored); each RPC
// hands its own request fields on (missing ids are field violations); another partner and its
// users answer NOT_FOUND exactly like ids that do not exist; changes are audited as their
// caller (no password hash on the trail), reads are not.
#include "server/rpc/partner_service.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cim/v1/partner_service.grpc.pb.h"
#include "gmock/gmock.h"
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
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class PartnerServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems");
    bravo_ = server_.CreatePartner("Bravo IT");
    alpha_admin_user_ = server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    bravo_rep_user_ = server_.CreateUser("rep@bravo.example", ROLE_PARTNER_REP, bravo_.id());
    manager_user_ = server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    partners_ = PartnerService::NewStub(server_.channel());
    manager_ = server_.Login("cm@vendor.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
  }

  long long Count(const std::string& sql) { return server_.database().Count(sql); }

  TestServer server_;
  Partner alpha_, bravo_;
  User alpha_admin_user_, bravo_rep_user_, manager_user_;
  std::unique_ptr<PartnerService::Stub> partners_;
  std::string manager_, alpha_admin_;
};

TEST_F(PartnerServiceTest, EveryRpcNeedsCredentials) {
  auto anonymous = [] { return TestServer::Context(""); };
  Partner partner;
  User user;
  ListPartnersResponse partners;
  ListUsersResponse users;
  CreatePartnerRequest create_partner;
  create_partner.mutable_partner()->set_name("Sneaky");
  CreateUserRequest create_user;
  create_user.mutable_user()->set_email("sneaky@example.com");
  GetPartnerRequest get_partner;
  get_partner.set_partner_id(alpha_.id());
  GetUserRequest get_user;
  get_user.set_user_id(alpha_admin_user_.id());
  const grpc::Status statuses[] = {
      partners_->CreatePartner(anonymous().get(), create_partner, &partner),
      partners_->GetPartner(anonymous().get(), get_partner, &partner),
      partners_->ListPartners(anonymous().get(), ListPartnersRequest(), &partners),
      partners_->UpdatePartner(anonymous().get(), UpdatePartnerRequest(), &partner),
      partners_->CreateUser(anonymous().get(), create_user, &user),
      partners_->GetUser(anonymous().get(), get_user, &user),
      partners_->ListUsers(anonymous().get(), ListUsersRequest(), &users),
      partners_->UpdateUser(anonymous().get(), UpdateUserRequest(), &user),
  };
  for (const grpc::Status& status : statuses) {
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kUnauthenticated, "credentials required"));
  }
  EXPECT_EQ(partner.id(), 0);
  EXPECT_EQ(partners.partners_size(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 3);
}

TEST_F(PartnerServiceTest, MasksAndTimestampsAreCheckedAgainstTheProtoFirst) {
  UpdatePartnerRequest rename;
  rename.mutable_partner()->set_id(alpha_.id());
  rename.mutable_partner()->set_name("Renamed");
  rename.mutable_update_mask()->add_paths("name");
  rename.mutable_update_mask()->add_paths("etag");
  Partner partner;
  grpc::Status status =
      partners_->UpdatePartner(TestServer::Context(manager_).get(), rename, &partner);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("'etag' cannot be updated by this call")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("update_mask"));

  UpdateUserRequest change_email;
  change_email.mutable_user()->set_id(alpha_admin_user_.id());
  change_email.mutable_user()->set_email("other@alpha.example");
  change_email.mutable_update_mask()->add_paths("email");
  User user;
  status = partners_->UpdateUser(TestServer::Context(manager_).get(), change_email, &user);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               HasSubstr("display_name, role, status")));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("update_mask"));

  CreatePartnerRequest out_of_range;
  *out_of_range.mutable_partner() = alpha_;
  out_of_range.mutable_partner()->set_name("Time Traveller");
  out_of_range.mutable_partner()->mutable_create_time()->set_seconds(-100000000000);
  status = partners_->CreatePartner(TestServer::Context(manager_).get(), out_of_range, &partner);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("partner.create_time"));

  EXPECT_EQ(Count("SELECT COUNT(*) FROM partners WHERE name IN ('Renamed', 'Time Traveller')"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE email = 'other@alpha.example'"), 0);
}

TEST_F(PartnerServiceTest, EachRpcHandsOnItsOwnIds) {
  Partner partner;
  User user;
  grpc::Status status =
      partners_->GetPartner(TestServer::Context(manager_).get(), GetPartnerRequest(), &partner);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("partner_id"));
  status = partners_->GetUser(TestServer::Context(manager_).get(), GetUserRequest(), &user);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("user_id"));
  status = partners_->UpdatePartner(TestServer::Context(manager_).get(), UpdatePartnerRequest(),
                                    &partner);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("partner.id", "update_mask"));
  status = partners_->UpdateUser(TestServer::Context(manager_).get(), UpdateUserRequest(), &user);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("user.id", "update_mask"));
  ListUsersRequest bad_list;
  bad_list.set_page_size(-1);
  ListUsersResponse users;
  status = partners_->ListUsers(TestServer::Context(manager_).get(), bad_list, &users);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size"));

  GetPartnerRequest get_partner;
  get_partner.set_partner_id(bravo_.id());
  ASSERT_TRUE(
      partners_->GetPartner(TestServer::Context(manager_).get(), get_partner, &partner).ok());
  EXPECT_EQ(partner.name(), "Bravo IT");
  GetUserRequest get_user;
  get_user.set_user_id(bravo_rep_user_.id());
  ASSERT_TRUE(partners_->GetUser(TestServer::Context(manager_).get(), get_user, &user).ok());
  EXPECT_EQ(user.email(), "rep@bravo.example");
}

TEST_F(PartnerServiceTest, AnotherPartnerIsNotFoundLikeNoPartnerAtAll) {
  Partner partner;
  GetPartnerRequest foreign;
  foreign.set_partner_id(bravo_.id());
  GetPartnerRequest missing;
  missing.set_partner_id(bravo_.id() + 100);
  const grpc::Status foreign_status =
      partners_->GetPartner(TestServer::Context(alpha_admin_).get(), foreign, &partner);
  EXPECT_THAT(foreign_status, StatusIs(absl::StatusCode::kNotFound,
                                       absl::StrCat("partner ", bravo_.id(), " not found")));
  EXPECT_THAT(partners_->GetPartner(TestServer::Context(manager_).get(), missing, &partner),
              StatusIs(absl::StatusCode::kNotFound,
                       absl::StrCat("partner ", bravo_.id() + 100, " not found")));
  EXPECT_EQ(partner.id(), 0);

  User user;
  GetUserRequest foreign_user;
  foreign_user.set_user_id(bravo_rep_user_.id());
  EXPECT_THAT(partners_->GetUser(TestServer::Context(alpha_admin_).get(), foreign_user, &user),
              StatusIs(absl::StatusCode::kNotFound,
                       absl::StrCat("user ", bravo_rep_user_.id(), " not found")));
  EXPECT_EQ(user.email(), "");

  UpdateUserRequest disable;
  disable.mutable_user()->set_id(bravo_rep_user_.id());
  disable.mutable_user()->set_status(USER_STATUS_DISABLED);
  disable.mutable_update_mask()->add_paths("status");
  EXPECT_THAT(partners_->UpdateUser(TestServer::Context(alpha_admin_).get(), disable, &user),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count(absl::StrCat("SELECT status FROM users WHERE id = ", bravo_rep_user_.id())),
            USER_STATUS_ACTIVE);
}

TEST_F(PartnerServiceTest, ChangesAreAuditedAsTheirCallerAndReadsAreNot) {
  CreateUserRequest create;
  create.mutable_user()->set_email("new@alpha.example");
  create.mutable_user()->set_display_name("New Rep");
  create.mutable_user()->set_role(ROLE_PARTNER_REP);
  create.mutable_user()->set_partner_id(alpha_.id());
  create.set_initial_password("a-long-enough-password");
  User created;
  auto context = TestServer::Context(alpha_admin_);
  context->AddMetadata("x-request-id", "create-user-1");
  ASSERT_TRUE(partners_->CreateUser(context.get(), create, &created).ok());
  EXPECT_EQ(created.partner_id(), alpha_.id());

  UpdatePartnerRequest rename;
  rename.mutable_partner()->set_id(bravo_.id());
  rename.mutable_partner()->set_name("Bravo IT Group");
  rename.mutable_update_mask()->add_paths("name");
  Partner renamed;
  ASSERT_TRUE(partners_->UpdatePartner(TestServer::Context(manager_).get(), rename, &renamed).ok());
  EXPECT_EQ(renamed.name(), "Bravo IT Group");

  GetUserRequest get;
  get.set_user_id(created.id());
  User read;
  ASSERT_TRUE(partners_->GetUser(TestServer::Context(alpha_admin_).get(), get, &read).ok());
  ListPartnersResponse listed;
  ASSERT_TRUE(
      partners_->ListPartners(TestServer::Context(manager_).get(), ListPartnersRequest(), &listed)
          .ok());

  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE rpc = 'CreateUser'"
                               " AND entity_type = 'users' AND entity_id = '",
                               created.id(), "' AND actor_user_id = ", alpha_admin_user_.id(),
                               " AND actor_partner_id = ", alpha_.id(),
                               " AND request_id = 'create-user-1'"
                               " AND after_json LIKE '%new@alpha.example%'"
                               " AND after_json NOT LIKE '%argon2%'")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE rpc = 'UpdatePartner'"
                               " AND entity_id = '",
                               bravo_.id(), "' AND actor_user_id = ", manager_user_.id(),
                               " AND before_json LIKE '%\"Bravo IT\"%'"
                               " AND after_json LIKE '%Bravo IT Group%'")),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE rpc IN ('GetUser', 'ListPartners')"), 0);
}

// An invitation over the channel: the partner admin's language writes the email, the new user
// and the link are one audited change, and another partner's people are not theirs to invite.
TEST_F(PartnerServiceTest, APartnerAdminInvitesAColleagueInTheirLanguage) {
  InviteUserRequest request;
  request.mutable_user()->set_email("nieuw@alpha.example");
  request.mutable_user()->set_display_name("Nieuwe Collega");
  request.mutable_user()->set_role(ROLE_PARTNER_REP);
  request.mutable_user()->set_partner_id(alpha_.id());
  auto dutch = TestServer::Context(alpha_admin_);
  dutch->AddMetadata("accept-language", "nl");
  User invited;
  ASSERT_TRUE(partners_->InviteUser(dutch.get(), request, &invited).ok());
  EXPECT_EQ(invited.partner_id(), alpha_.id());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE email = 'nieuw@alpha.example'"
                  " AND password_hash IS NULL"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM email_outbox WHERE to_address = 'nieuw@alpha.example'"
                  " AND subject LIKE '% heeft je uitgenodigd voor het CIM-partnerportaal'"),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE rpc = 'InviteUser'"
                               " AND entity_type IN ('users', 'password_resets')"
                               " AND actor_user_id = ",
                               alpha_admin_user_.id())),
            2);

  request.mutable_user()->set_email("someone@bravo.example");
  request.mutable_user()->set_partner_id(bravo_.id());
  EXPECT_THAT(partners_->InviteUser(TestServer::Context(alpha_admin_).get(), request, &invited),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(partners_->InviteUser(TestServer::Context("").get(), request, &invited),
              StatusIs(grpc::StatusCode::UNAUTHENTICATED));
}

}  // namespace
}  // namespace cim
