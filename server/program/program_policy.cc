#include "server/program/program_policy.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
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
  return absl::FailedPreconditionError(absl::StrCat(
      "a ", ProgramStatusName(from), " program cannot become ", ProgramStatusName(to)));
}

std::vector<std::string> IneligibilityReasons(
    const cim::v1::Program& program, const cim::v1::Partner& partner,
    const absl::flat_hash_set<std::string>& certifications) {
  const cim::v1::Eligibility& e = program.eligibility();
  std::vector<std::string> reasons;
  if (partner.status() != cim::v1::PARTNER_STATUS_ACTIVE) {
    reasons.push_back("the partner is suspended");
  }
  if (!Allows(e.partner_types(), partner.type())) {
    std::vector<std::string> names;
    for (int t : e.partner_types()) {
      names.push_back(PartnerTypeName(static_cast<cim::v1::PartnerType>(t)));
    }
    reasons.push_back(absl::StrCat("partner type ", PartnerTypeName(partner.type()),
                                   " is not eligible (", absl::StrJoin(names, ", "), " only)"));
  }
  if (!Allows(e.tiers(), partner.tier())) {
    reasons.push_back(absl::StrCat("tier ", partner.tier(), " is not eligible (",
                                   absl::StrJoin(e.tiers(), ", "), " only)"));
  }
  if (!Allows(e.regions(), partner.region())) {
    reasons.push_back(absl::StrCat("region ", partner.region(), " is not eligible (",
                                   absl::StrJoin(e.regions(), ", "), " only)"));
  }
  if (!Allows(e.partner_ids(), partner.id())) {
    reasons.push_back("the program is open to named partners only");
  }
  for (const std::string& code : e.required_certifications()) {
    if (!certifications.contains(code)) {
      reasons.push_back(
          absl::StrCat("requires certification ", code, ", which no user of the partner holds"));
    }
  }
  return reasons;
}

}  // namespace cim
