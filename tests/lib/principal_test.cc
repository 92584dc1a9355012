// The one partner read rule: partner roles read their own partner only, and another partner's
// data answers NOT_FOUND exactly as data that does not exist.
#include "lib/principal.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

Principal Caller(Role role, int64_t partner_id) {
  return Principal{.user_id = 1, .role = role, .partner_id = partner_id};
}

TEST(PartnerReadScopeTest, LimitsPartnerRolesToTheirOwnPartner) {
  struct Case {
    const char* name;
    Principal caller;
    int64_t requested;
    absl::StatusCode code;
    int64_t scope;  // when OK
  } cases[] = {
      {"rep, no filter", Caller(cim::v1::ROLE_PARTNER_REP, 7), 0, absl::StatusCode::kOk, 7},
      {"admin, own partner", Caller(cim::v1::ROLE_PARTNER_ADMIN, 7), 7, absl::StatusCode::kOk, 7},
      {"admin, another partner", Caller(cim::v1::ROLE_PARTNER_ADMIN, 7), 8,
       absl::StatusCode::kNotFound, 0},
      {"rep, another partner", Caller(cim::v1::ROLE_PARTNER_REP, 7), 99999,
       absl::StatusCode::kNotFound, 0},
      {"channel manager, all", Caller(cim::v1::ROLE_CHANNEL_MANAGER, 0), 0, absl::StatusCode::kOk,
       0},
      {"finance, one partner", Caller(cim::v1::ROLE_FINANCE, 0), 8, absl::StatusCode::kOk, 8},
      {"service account, one partner", Caller(cim::v1::ROLE_SERVICE_ACCOUNT, 0), 8,
       absl::StatusCode::kOk, 8},
      {"no role", Caller(cim::v1::ROLE_UNSPECIFIED, 0), 8, absl::StatusCode::kPermissionDenied, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<int64_t> scope = PartnerReadScope(c.caller, c.requested);
    EXPECT_EQ(scope.status().code(), c.code);
    if (scope.ok()) EXPECT_EQ(*scope, c.scope);
  }
  EXPECT_THAT(PartnerReadScope(Caller(cim::v1::ROLE_PARTNER_REP, 7), 8),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 8 not found")));
}

TEST(PartnerReadScopeTest, AForeignPartnersResourceIsNotFound) {
  EXPECT_TRUE(CheckPartnerReadable(Caller(cim::v1::ROLE_PARTNER_REP, 7), 7, "claim", 3).ok());
  EXPECT_TRUE(CheckPartnerReadable(Caller(cim::v1::ROLE_FINANCE, 0), 7, "claim", 3).ok());
  EXPECT_THAT(CheckPartnerReadable(Caller(cim::v1::ROLE_PARTNER_ADMIN, 7), 8, "statement", 12),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("statement 12 not found")));
}

}  // namespace
}  // namespace cim
