// The fixture the identity tests share: a database of the test's own with the real MariaDB
// stores (partners, users, tokens, login throttle, account security, two-step sign-in with the
// test secrets key), two partners (Alpha, Bravo)
// and their users, a fake clock and fast password hashing.
#ifndef CIM_TESTS_SERVER_IDENTITY_IDENTITY_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_IDENTITY_IDENTITY_STORE_FIXTURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "lib/status_util.h"
#include "server/accounts/mysql_account_security_repository.h"
#include "server/identity/mysql_access_token_repository.h"
#include "server/identity/mysql_login_throttle_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_two_step_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/identity/password_hasher.h"
#include "server/identity/secret_sealer.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"
#include "tests/testing/two_step_keys.h"

namespace cim {

class IdentityStoreTest : public ::testing::Test {
 protected:
  // 2026-03-02 09:00:00 UTC (DATETIME keeps whole seconds).
  static constexpr absl::Time kT0 = absl::FromUnixSeconds(1772442000);
  static constexpr char kPassword[] = "correct-horse-battery";

  void SetUp() override {
    alpha_ = StoredPartner("Alpha GmbH");
    bravo_ = StoredPartner("Bravo Ltd");
    admin_ = StoredUser("admin@vendor.example", cim::v1::ROLE_PROGRAM_ADMIN, 0);
    manager_ = StoredUser("manager@vendor.example", cim::v1::ROLE_CHANNEL_MANAGER, 0);
    alpha_admin_ = StoredUser("admin@alpha.example", cim::v1::ROLE_PARTNER_ADMIN, alpha_.id());
    alpha_rep_ = StoredUser("rep@alpha.example", cim::v1::ROLE_PARTNER_REP, alpha_.id());
    bravo_rep_ = StoredUser("rep@bravo.example", cim::v1::ROLE_PARTNER_REP, bravo_.id());
    service_ = StoredUser("erp@vendor.example", cim::v1::ROLE_SERVICE_ACCOUNT, 0);
  }

  cim::v1::Partner StoredPartner(const std::string& name) {
    cim::v1::Partner p;
    p.set_name(name);
    p.set_type(cim::v1::PARTNER_TYPE_RESELLER);
    p.set_tier("gold");
    p.set_region("EMEA");
    p.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
    absl::StatusOr<cim::v1::Partner> created = partners_.Create(p, kT0);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(cim::v1::Partner());
  }

  // An active user; people get kPassword's hash, service accounts none.
  cim::v1::User StoredUser(const std::string& email, cim::v1::Role role, int64_t partner_id) {
    cim::v1::User u;
    u.set_email(email);
    u.set_display_name(email.substr(0, email.find('@')));
    u.set_role(role);
    u.set_partner_id(partner_id);
    u.set_status(cim::v1::USER_STATUS_ACTIVE);
    std::optional<std::string> hash;
    if (role != cim::v1::ROLE_SERVICE_ACCOUNT) hash = *hasher_.Hash(kPassword);
    absl::StatusOr<cim::v1::User> created = users_.Create(u, hash, kT0);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.value_or(cim::v1::User());
  }

  // The caller `user` would be after signing in.
  static Principal As(const cim::v1::User& user) {
    Principal p;
    p.user_id = user.id();
    p.email = user.email();
    p.display_name = user.display_name();
    p.role = user.role();
    p.partner_id = user.partner_id();
    return p;
  }

  testing::TestDatabase database_;
  FakeClock clock_{kT0};
  PasswordHasher hasher_{PasswordHashParams::Minimum()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlUserRepository users_{database_.db()};
  MysqlAccessTokenRepository tokens_{database_.db()};
  MysqlLoginThrottleRepository throttle_{database_.db()};
  MysqlAccountSecurityRepository accounts_{database_.db()};
  MysqlTwoStepRepository two_step_{database_.db()};
  SecretSealer sealer_{testing::TestSecretsKey()};

  cim::v1::Partner alpha_, bravo_;
  cim::v1::User admin_, manager_, alpha_admin_, alpha_rep_, bravo_rep_, service_;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_IDENTITY_IDENTITY_STORE_FIXTURE_H_
