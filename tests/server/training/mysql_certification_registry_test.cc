// The certification registry against MariaDB: the codes a partner holds are those of
// certifications still valid at the clock's time (expiring exactly now is expired), held by its
// own active users, each code once; a disabled user's, a user's earned for another partner and
// another partner's certifications do not count.
#include "server/training/mysql_certification_registry.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class MysqlCertificationRegistryTest : public StoreWorldTest {
 protected:
  // A certification `code` of `user`, earned for `partner`, expiring `expires` (DATETIME text).
  void Certify(int64_t user, int64_t partner, const std::string& code, const std::string& expires) {
    Exec(absl::StrCat(
        "INSERT INTO certifications (user_id, certification_code, partner_id, module_id,"
        " earned_at, expires_at) VALUES (",
        user, ", '", code, "', ", partner, ", 1, '2025-01-01', '", expires, "')"));
  }

  absl::flat_hash_set<std::string> Held(int64_t partner) {
    absl::StatusOr<absl::flat_hash_set<std::string>> held = registry_.HeldByPartner(partner);
    EXPECT_TRUE(held.ok()) << held.status();
    return held.value_or(absl::flat_hash_set<std::string>{"error"});
  }

  FakeClock clock_{T0()};  // 2026-03-02 09:00:00
  MysqlCertificationRegistry registry_{database_.db(), clock_};
};

TEST_F(MysqlCertificationRegistryTest, HeldCodesAreTheValidOnesOfActiveUsers) {
  Certify(kAnn, kAlpha, "storage-expert", "2027-01-01 00:00:00");
  Certify(kRob, kAlpha, "storage-expert", "2026-06-01 00:00:00");  // the same code again
  Certify(kRob, kAlpha, "networking", "2026-03-02 09:00:01");
  Certify(kHid, kAlpha, "expired", "2026-03-02 09:00:00");  // expires exactly now
  Certify(kBea, kBravo, "security", "2027-01-01 00:00:00");

  EXPECT_THAT(Held(kAlpha), UnorderedElementsAre("storage-expert", "networking"));
  EXPECT_THAT(Held(kBravo), UnorderedElementsAre("security"));
  EXPECT_THAT(Held(99), IsEmpty());

  // A second later Rob's networking certification has expired too.
  clock_.Advance(absl::Seconds(1));
  EXPECT_THAT(Held(kAlpha), UnorderedElementsAre("storage-expert"));
  // A second earlier Hid's still counted.
  clock_.Advance(absl::Seconds(-2));
  EXPECT_THAT(Held(kAlpha), UnorderedElementsAre("storage-expert", "networking", "expired"));
}

TEST_F(MysqlCertificationRegistryTest, OnlyTheUsersStillActiveAtThePartnerCount) {
  Certify(kAnn, kAlpha, "storage-expert", "2027-01-01 00:00:00");
  Certify(kRob, kAlpha, "networking", "2027-01-01 00:00:00");
  Certify(kBea, kAlpha, "security", "2027-01-01 00:00:00");  // earned while at Alpha
  EXPECT_THAT(Held(kAlpha), UnorderedElementsAre("storage-expert", "networking"));
  EXPECT_THAT(Held(kBravo), IsEmpty());  // Bea's was earned for Alpha

  // Rob is disabled: his certification no longer opens Alpha's programs.
  Exec(absl::StrCat("UPDATE users SET status = ", cim::v1::USER_STATUS_DISABLED,
                    " WHERE id = ", kRob));
  EXPECT_THAT(Held(kAlpha), UnorderedElementsAre("storage-expert"));
  // Ann moves to Bravo: hers counts for neither.
  Exec(absl::StrCat("UPDATE users SET partner_id = ", kBravo, " WHERE id = ", kAnn));
  EXPECT_THAT(Held(kAlpha), IsEmpty());
  EXPECT_THAT(Held(kBravo), IsEmpty());
}

}  // namespace
}  // namespace cim
