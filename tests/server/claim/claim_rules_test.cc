// Claim rules without a database: the review state machine, segregation of duties, duplicate
// keys and the submission hash.
#include "server/claim/claim_rules.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(ClaimRulesTest, ReviewStateMachine) {
  using cim::v1::CLAIM_STATUS_APPROVED;
  using cim::v1::CLAIM_STATUS_IN_REVIEW;
  using cim::v1::CLAIM_STATUS_NEEDS_INFO;
  using cim::v1::CLAIM_STATUS_PAID;
  using cim::v1::CLAIM_STATUS_REJECTED;
  using cim::v1::CLAIM_STATUS_SUBMITTED;
  struct Case {
    ClaimStatus from;
    ClaimAction action;
    ClaimStatus want;  // UNSPECIFIED: refused
  } cases[] = {
      {CLAIM_STATUS_SUBMITTED, ClaimAction::kStartReview, CLAIM_STATUS_IN_REVIEW},
      {CLAIM_STATUS_SUBMITTED, ClaimAction::kApprove, CLAIM_STATUS_APPROVED},
      {CLAIM_STATUS_IN_REVIEW, ClaimAction::kApprove, CLAIM_STATUS_APPROVED},
      {CLAIM_STATUS_IN_REVIEW, ClaimAction::kReject, CLAIM_STATUS_REJECTED},
      {CLAIM_STATUS_SUBMITTED, ClaimAction::kRequestInfo, CLAIM_STATUS_NEEDS_INFO},
      {CLAIM_STATUS_NEEDS_INFO, ClaimAction::kResubmit, CLAIM_STATUS_SUBMITTED},
      {CLAIM_STATUS_IN_REVIEW, ClaimAction::kStartReview, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_NEEDS_INFO, ClaimAction::kApprove, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_APPROVED, ClaimAction::kReject, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_APPROVED, ClaimAction::kApprove, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_REJECTED, ClaimAction::kResubmit, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_PAID, ClaimAction::kRequestInfo, cim::v1::CLAIM_STATUS_UNSPECIFIED},
      {CLAIM_STATUS_SUBMITTED, ClaimAction::kResubmit, cim::v1::CLAIM_STATUS_UNSPECIFIED},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(ClaimStatusName(c.from), " action ", static_cast<int>(c.action)));
    absl::StatusOr<ClaimStatus> next = NextStatus(c.from, c.action);
    if (c.want == cim::v1::CLAIM_STATUS_UNSPECIFIED) {
      EXPECT_THAT(next, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cannot")));
    } else {
      ASSERT_TRUE(next.ok()) << next.status();
      EXPECT_EQ(*next, c.want);
    }
  }
}

TEST(ClaimRulesTest, SegregationOfDuties) {
  Principal manager{.user_id = 10, .role = cim::v1::ROLE_CHANNEL_MANAGER};
  EXPECT_TRUE(CheckMayReview(manager, /*partner_id=*/3, /*submitted_by=*/7).ok());
  EXPECT_THAT(CheckMayReview(manager, 3, /*submitted_by=*/10),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("you submitted")));
  Principal attached = manager;  // a reviewer who belongs to the claiming partner
  attached.partner_id = 3;
  EXPECT_THAT(CheckMayReview(attached, 3, 7),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("own partner")));
  for (Role role :
       {cim::v1::ROLE_PARTNER_ADMIN, cim::v1::ROLE_FINANCE, cim::v1::ROLE_SERVICE_ACCOUNT}) {
    Principal p{.user_id = 11, .role = role};
    EXPECT_THAT(CheckMayReview(p, 3, 7), StatusIs(absl::StatusCode::kPermissionDenied));
  }
}

TEST(ClaimRulesTest, DuplicateAndConflictKeys) {
  EXPECT_EQ(InvoiceKey("inv-2026/001.a"), "INV2026001A");
  EXPECT_EQ(InvoiceKey(" INV 2026 001 A "), "INV2026001A");
  EXPECT_EQ(CustomerKey("ACME B.V."), CustomerKey("Acme BV"));
  EXPECT_NE(CustomerKey("Acme BV"), CustomerKey("Acme NV"));
  EXPECT_EQ(CustomerKey("Café Zoë"), "cafézoë");
}

TEST(ClaimRulesTest, SubmissionHashCoversTheBodyAndThePartner) {
  cim::v1::SubmitClaimRequest a;
  a.set_idempotency_key("k-12345678");
  a.mutable_claim()->set_invoice_number("INV-1");
  a.mutable_claim()->add_lines()->set_quantity(2);
  cim::v1::SubmitClaimRequest b = a;
  EXPECT_EQ(SubmissionHash(a, 1), SubmissionHash(b, 1));
  b.set_idempotency_key("k-other-key");  // the key itself is not part of the body
  EXPECT_EQ(SubmissionHash(a, 1), SubmissionHash(b, 1));
  b.mutable_claim()->mutable_lines(0)->set_quantity(3);
  EXPECT_NE(SubmissionHash(a, 1), SubmissionHash(b, 1));
  EXPECT_NE(SubmissionHash(a, 1), SubmissionHash(a, 2));
}

}  // namespace
}  // namespace cim
