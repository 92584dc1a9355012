// The fixture the partner tier tests share: the recognition store fixture's database (Alpha,
// a gold EMEA reseller with Ann, Rob and Hid; Bravo, a silver NA distributor with Bea; vendor
// staff Vera) and its outbox helpers, the tier store on it, a three-tier EUR ladder, and a
// helper granting certifications.
#ifndef CIM_TESTS_SERVER_PARTNER_TIER_PARTNER_TIER_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_PARTNER_TIER_PARTNER_TIER_STORE_FIXTURE_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "cim/v1/tier.pb.h"
#include "server/partner_tier/mysql_partner_tier_repository.h"
#include "tests/server/recognition/recognition_store_fixture.h"

namespace cim {

// Silver for everyone; Gold from 100,000 EUR of trailing sales and 2 users certified
// storage-expert; Platinum from 250,000 EUR, the same certifications and 5,000 points.
inline constexpr char kTierLadder[] = R"pb(
  currency_code: "EUR"
  tiers { rank: 1 code: "silver" name: "Silver" benefits: "Portal access" }
  tiers {
    rank: 2
    code: "gold"
    name: "Gold"
    benefits: "MDF"
    criteria {
      min_trailing_sales: "100000"
      min_certified_users: 2
      certification_code: "storage-expert"
    }
  }
  tiers {
    rank: 3
    code: "platinum"
    name: "Platinum"
    benefits: "MDF and co-op"
    criteria {
      min_trailing_sales: "250000"
      min_certified_users: 2
      certification_code: "storage-expert"
      min_trailing_points: "5000"
    }
  }
)pb";

class PartnerTierStoreTest : public RecognitionStoreTest {
 protected:
  // `user` of `partner` certified `code` until `expires` (DATETIME text).
  void Certify(int64_t user, int64_t partner, const std::string& code, const std::string& expires) {
    Exec(absl::StrCat(
        "INSERT INTO certifications (user_id, certification_code, partner_id, module_id,"
        " earned_at, expires_at) VALUES (",
        user, ", '", code, "', ", partner, ", 1, '2025-01-01', '", expires, "')"));
  }

  MysqlPartnerTierRepository tiers_{database_.db()};
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_PARTNER_TIER_PARTNER_TIER_STORE_FIXTURE_H_
