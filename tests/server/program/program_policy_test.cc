// The program status machine (only legal transitions, each other refused as FAILED_PRECONDITION)
// and every gap that keeps a partner from a program, in order, with its values and next step.
#include "server/program/program_policy.h"

#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
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

// The reasons of `gaps`, in order.
std::vector<std::string> Reasons(const std::vector<cim::v1::EligibilityGap>& gaps) {
  std::vector<std::string> out;
  for (const cim::v1::EligibilityGap& g : gaps) out.push_back(InEnglish(g.reason()));
  return out;
}

TEST(ProgramPolicyTest, EveryGapWithItsValuesAndNextStep) {
  cim::v1::Program p;
  p.mutable_eligibility()->add_partner_types(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  p.mutable_eligibility()->add_partner_types(cim::v1::PARTNER_TYPE_MSP);
  p.mutable_eligibility()->add_tiers("gold");
  p.mutable_eligibility()->add_tiers("platinum");
  p.mutable_eligibility()->add_regions("EMEA-NL");
  p.mutable_eligibility()->add_required_certifications("storage-expert");
  cim::v1::Partner partner;
  partner.set_id(7);
  partner.set_type(cim::v1::PARTNER_TYPE_RESELLER);
  partner.set_tier("silver");
  partner.set_region("EMEA-DE");
  partner.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
  const std::vector<cim::v1::EligibilityGap> gaps = EligibilityGaps(p, partner, {});
  EXPECT_THAT(Reasons(gaps),
              ElementsAre("partner type reseller is not eligible (distributor or msp only)",
                          "tier silver is not eligible (gold or platinum only)",
                          "region EMEA-DE is not eligible (EMEA-NL only)",
                          "requires certification storage-expert, which no user of the partner "
                          "holds"));
  struct Expected {
    cim::v1::EligibilityGapKind kind;
    const char* current;
    std::vector<std::string> allowed;
    const char* next_step;
  };
  const Expected expected[] = {
      {cim::v1::ELIGIBILITY_GAP_KIND_PARTNER_TYPE,
       "reseller",
       {"distributor", "msp"},
       "open to other partner types: ask your channel manager about similar programs"},
      {cim::v1::ELIGIBILITY_GAP_KIND_TIER,
       "silver",
       {"gold", "platinum"},
       "reach tier gold or platinum"},
      {cim::v1::ELIGIBILITY_GAP_KIND_REGION,
       "EMEA-DE",
       {"EMEA-NL"},
       "open to other regions: ask your channel manager about programs in yours"},
      {cim::v1::ELIGIBILITY_GAP_KIND_CERTIFICATION,
       "",
       {},
       "have a user certified in storage-expert (see Training)"},
  };
  ASSERT_EQ(gaps.size(), std::size(expected));
  for (size_t i = 0; i < gaps.size(); ++i) {
    SCOPED_TRACE(gaps[i].reason());
    EXPECT_EQ(gaps[i].kind(), expected[i].kind);
    EXPECT_EQ(gaps[i].current(), expected[i].current);
    EXPECT_THAT(gaps[i].allowed(), ElementsAreArray(expected[i].allowed));
    EXPECT_EQ(InEnglish(gaps[i].next_step()), expected[i].next_step);
  }
  EXPECT_EQ(gaps[3].certification_code(), "storage-expert");

  partner.set_type(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  partner.set_tier("gold");
  partner.set_region("EMEA-NL");
  EXPECT_THAT(EligibilityGaps(p, partner, {"storage-expert"}), IsEmpty());
  p.mutable_eligibility()->add_partner_ids(8);
  partner.set_status(cim::v1::PARTNER_STATUS_SUSPENDED);
  const std::vector<cim::v1::EligibilityGap> closed =
      EligibilityGaps(p, partner, {"storage-expert"});
  EXPECT_THAT(Reasons(closed), ElementsAre("the partner is suspended",
                                           "the program is open to named partners only"));
  EXPECT_EQ(closed[0].kind(), cim::v1::ELIGIBILITY_GAP_KIND_PARTNER_STATUS);
  EXPECT_EQ(closed[1].kind(), cim::v1::ELIGIBILITY_GAP_KIND_NAMED_PARTNERS);
  EXPECT_THAT(InEnglish(closed[1].next_step()), HasSubstr("channel manager"));
}

}  // namespace
}  // namespace cim
