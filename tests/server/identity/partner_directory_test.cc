// PartnerDirectory over the real MariaDB stores with a fake clock: a foreign partner and its
// users answer NOT_FOUND as if they did not exist, partner roles list only their own partner;
// partner admins manage users of their own partner only and grant no vendor role; bad fields are
// INVALID_ARGUMENT naming each field, and refused requests store nothing; partner parents never
// form a cycle; stale etags are ABORTED; changes to who may call clear the credential cache.
#include "server/identity/partner_directory.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

google::protobuf::FieldMask Mask(std::initializer_list<const char*> paths) {
  google::protobuf::FieldMask mask;
  for (const char* p : paths) mask.add_paths(p);
  return mask;
}

class PartnerDirectoryTest : public IdentityStoreTest {
 protected:
  cim::v1::Partner NewPartner(const std::string& name, int64_t parent = 0) {
    cim::v1::Partner p;
    p.set_name(name);
    p.set_type(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
    p.set_tier("silver");
    p.set_region("NA");
    p.set_parent_partner_id(parent);
    return p;
  }

  cim::v1::User NewUser(const std::string& email, cim::v1::Role role, int64_t partner_id) {
    cim::v1::User u;
    u.set_email(email);
    u.set_display_name("New User");
    u.set_role(role);
    u.set_partner_id(partner_id);
    return u;
  }

  // Emails of the users `caller` lists with `request`.
  std::vector<std::string> ListedEmails(const cim::v1::User& caller,
                                        cim::v1::ListUsersRequest request = {}) {
    std::vector<std::string> out;
    absl::StatusOr<cim::v1::ListUsersResponse> listed = directory_.ListUsers(As(caller), request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    if (listed.ok()) {
      for (const cim::v1::User& u : listed->users()) out.push_back(u.email());
    }
    return out;
  }

  // Puts a credential in the cache; true while it is still there.
  void Cache() { credentials_.Put("hash", Credential(), credentials_.generation()); }
  bool Cached() { return credentials_.Find("hash").has_value(); }

  CredentialCache credentials_{clock_, absl::Hours(1)};
  PartnerDirectory directory_{partners_, users_, hasher_, clock_, credentials_};
};

TEST_F(PartnerDirectoryTest, CreatesValidPartnersOnlyAndOnlyForVendorStaff) {
  clock_.Advance(absl::Hours(1));
  cim::v1::Partner in = NewPartner("  Northwind Traders  ", alpha_.id());
  in.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);  // ignored: new partners are active
  absl::StatusOr<cim::v1::Partner> created = directory_.CreatePartner(As(manager_), in);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "Northwind Traders");
  EXPECT_EQ(created->status(), cim::v1::PARTNER_STATUS_ACTIVE);
  EXPECT_EQ(created->parent_partner_id(), alpha_.id());
  EXPECT_EQ(created->create_time().seconds(), absl::ToUnixSeconds(kT0 + absl::Hours(1)));
  EXPECT_EQ(partners_.Get(created->id())->tier(), "silver");

  EXPECT_THAT(directory_.CreatePartner(As(alpha_admin_), NewPartner("Mine")),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(directory_.CreatePartner(As(service_), NewPartner("Mine")),
              StatusIs(absl::StatusCode::kPermissionDenied));

  cim::v1::Partner bad;
  bad.set_name("   ");
  bad.set_tier("Gold!");
  bad.set_region("E M");
  bad.set_parent_partner_id(created->id() + 50);
  absl::StatusOr<cim::v1::Partner> refused = directory_.CreatePartner(As(admin_), bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(refused.status()),
              ElementsAre("partner.name", "partner.type", "partner.tier", "partner.region",
                          "partner.parent_partner_id"));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM partners"), 3);
}

TEST_F(PartnerDirectoryTest, AForeignPartnerIsNotFound) {
  absl::StatusOr<cim::v1::Partner> own = directory_.GetPartner(As(alpha_rep_), alpha_.id());
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->name(), "Alpha GmbH");
  // Another partner answers exactly like one that does not exist.
  EXPECT_THAT(
      directory_.GetPartner(As(alpha_rep_), bravo_.id()),
      StatusIs(absl::StatusCode::kNotFound, absl::StrCat("partner ", bravo_.id(), " not found")));
  EXPECT_THAT(directory_.GetPartner(As(manager_), bravo_.id() + 50),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(directory_.GetPartner(As(service_), bravo_.id())->name(), "Bravo Ltd");
  absl::StatusOr<cim::v1::Partner> zero = directory_.GetPartner(As(manager_), 0);
  EXPECT_THAT(ViolatedFields(zero.status()), ElementsAre("partner_id"));

  // Lists: partner roles see their own partner whatever they ask for.
  cim::v1::ListPartnersRequest bravo_only;
  bravo_only.set_name_contains("Bravo");
  absl::StatusOr<cim::v1::ListPartnersResponse> rep_list =
      directory_.ListPartners(As(alpha_rep_), cim::v1::ListPartnersRequest());
  ASSERT_TRUE(rep_list.ok()) << rep_list.status();
  ASSERT_EQ(rep_list->partners_size(), 1);
  EXPECT_EQ(rep_list->partners(0).id(), alpha_.id());
  EXPECT_THAT(directory_.ListPartners(As(alpha_rep_), bravo_only)->partners(), IsEmpty());
  absl::StatusOr<cim::v1::ListPartnersResponse> manager_list =
      directory_.ListPartners(As(manager_), bravo_only);
  ASSERT_TRUE(manager_list.ok()) << manager_list.status();
  ASSERT_EQ(manager_list->partners_size(), 1);
  EXPECT_EQ(manager_list->partners(0).id(), bravo_.id());

  cim::v1::ListPartnersRequest bad;
  bad.set_page_size(-1);
  bad.set_parent_partner_id(-2);
  absl::StatusOr<cim::v1::ListPartnersResponse> refused =
      directory_.ListPartners(As(manager_), bad);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(refused.status()), ElementsAre("page_size", "parent_partner_id"));
}

TEST_F(PartnerDirectoryTest, UpdatesPartnersWithoutCyclesAtTheVersionRead) {
  const cim::v1::Partner child =
      *directory_.CreatePartner(As(manager_), NewPartner("Child", alpha_.id()));
  const cim::v1::Partner grandchild =
      *directory_.CreatePartner(As(manager_), NewPartner("Grandchild", child.id()));

  cim::v1::Partner cycle;
  cycle.set_id(alpha_.id());
  cycle.set_parent_partner_id(grandchild.id());
  absl::StatusOr<cim::v1::Partner> refused =
      directory_.UpdatePartner(As(admin_), cycle, Mask({"parent_partner_id"}));
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("own ancestor")));
  EXPECT_THAT(ViolatedFields(refused.status()), ElementsAre("partner.parent_partner_id"));
  EXPECT_EQ(partners_.Get(alpha_.id())->parent_partner_id(), 0);

  EXPECT_THAT(ViolatedFields(directory_.UpdatePartner(As(admin_), cycle, Mask({})).status()),
              ElementsAre("update_mask"));
  cim::v1::Partner missing;
  missing.set_id(grandchild.id() + 50);
  EXPECT_THAT(directory_.UpdatePartner(As(admin_), missing, Mask({"name"})),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(directory_.UpdatePartner(As(alpha_admin_), cycle, Mask({"name"})),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // Suspending Bravo at the version read: stored, and cached credentials are forgotten.
  Cache();
  cim::v1::Partner suspend;
  suspend.set_id(bravo_.id());
  suspend.set_etag(bravo_.etag());
  suspend.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  suspend.set_name("ignored: not in the mask");
  clock_.Advance(absl::Minutes(5));
  absl::StatusOr<cim::v1::Partner> suspended =
      directory_.UpdatePartner(As(manager_), suspend, Mask({"status"}));
  ASSERT_TRUE(suspended.ok()) << suspended.status();
  EXPECT_EQ(suspended->status(), cim::v1::PARTNER_STATUS_SUSPENDED);
  EXPECT_EQ(suspended->name(), "Bravo Ltd");
  EXPECT_EQ(suspended->etag(), "2");
  EXPECT_EQ(suspended->update_time().seconds(), absl::ToUnixSeconds(kT0 + absl::Minutes(5)));
  EXPECT_FALSE(Cached());
  // The same etag again is stale now.
  EXPECT_THAT(directory_.UpdatePartner(As(manager_), suspend, Mask({"status"})),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));
}

TEST_F(PartnerDirectoryTest, PartnerAdminsCreateUsersOfTheirOwnPartnerOnly) {
  absl::StatusOr<cim::v1::User> created = directory_.CreateUser(
      As(alpha_admin_), NewUser("  New.Rep@Alpha.Example ", cim::v1::ROLE_PARTNER_REP, alpha_.id()),
      "long-enough-password");
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->email(), "new.rep@alpha.example");
  EXPECT_EQ(created->status(), cim::v1::USER_STATUS_ACTIVE);
  absl::StatusOr<UserRecord> stored = users_.Get(created->id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  ASSERT_TRUE(stored->password_hash.has_value());
  EXPECT_TRUE(hasher_.Verify(*stored->password_hash, "long-enough-password"));

  EXPECT_THAT(
      directory_.CreateUser(As(alpha_admin_),
                            NewUser("x@bravo.example", cim::v1::ROLE_PARTNER_REP, bravo_.id()),
                            "long-enough-password"),
      StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("their own partner")));
  EXPECT_THAT(directory_.CreateUser(As(alpha_admin_),
                                    NewUser("x@vendor.example", cim::v1::ROLE_CHANNEL_MANAGER, 0),
                                    "long-enough-password"),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("program admins")));
  EXPECT_THAT(
      directory_.CreateUser(As(alpha_rep_),
                            NewUser("x@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id()),
                            "long-enough-password"),
      StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(
      directory_.CreateUser(As(manager_),
                            NewUser("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id()),
                            "long-enough-password"),
      StatusIs(absl::StatusCode::kAlreadyExists));

  // Service accounts: program admins only, and never with a password.
  absl::StatusOr<cim::v1::User> service = directory_.CreateUser(
      As(admin_), NewUser("crm@vendor.example", cim::v1::ROLE_SERVICE_ACCOUNT, 0), "");
  ASSERT_TRUE(service.ok()) << service.status();
  EXPECT_EQ(users_.Get(service->id())->password_hash, std::nullopt);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM users"), 8);
}

TEST_F(PartnerDirectoryTest, BadUsersAreRefusedFieldByField) {
  cim::v1::User bad = NewUser("not-an-email", cim::v1::ROLE_PARTNER_REP, bravo_.id() + 50);
  bad.set_display_name(" ");
  absl::StatusOr<cim::v1::User> refused = directory_.CreateUser(As(manager_), bad, "short");
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ViolatedFields(refused.status()), ElementsAre("user.email", "user.display_name",
                                                            "user.partner_id", "initial_password"));

  absl::StatusOr<cim::v1::User> vendor_with_partner = directory_.CreateUser(
      As(admin_), NewUser("v@vendor.example", cim::v1::ROLE_FINANCE, alpha_.id()),
      "long-enough-password");
  EXPECT_THAT(ViolatedFields(vendor_with_partner.status()), ElementsAre("user.partner_id"));
  absl::StatusOr<cim::v1::User> service_with_password = directory_.CreateUser(
      As(admin_), NewUser("s@vendor.example", cim::v1::ROLE_SERVICE_ACCOUNT, 0),
      "long-enough-password");
  EXPECT_THAT(ViolatedFields(service_with_password.status()), ElementsAre("initial_password"));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM users"), 6);
}

TEST_F(PartnerDirectoryTest, UsersOfAnotherPartnerAreNotFound) {
  EXPECT_EQ(directory_.GetUser(As(alpha_admin_), alpha_rep_.id())->email(), "rep@alpha.example");
  EXPECT_THAT(
      directory_.GetUser(As(alpha_admin_), bravo_rep_.id()),
      StatusIs(absl::StatusCode::kNotFound, absl::StrCat("user ", bravo_rep_.id(), " not found")));
  // Reps see themselves only.
  EXPECT_EQ(directory_.GetUser(As(alpha_rep_), alpha_rep_.id())->email(), "rep@alpha.example");
  EXPECT_THAT(directory_.GetUser(As(alpha_rep_), alpha_admin_.id()),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(directory_.GetUser(As(manager_), bravo_rep_.id())->email(), "rep@bravo.example");

  EXPECT_THAT(ListedEmails(alpha_admin_), ElementsAre("admin@alpha.example", "rep@alpha.example"));
  cim::v1::ListUsersRequest bravo_users;
  bravo_users.set_partner_id(bravo_.id());
  EXPECT_THAT(directory_.ListUsers(As(alpha_admin_), bravo_users),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(directory_.ListUsers(As(alpha_rep_), cim::v1::ListUsersRequest()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(ListedEmails(manager_, bravo_users), ElementsAre("rep@bravo.example"));

  // Naming users by id stays within the caller's partner.
  cim::v1::ListUsersRequest by_ids;
  by_ids.add_ids(bravo_rep_.id());
  by_ids.add_ids(alpha_rep_.id());
  EXPECT_THAT(ListedEmails(alpha_admin_, by_ids), ElementsAre("rep@alpha.example"));
  EXPECT_THAT(ListedEmails(manager_, by_ids),
              ElementsAre("rep@alpha.example", "rep@bravo.example"));
  by_ids.add_ids(0);
  EXPECT_THAT(directory_.ListUsers(As(manager_), by_ids),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ids[2]")));
}

TEST_F(PartnerDirectoryTest, PartnerAdminsManageTheirOwnPartnersUsers) {
  Cache();
  cim::v1::User disable;
  disable.set_id(alpha_rep_.id());
  disable.set_status(cim::v1::USER_STATUS_DISABLED);
  absl::StatusOr<cim::v1::User> disabled =
      directory_.UpdateUser(As(alpha_admin_), disable, Mask({"status"}));
  ASSERT_TRUE(disabled.ok()) << disabled.status();
  EXPECT_EQ(disabled->status(), cim::v1::USER_STATUS_DISABLED);
  EXPECT_EQ(users_.Get(alpha_rep_.id())->user.status(), cim::v1::USER_STATUS_DISABLED);
  EXPECT_FALSE(Cached());

  // Another partner's user does not exist for them; their own role is not theirs to change.
  disable.set_id(bravo_rep_.id());
  EXPECT_THAT(directory_.UpdateUser(As(alpha_admin_), disable, Mask({"status"})),
              StatusIs(absl::StatusCode::kNotFound));
  cim::v1::User promote;
  promote.set_id(alpha_admin_.id());
  promote.set_role(cim::v1::ROLE_PARTNER_REP);
  EXPECT_THAT(directory_.UpdateUser(As(alpha_admin_), promote, Mask({"role"})),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("their own role")));
  promote.set_id(alpha_rep_.id());
  promote.set_role(cim::v1::ROLE_CHANNEL_MANAGER);
  EXPECT_THAT(directory_.UpdateUser(As(alpha_admin_), promote, Mask({"role"})),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // People and service accounts never become one another.
  promote.set_id(manager_.id());
  promote.set_role(cim::v1::ROLE_SERVICE_ACCOUNT);
  absl::StatusOr<cim::v1::User> turned = directory_.UpdateUser(As(admin_), promote, Mask({"role"}));
  EXPECT_THAT(turned, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("service accounts")));
  EXPECT_THAT(ViolatedFields(turned.status()), ElementsAre("user.role"));
  EXPECT_EQ(users_.Get(manager_.id())->user.role(), cim::v1::ROLE_CHANNEL_MANAGER);

  // Everyone may rename themselves, at the version they read.
  cim::v1::User rename;
  rename.set_id(bravo_rep_.id());
  rename.set_display_name("  Bea  ");
  rename.set_etag("1");
  absl::StatusOr<cim::v1::User> renamed =
      directory_.UpdateUser(As(bravo_rep_), rename, Mask({"display_name"}));
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->display_name(), "Bea");
  EXPECT_THAT(directory_.UpdateUser(As(bravo_rep_), rename, Mask({"display_name"})),
              StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(directory_.UpdateUser(As(bravo_rep_), rename, Mask({"status"})),
              StatusIs(absl::StatusCode::kAborted));
  rename.clear_etag();
  EXPECT_THAT(directory_.UpdateUser(As(bravo_rep_), rename, Mask({"status"})),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace cim
