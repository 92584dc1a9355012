// ActingPartner over the real partner store: partner roles act for their own partner only
// (PERMISSION_DENIED for another), service accounts for the partner they name (INVALID_ARGUMENT
// on the caller's field when it is missing or unknown), vendor roles not at all (with the
// caller's refusal text).
#include "server/identity/acting_partner.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;

constexpr char kRefusal[] = "claims are submitted by partners or service accounts";

class ActingPartnerTest : public IdentityStoreTest {};

TEST_F(ActingPartnerTest, WhoActsForWhom) {
  const int64_t alpha = alpha_.id();
  const int64_t bravo = bravo_.id();
  const struct {
    const char* name;
    cim::v1::User caller;
    int64_t requested;
    absl::StatusCode code;
    int64_t acting;  // when OK
  } kCases[] = {
      {"rep, nothing named", alpha_rep_, 0, absl::StatusCode::kOk, alpha},
      {"admin names own partner", alpha_admin_, alpha, absl::StatusCode::kOk, alpha},
      {"rep names another partner", alpha_rep_, bravo, absl::StatusCode::kPermissionDenied, 0},
      {"other rep names alpha", bravo_rep_, alpha, absl::StatusCode::kPermissionDenied, 0},
      {"service names bravo", service_, bravo, absl::StatusCode::kOk, bravo},
      {"service names alpha", service_, alpha, absl::StatusCode::kOk, alpha},
      {"service names none", service_, 0, absl::StatusCode::kInvalidArgument, 0},
      {"service names a negative id", service_, -3, absl::StatusCode::kInvalidArgument, 0},
      {"service names an unknown partner", service_, bravo + 50, absl::StatusCode::kInvalidArgument,
       0},
      {"program admin", admin_, alpha, absl::StatusCode::kPermissionDenied, 0},
      {"channel manager, nothing named", manager_, 0, absl::StatusCode::kPermissionDenied, 0},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<int64_t> acting =
        ActingPartner(As(c.caller), c.requested, "claim.partner_id", kRefusal, partners_);
    if (c.code == absl::StatusCode::kOk) {
      EXPECT_THAT(acting, IsOkAndHolds(c.acting)) << c.name;
    } else {
      EXPECT_THAT(acting, StatusIs(c.code)) << c.name;
    }
  }
}

TEST_F(ActingPartnerTest, RefusalsSayWhy) {
  EXPECT_THAT(ActingPartner(As(alpha_rep_), bravo_.id(), "partner_id", kRefusal, partners_),
              StatusIs(absl::StatusCode::kPermissionDenied,
                       "partner users act only for their own partner"));
  EXPECT_THAT(ActingPartner(As(manager_), 0, "partner_id", kRefusal, partners_),
              StatusIs(absl::StatusCode::kPermissionDenied, kRefusal));
  Principal finance;
  finance.user_id = 99;
  finance.role = cim::v1::ROLE_FINANCE;
  EXPECT_THAT(ActingPartner(finance, alpha_.id(), "partner_id", "not for finance", partners_),
              StatusIs(absl::StatusCode::kPermissionDenied, "not for finance"));
}

TEST_F(ActingPartnerTest, AServiceAccountsMistakeNamesTheCallersField) {
  absl::StatusOr<int64_t> missing =
      ActingPartner(As(service_), 0, "request.partner_id", kRefusal, partners_);
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kInvalidArgument,
                                ::testing::HasSubstr("required for service accounts")));
  EXPECT_THAT(ViolatedFields(missing.status()), ElementsAre("request.partner_id"));

  const int64_t unknown = bravo_.id() + 50;
  absl::StatusOr<int64_t> absent =
      ActingPartner(As(service_), unknown, "fund_request.partner_id", kRefusal, partners_);
  EXPECT_THAT(absent, StatusIs(absl::StatusCode::kInvalidArgument,
                               ::testing::HasSubstr(absl::StrCat("unknown partner ", unknown))));
  EXPECT_THAT(ViolatedFields(absent.status()), ElementsAre("fund_request.partner_id"));
}

}  // namespace
}  // namespace cim
