// The program status machine (only legal transitions, each other refused as FAILED_PRECONDITION)
// and every reason a partner is not eligible for a program, in order.
#include "server/program/program_policy.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(ProgramPolicyTest, OnlyLegalTransitions) {
  using S = cim::v1::ProgramStatus;
  const S kDraft = cim::v1::PROGRAM_STATUS_DRAFT, kActive = cim::v1::PROGRAM_STATUS_ACTIVE,
          kPaused = cim::v1::PROGRAM_STATUS_PAUSED, kClosed = cim::v1::PROGRAM_STATUS_CLOSED;
  struct Case {
    S from, to;
    bool allowed;
  } cases[] = {
      {kDraft, kActive, true},   {kActive, kPaused, true},  {kPaused, kActive, true},
      {kActive, kClosed, true},  {kPaused, kClosed, true},  {kDraft, kPaused, false},
      {kDraft, kClosed, false},  {kClosed, kActive, false}, {kClosed, kPaused, false},
      {kActive, kActive, false}, {kActive, kDraft, false},  {kPaused, kPaused, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(ProgramStatusName(c.from), " -> ", ProgramStatusName(c.to)));
    if (c.allowed) {
      EXPECT_TRUE(CheckTransition(c.from, c.to).ok());
    } else {
      EXPECT_THAT(CheckTransition(c.from, c.to),
                  StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cannot become")));
    }
  }
}

TEST(ProgramPolicyTest, EveryIneligibilityReason) {
  cim::v1::Program p;
  p.mutable_eligibility()->add_partner_types(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  p.mutable_eligibility()->add_tiers("gold");
  p.mutable_eligibility()->add_regions("EMEA-NL");
  p.mutable_eligibility()->add_required_certifications("storage-expert");
  cim::v1::Partner partner;
  partner.set_id(7);
  partner.set_type(cim::v1::PARTNER_TYPE_RESELLER);
  partner.set_tier("silver");
  partner.set_region("EMEA-DE");
  partner.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
  EXPECT_THAT(IneligibilityReasons(p, partner, {}),
              ElementsAre("partner type reseller is not eligible (distributor only)",
                          "tier silver is not eligible (gold only)",
                          "region EMEA-DE is not eligible (EMEA-NL only)",
                          "requires certification storage-expert, which no user of the partner "
                          "holds"));
  partner.set_type(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  partner.set_tier("gold");
  partner.set_region("EMEA-NL");
  EXPECT_THAT(IneligibilityReasons(p, partner, {"storage-expert"}), IsEmpty());
  p.mutable_eligibility()->add_partner_ids(8);
  partner.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  EXPECT_THAT(
      IneligibilityReasons(p, partner, {"storage-expert"}),
      ElementsAre("the partner is suspended", "the program is open to named partners only"));
}

}  // namespace
}  // namespace cim
