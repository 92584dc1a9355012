// The fixture store and domain tests share: a database of the test's own with two partners
// (Alpha, Bravo), vendor staff and partner users, a recorder of the changes each transaction
// tells its commit hooks (what the audit trail would record), the callers as Principals, and
// small SQL helpers.
#ifndef CIM_TESTS_TESTING_STORE_WORLD_H_
#define CIM_TESTS_TESTING_STORE_WORLD_H_

#include <soci/soci.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"
#include "gtest/gtest.h"
#include "lib/principal.h"
#include "server/db/entity_change.h"
#include "server/db/mysql_database.h"
#include "tests/testing/announced_changes.h"
#include "tests/testing/test_database.h"

namespace cim {

class StoreWorldTest : public ::testing::Test {
 protected:
  // 2026-03-02 09:00:00 UTC (DATETIME keeps whole seconds).
  static constexpr int64_t kT0Seconds = 1772442000;
  static absl::Time T0() { return absl::FromUnixSeconds(kT0Seconds); }

  static constexpr int64_t kAlpha = 1;
  static constexpr int64_t kBravo = 2;
  // Vendor staff; Ann (admin), Rob and Hid (reps, Hid hides their name) of Alpha; Bea of Bravo.
  static constexpr int64_t kVera = 1;
  static constexpr int64_t kAnn = 2;
  static constexpr int64_t kRob = 3;
  static constexpr int64_t kHid = 4;
  static constexpr int64_t kBea = 5;

  // The callers, as the domain classes see them. (Bea is a rep; BeaAsAdmin is her as Bravo's
  // admin, for the rules that need one.)
  static Principal As(int64_t user, cim::v1::Role role, int64_t partner = 0) {
    return Principal{.user_id = user, .role = role, .partner_id = partner};
  }
  static Principal Admin() { return As(kVera, cim::v1::ROLE_PROGRAM_ADMIN); }
  static Principal Manager() { return As(kVera, cim::v1::ROLE_CHANNEL_MANAGER); }
  static Principal Ann() { return As(kAnn, cim::v1::ROLE_PARTNER_ADMIN, kAlpha); }
  static Principal Rob() { return As(kRob, cim::v1::ROLE_PARTNER_REP, kAlpha); }
  static Principal Hid() { return As(kHid, cim::v1::ROLE_PARTNER_REP, kAlpha); }
  static Principal Bea() { return As(kBea, cim::v1::ROLE_PARTNER_REP, kBravo); }
  static Principal BeaAsAdmin() { return As(kBea, cim::v1::ROLE_PARTNER_ADMIN, kBravo); }

  void SetUp() override {
    Exec(
        "INSERT INTO partners (name, type, tier, region, status, created_at, updated_at) VALUES"
        " ('Alpha', 2, 'gold', 'EMEA', 1, NOW(), NOW()),"
        " ('Bravo', 1, 'silver', 'NA', 1, NOW(), NOW())");
    const int manager = cim::v1::ROLE_CHANNEL_MANAGER;
    const int admin = cim::v1::ROLE_PARTNER_ADMIN;
    const int rep = cim::v1::ROLE_PARTNER_REP;
    const int active = cim::v1::USER_STATUS_ACTIVE;
    Exec(absl::StrCat(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES"
        " ('vera@vendor.example', 'Vera', ",
        manager, ", NULL, ", active, ", NOW(), NOW()), ('ann@alpha.example', 'Ann', ", admin,
        ", 1, ", active, ", NOW(), NOW()), ('rob@alpha.example', 'Rob', ", rep, ", 1, ", active,
        ", NOW(), NOW()), ('hid@alpha.example', 'Hid', ", rep, ", 1, ", active,
        ", NOW(), NOW()), ('bea@bravo.example', 'Bea', ", rep, ", 2, ", active, ", NOW(), NOW())"));
    Exec("INSERT INTO recognition_preferences (user_id, hide_name) VALUES (4, 1)");
    testing::RecordAnnouncedChanges(database_.db(), &told_);
  }

  // Runs `sql` (test data only) outside the hooks' view.
  void Exec(const std::string& sql) {
    const absl::Status status = database_.db().Run([&](soci::session& s) -> absl::Status {
      s << sql;
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status << "\n" << sql;
  }

  long long Count(const std::string& sql) { return database_.Count(sql); }

  testing::TestDatabase database_;
  // The changes the last transaction told its commit hooks.
  std::vector<std::string> told_;
};

}  // namespace cim

#endif  // CIM_TESTS_TESTING_STORE_WORLD_H_
