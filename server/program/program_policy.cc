#include "server/program/program_policy.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/phrase.h"
#include "lib/text_field.h"

namespace cim {
namespace {

using cim::v1::ProgramStatus;

std::string PartnerTypeName(cim::v1::PartnerType type) {
  return absl::AsciiStrToLower(WithoutPrefix(cim::v1::PartnerType_Name(type), "PARTNER_TYPE_"));
}

template <typename List, typename Value>
bool Allows(const List& list, const Value& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::string ProgramStatusName(ProgramStatus status) {
  return WithoutPrefix(cim::v1::ProgramStatus_Name(status), "PROGRAM_STATUS_");
}

absl::Status CheckTransition(ProgramStatus from, ProgramStatus to) {
  using cim::v1::PROGRAM_STATUS_ACTIVE;
  using cim::v1::PROGRAM_STATUS_CLOSED;
  using cim::v1::PROGRAM_STATUS_DRAFT;
  using cim::v1::PROGRAM_STATUS_PAUSED;
  const bool allowed = (to == PROGRAM_STATUS_ACTIVE &&
                        (from == PROGRAM_STATUS_DRAFT || from == PROGRAM_STATUS_PAUSED)) ||
                       (to == PROGRAM_STATUS_PAUSED && from == PROGRAM_STATUS_ACTIVE) ||
                       (to == PROGRAM_STATUS_CLOSED &&
                        (from == PROGRAM_STATUS_ACTIVE || from == PROGRAM_STATUS_PAUSED));
  if (allowed) return absl::OkStatus();
  return absl::FailedPreconditionError(Phrase("error.program_transition")
                                           .Text("from", ProgramStatusName(from))
                                           .Text("to", ProgramStatusName(to))
                                           .str());
}

std::vector<cim::v1::EligibilityGap> EligibilityGaps(
    const cim::v1::Eligibility& e, const cim::v1::Partner& partner,
    const absl::flat_hash_set<std::string>& certifications, absl::string_view what) {
  std::vector<cim::v1::EligibilityGap> gaps;
  const auto gap = [&](cim::v1::EligibilityGapKind kind, std::string reason,
                       std::string next_step) -> cim::v1::EligibilityGap& {
    cim::v1::EligibilityGap& g = gaps.emplace_back();
    g.set_kind(kind);
    g.set_reason(std::move(reason));
    g.set_next_step(std::move(next_step));
    return g;
  };
  // What the program allows, and the partner's own value, on a gap of that kind.
  const auto values = [](cim::v1::EligibilityGap& g, std::string current,
                         std::vector<std::string> allowed) {
    g.set_current(std::move(current));
    for (std::string& a : allowed) g.add_allowed(std::move(a));
  };
  // "program" or "item": what the texts say the partner may not join or buy.
  const std::string thing(what);
  if (partner.status() != cim::v1::PARTNER_STATUS_ACTIVE) {
    gap(cim::v1::ELIGIBILITY_GAP_KIND_PARTNER_STATUS, Phrase("eligibility.suspended"),
        Phrase("eligibility.suspended_step"));
  }
  if (!Allows(e.partner_types(), partner.type())) {
    std::vector<std::string> names;
    for (int t : e.partner_types()) {
      names.push_back(PartnerTypeName(static_cast<cim::v1::PartnerType>(t)));
    }
    const std::string current = PartnerTypeName(partner.type());
    values(gap(cim::v1::ELIGIBILITY_GAP_KIND_PARTNER_TYPE,
               Phrase("eligibility.partner_type").Text("current", current).OrList("allowed", names),
               Phrase("eligibility.partner_type_step").Text("what", thing)),
           current, names);
  }
  if (!Allows(e.tiers(), partner.tier())) {
    const std::vector<std::string> tiers(e.tiers().begin(), e.tiers().end());
    values(gap(cim::v1::ELIGIBILITY_GAP_KIND_TIER,
               Phrase("eligibility.tier").Text("current", partner.tier()).OrList("allowed", tiers),
               Phrase("eligibility.tier_step").OrList("allowed", tiers)),
           partner.tier(), tiers);
  }
  if (!Allows(e.regions(), partner.region())) {
    const std::vector<std::string> regions(e.regions().begin(), e.regions().end());
    values(gap(cim::v1::ELIGIBILITY_GAP_KIND_REGION,
               Phrase("eligibility.region")
                   .Text("current", partner.region())
                   .OrList("allowed", regions),
               Phrase("eligibility.region_step").Text("what", thing)),
           partner.region(), regions);
  }
  if (!Allows(e.partner_ids(), partner.id())) {
    gap(cim::v1::ELIGIBILITY_GAP_KIND_NAMED_PARTNERS,
        Phrase("eligibility.named_partners").Text("what", thing),
        Phrase("eligibility.named_partners_step"));
  }
  for (const std::string& code : e.required_certifications()) {
    if (certifications.contains(code)) continue;
    gap(cim::v1::ELIGIBILITY_GAP_KIND_CERTIFICATION,
        Phrase("eligibility.certification").Text("code", code),
        Phrase("eligibility.certification_step").Text("code", code))
        .set_certification_code(code);
  }
  return gaps;
}

}  // namespace cim
