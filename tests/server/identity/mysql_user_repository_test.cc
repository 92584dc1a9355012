// The user store against MariaDB: users created and read back by column name (a service
// account's missing password hash stays missing, a vendor's missing partner stays 0), a taken
// email refused with ALREADY_EXISTS, updates only at the version read, filters; the password
// hash never reaches the audit trail.
#include "server/identity/mysql_user_repository.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class MysqlUserRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(database_.db()
                    .Run([](soci::session& s) -> absl::Status {
                      s << "INSERT INTO partners (name, type, tier, region, status, created_at,"
                           " updated_at) VALUES ('Alpha', 2, 'gold', 'EMEA', 1, NOW(), NOW())";
                      return absl::OkStatus();
                    })
                    .ok());
  }

  User Stored(const std::string& email, cim::v1::Role role, int64_t partner,
              const std::optional<std::string>& hash = "argon2-hash") {
    User u;
    u.set_email(email);
    u.set_display_name(absl::StrCat("Name of ", email));
    u.set_role(role);
    u.set_partner_id(partner);
    u.set_status(cim::v1::USER_STATUS_ACTIVE);
    absl::StatusOr<User> created = users_.Create(u, hash, kNow);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(User());
  }

  std::vector<std::string> Emails(const UserFilter& filter) {
    std::vector<std::string> out;
    absl::StatusOr<std::vector<User>> listed = users_.List(filter, 0, 10);
    EXPECT_TRUE(listed.ok()) << listed.status();
    for (const User& u : listed.value_or(std::vector<User>())) out.push_back(u.email());
    return out;
  }

  static constexpr absl::Time kNow = absl::FromUnixSeconds(1772442000);  // 2026-03-02 09:00 UTC
  static constexpr int64_t kAlpha = 1;
  testing::TestDatabase database_;
  MysqlUserRepository users_{database_.db()};
};

TEST_F(MysqlUserRepositoryTest, CreatedUsersReadBackByName) {
  const User rep = Stored("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, kAlpha);
  const User service =
      Stored("erp@vendor.example", cim::v1::ROLE_SERVICE_ACCOUNT, 0, /*hash=*/std::nullopt);
  EXPECT_EQ(rep.etag(), "1");

  absl::StatusOr<UserRecord> read = users_.Get(rep.id());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->user.email(), "rep@alpha.example");
  EXPECT_EQ(read->user.display_name(), "Name of rep@alpha.example");
  EXPECT_EQ(read->user.role(), cim::v1::ROLE_PARTNER_REP);
  EXPECT_EQ(read->user.partner_id(), kAlpha);
  EXPECT_EQ(read->password_hash, "argon2-hash");

  absl::StatusOr<UserRecord> by_email = users_.GetByEmail("erp@vendor.example");
  ASSERT_TRUE(by_email.ok()) << by_email.status();
  EXPECT_EQ(by_email->user.id(), service.id());
  EXPECT_EQ(by_email->user.partner_id(), 0);
  EXPECT_EQ(by_email->password_hash, std::nullopt);

  EXPECT_THAT(users_.GetByEmail("nobody@example.com"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(users_.Get(service.id() + 100), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlUserRepositoryTest, ATakenEmailIsRefused) {
  Stored("admin@alpha.example", cim::v1::ROLE_PARTNER_ADMIN, kAlpha);
  User again;
  again.set_email("admin@alpha.example");
  again.set_display_name("Again");
  again.set_role(cim::v1::ROLE_PARTNER_REP);
  again.set_partner_id(kAlpha);
  EXPECT_THAT(users_.Create(again, "hash", kNow),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("admin@alpha.example")));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM users"), 1);
}

TEST_F(MysqlUserRepositoryTest, UpdatesOnlyAtTheVersionReadAndKeepsHashesOffTheTrail) {
  User rep = Stored("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, kAlpha);
  rep.set_role(cim::v1::ROLE_PARTNER_ADMIN);
  rep.set_display_name("Promoted");
  {
    AuditScope scope(AuditActor{.user_id = 9, .rpc = "UpdateUser", .request_id = "req-u"});
    absl::StatusOr<User> updated = users_.Update(rep, kNow);
    ASSERT_TRUE(updated.ok()) << updated.status();
    EXPECT_EQ(updated->role(), cim::v1::ROLE_PARTNER_ADMIN);
    EXPECT_EQ(updated->etag(), "2");
  }
  EXPECT_THAT(users_.Update(rep, kNow), StatusIs(absl::StatusCode::kAborted));
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_type ="
                                         " 'users' AND entity_id = '",
                                         rep.id(), "' AND after_json LIKE '%Promoted%'")),
            1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM audit_log WHERE before_json LIKE '%argon2%'"
                            " OR after_json LIKE '%argon2%'"),
            0);
}

TEST_F(MysqlUserRepositoryTest, ListsByPartnerRoleAndText) {
  Stored("admin@alpha.example", cim::v1::ROLE_PARTNER_ADMIN, kAlpha);
  Stored("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, kAlpha);
  Stored("finance@vendor.example", cim::v1::ROLE_FINANCE, 0);
  EXPECT_THAT(Emails({.partner_id = kAlpha}),
              ElementsAre("admin@alpha.example", "rep@alpha.example"));
  EXPECT_THAT(Emails({.role = cim::v1::ROLE_FINANCE}), ElementsAre("finance@vendor.example"));
  EXPECT_THAT(Emails({.query = "rep@"}), ElementsAre("rep@alpha.example"));
  EXPECT_THAT(Emails({.status = cim::v1::USER_STATUS_ACTIVE, .query = "example"}),
              ElementsAre("admin@alpha.example", "rep@alpha.example", "finance@vendor.example"));
}

TEST_F(MysqlUserRepositoryTest, ListsTheUsersNamedByIdWithinTheOtherFilters) {
  const int64_t admin = Stored("admin@alpha.example", cim::v1::ROLE_PARTNER_ADMIN, kAlpha).id();
  Stored("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, kAlpha);
  const int64_t finance = Stored("finance@vendor.example", cim::v1::ROLE_FINANCE, 0).id();
  EXPECT_THAT(Emails({.ids = {finance, admin, 999}}),
              ElementsAre("admin@alpha.example", "finance@vendor.example"));
  EXPECT_THAT(Emails({.partner_id = kAlpha, .ids = {finance, admin}}),
              ElementsAre("admin@alpha.example"));
}

}  // namespace
}  // namespace cim
